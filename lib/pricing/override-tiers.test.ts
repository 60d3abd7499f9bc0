import { describe, expect, it } from "vitest";
import { createPricer, type PricedCall, type PriceOverrideInput } from "./index";

/**
 * Price overrides keep long-context tiers and cache ratios (issue 9.6). Claude Sonnet 4.5 in the catalogue
 * (genai-prices 0.1.8), USD per million: input 3 -> 6 above 200k, cache read 0.30 -> 0.60, cache write 3.75 -> 7.50,
 * output 15 -> 22.50. A negotiated 20% off: input $2.40, output $12, cache prices left blank.
 * Hand-derived card: cache read 2.40 * 0.30/3 = $0.24, cache write 2.40 * 3.75/3 = $3.00; above 200k: input
 * 2.40 * 6/3 = $4.80, cache read 0.24 * 0.60/0.30 = $0.48, output 12 * 22.50/15 = $18.
 */
const override = (extra: Partial<PriceOverrideInput> = {}): PriceOverrideInput => ({
  id: 1,
  provider: "anthropic",
  model: "claude-sonnet-4-5",
  inputPerMtok: "2.4",
  cachedInputPerMtok: null,
  cacheWritePerMtok: null,
  outputPerMtok: "12",
  validFrom: new Date("2026-01-01T00:00:00Z"),
  ...extra,
});
const call = (p: Partial<PricedCall>): PricedCall => ({
  provider: "anthropic",
  model: "claude-sonnet-4-5-20250929",
  occurredAt: new Date("2026-10-01T12:00:00Z"),
  inputTokens: 0,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  outputTokens: 0,
  batch: false,
  serviceTier: null,
  ...p,
});

describe("price overrides keep long-context tiers", () => {
  const pricer = createPricer([override()]);

  it("a short call: base override rates, blank cache read at the catalogue's 0.1 ratio", () => {
    // 8,000 * 2,400 + 2,000 * 240 + 1,000 * 12,000 = 19,200,000 + 480,000 + 12,000,000
    expect(pricer.price(call({ inputTokens: 10_000, cachedInputTokens: 2_000, outputTokens: 1_000 })).costNanos).toBe(31_680_000n);
  });

  it("a call above 200k: the override scaled by the catalogue's long/base ratios (not flattened)", () => {
    // 200,000 * 4,800 + 50,000 * 480 + 1,000 * 18,000 = 960,000,000 + 24,000,000 + 18,000,000
    const r = pricer.price(call({ inputTokens: 250_000, cachedInputTokens: 50_000, outputTokens: 1_000 }));
    expect(r).toEqual({ costNanos: 1_002_000_000n, priceSource: 2, overrideId: 1 });
  });

  it("blank cache write follows the catalogue's 1.25 ratio", () => {
    // 1,000 writes * 3,000 = 3,000,000
    expect(pricer.price(call({ inputTokens: 1_000, cacheWriteTokens: 1_000 })).costNanos).toBe(3_000_000n);
  });

  it("an override can give both rates: its own long-context rates above its own threshold", () => {
    const both = createPricer([override({ longContextAbove: 200_000, longInputPerMtok: "5", longOutputPerMtok: "20" })]);
    // Long cache read blank: 5 * (catalogue long 0.60 / long 6) = $0.50.
    // 200,000 * 5,000 + 50,000 * 500 + 1,000 * 20,000 = 1,000,000,000 + 25,000,000 + 20,000,000
    expect(both.price(call({ inputTokens: 250_000, cachedInputTokens: 50_000, outputTokens: 1_000 })).costNanos).toBe(1_045_000_000n);
    // At or below the threshold: base rates. 200,000 * 2,400 = 480,000,000
    expect(both.price(call({ inputTokens: 200_000 })).costNanos).toBe(480_000_000n);
  });

  it("a usage bucket of 1,000 ordinary calls under an override stays at the base tier", () => {
    // 5,000,000 * 2,400 + 500,000 * 12,000 = 12,000,000,000 + 6,000,000,000
    expect(pricer.price(call({ inputTokens: 5_000_000, outputTokens: 500_000, requests: 1_000 })).costNanos).toBe(18_000_000_000n);
  });
});
