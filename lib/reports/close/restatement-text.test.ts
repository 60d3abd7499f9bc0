import { describe, expect, it } from "vitest";
import { restatementText } from "./restatement-text";

describe("restatementText", () => {
  it("says how much and how many calls arrived on which day", () => {
    // 3 calls worth 10,000,000 nano-dollars = $0.01, all arrived on 2026-12-02.
    expect(restatementText(10_000_000n, 3, [{ addedOn: "2026-12-02", requests: 3 }])).toBe("restated: +$0.01, 3 calls added on Dec 2");
  });
  it("names each day with its calls when they arrived on several days, and small amounts keep four decimals", () => {
    // 1 call of $0.0025 on Dec 1 and 1 call on Dec 3: +$0.0050 in total.
    expect(restatementText(5_000_000n, 2, [{ addedOn: "2026-12-01", requests: 1 }, { addedOn: "2026-12-03", requests: 1 }])).toBe(
      "restated: +$0.0050, 2 calls added on Dec 1 (1), Dec 3 (1)",
    );
  });
  it("a change without new calls is a re-pricing", () => {
    expect(restatementText(-2_000_000_000n, 0, [])).toBe("restated: -$2.00 (no calls added: re-priced or re-attributed)");
  });
});
