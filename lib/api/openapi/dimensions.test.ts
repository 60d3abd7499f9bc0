import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

describe("OpenAPI: tag dimensions", () => {
  it("documents /api/v1/dimensions and the tag grouping of /api/v1/spend", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { parameters?: { name: string }[]; description?: string }>> };
    expect(doc.paths["/api/v1/dimensions"]?.get).toBeDefined();
    expect(doc.paths["/api/v1/dimensions"]?.post).toBeDefined();
    expect(doc.paths["/api/v1/dimensions/{tagKey}"]?.delete?.parameters?.map((p) => p.name)).toEqual(["tagKey"]);
    const spend = doc.paths["/api/v1/spend"].get;
    expect(spend.parameters?.map((p) => p.name)).toContain("top");
    expect(spend.description).toContain("tag.<key>=<value>");
  });
});
