import { describe, expect, it } from "vitest";
import { cataloguePriceAt } from "./catalogue-price";

describe("cataloguePriceAt", () => {
  it("gives the list price in force, resolved like the pricer resolves a call", () => {
    // genai-prices 0.1.8: gpt-4o is $2.50 in / $1.25 cached / $10 out per million tokens.
    const direct = cataloguePriceAt("openai", "gpt-4o", new Date("2026-11-01T00:00:00Z"));
    expect(direct).toMatchObject({ provider: "openai", model: "gpt-4o", inputPerMtok: "2.5", cachedInputPerMtok: "1.25", outputPerMtok: "10" });
    // A LiteLLM path-like name resolves to the same catalogue model.
    expect(cataloguePriceAt("openai", "openai/gpt-4o", new Date("2026-11-01T00:00:00Z"))).toEqual(direct);
  });

  it("is null for a model the catalogue does not know (self-hosted)", () => {
    expect(cataloguePriceAt("acme", "acme-70b")).toBeNull();
  });
});
