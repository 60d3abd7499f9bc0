import { describe, expect, it } from "vitest";
import { placeAt } from "./rules-store";
import { firstMatchExpression } from "./rule-sql";

describe("placeAt", () => {
  it("puts a new rule last by default, at a 1-based position when asked, and keeps an edited rule in place", () => {
    expect(placeAt([1, 2, 3], 9, undefined)).toEqual([1, 2, 3, 9]);
    expect(placeAt([1, 2, 3], 9, 1)).toEqual([9, 1, 2, 3]);
    expect(placeAt([1, 2, 3], 9, 99)).toEqual([1, 2, 3, 9]);
    expect(placeAt([1, 2, 3], 2, undefined)).toEqual([1, 2, 3]);
    expect(placeAt([1, 2, 3], 3, 1)).toEqual([3, 1, 2]);
  });
});

describe("firstMatchExpression", () => {
  it("numbers rules in order and binds every pattern as a parameter", () => {
    const params: unknown[] = [];
    const sql = firstMatchExpression(
      [
        { match: { serviceName: "zap*" }, teamId: 1, workloadId: null },
        { match: { model: "gpt-4o", tags: { env: "prod" } }, teamId: 2, workloadId: 3 },
      ],
      params,
    );
    expect(sql).toBe("CASE WHEN ((e.tags->>'service.name') ILIKE $1) THEN 1 WHEN (m.name ILIKE $2 AND (e.tags->>$3) ILIKE $4) THEN 2 END");
    expect(params).toEqual(["zap%", "gpt-4o", "env", "prod"]);
    expect(firstMatchExpression([], [])).toBe("NULL::int");
  });
});
