import { describe, expect, it } from "vitest";
import { createPricer, type PricedCall } from "./index";
import { parseContextWindow, tierInputPerCall } from "./per-call-tier";

/**
 * A usage-export row stands for many calls: its context-length tier is chosen per call (issue 9.1).
 * Claude Sonnet 4.5 in the bundled catalogue (genai-prices 0.1.8): input $3 / output $15 per million tokens up to
 * 200,000 input tokens per call; $6 / $22.50 above. 1 token at $X per million = X * 1,000 nano-dollars.
 */
const pricer = createPricer([]);
const sonnet = (p: Partial<PricedCall>): PricedCall => ({
  provider: "anthropic",
  model: "claude-sonnet-4-5",
  occurredAt: new Date("2026-10-01T00:00:00Z"),
  inputTokens: 5_000_000,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  outputTokens: 500_000,
  batch: false,
  serviceTier: null,
  ...p,
});

// A day of 1,000 ordinary calls of 5,000 input and 500 output tokens, at the base tier:
//   5,000,000 * 3,000 + 500,000 * 15,000 = 15,000,000,000 + 7,500,000,000 = $22.50
const BASE_DAY = 22_500_000_000n;
// The same tokens at the >200k tier (what pricing the bucket as one giant call gave):
//   5,000,000 * 6,000 + 500,000 * 22,500 = 30,000,000,000 + 11,250,000,000 = $41.25 (1.83x too high)
const LONG_DAY = 41_250_000_000n;

describe("usage buckets are priced per call, not as one giant call", () => {
  it("1,000 Sonnet 4.5 calls in one day bucket (OpenAI-style num_model_requests): base tier", () => {
    expect(pricer.price(sonnet({ requests: 1_000 })).costNanos).toBe(BASE_DAY);
  });

  it("Anthropic context_window 0-200k: base tier even without a request count", () => {
    expect(pricer.price(sonnet({ requests: 0, contextWindow: "0-200k" })).costNanos).toBe(BASE_DAY);
  });

  it("Anthropic context_window 200k-1M: every call of the bucket is long-context", () => {
    // e.g. 20 calls of 250,000 input tokens: same sums, long tier.
    const r = pricer.price(sonnet({ requests: 0, contextWindow: "200k-1M" }));
    expect(r.costNanos).toBe(LONG_DAY);
    expect(r.assumedBaseTier).toBeUndefined();
  });

  it("average above the threshold picks the long tier: 10 calls of 250,000 input tokens", () => {
    // 2,500,000 * 6,000 + 100,000 * 22,500 = 15,000,000,000 + 2,250,000,000 = $17.25
    expect(pricer.price(sonnet({ requests: 10, inputTokens: 2_500_000, outputTokens: 100_000 })).costNanos).toBe(17_250_000_000n);
  });

  it("an average of exactly 200,000 is not above the threshold: base tier", () => {
    // 2,000,000 * 3,000 = $6
    expect(pricer.price(sonnet({ requests: 10, inputTokens: 2_000_000, outputTokens: 0 })).costNanos).toBe(6_000_000_000n);
  });

  it("neither a request count nor a context window: base tier, flagged so the import says so", () => {
    const r = pricer.price(sonnet({ requests: 0 }));
    expect(r.costNanos).toBe(BASE_DAY);
    expect(r.assumedBaseTier).toBe(true);
    // Not flagged when the bucket is small enough that no call can have crossed the threshold.
    expect(pricer.price(sonnet({ requests: 0, inputTokens: 150_000, outputTokens: 0 })).assumedBaseTier).toBeUndefined();
  });

  it("a single call is still its own size", () => {
    // 250,000 * 6,000 = $1.50
    expect(pricer.price(sonnet({ inputTokens: 250_000, outputTokens: 0 })).costNanos).toBe(1_500_000_000n);
    expect(pricer.price(sonnet({ requests: 1, inputTokens: 250_000, outputTokens: 0 })).costNanos).toBe(1_500_000_000n);
  });
});

describe("tierInputPerCall", () => {
  it("reads Anthropic's context_window groupings", () => {
    expect(parseContextWindow("0-200k")).toEqual({ lo: 0, hi: 200_000 });
    expect(parseContextWindow("200k-1M")).toEqual({ lo: 200_000, hi: 1_000_000 });
    expect(parseContextWindow("weird")).toBeNull();
  });

  it("clamps the average into the provider's band, and says what it used", () => {
    expect(tierInputPerCall(5_000_000, 1_000)).toEqual({ tokens: 5_000, basis: "average" });
    expect(tierInputPerCall(5_000_000, 0, "200k-1M")).toEqual({ tokens: 200_001, basis: "context_window" });
    expect(tierInputPerCall(5_000_000, 10, "0-200k")).toEqual({ tokens: 200_000, basis: "context_window" });
    expect(tierInputPerCall(5_000_000, 0)).toEqual({ tokens: 0, basis: "assumed_base" });
    expect(tierInputPerCall(123, undefined)).toEqual({ tokens: 123, basis: "call" });
  });
});

describe("server-side tools are priced per call (issue 15.5)", () => {
  it("Anthropic web searches: $10 per 1,000 from the catalogue, on top of tokens, and reported apart", () => {
    // Tokens: 100,000 * 3,000 + 10,000 * 15,000 = 450,000,000; 25 searches * 10,000,000 (= $0.01 each) = 250,000,000
    const r = pricer.price(sonnet({ inputTokens: 100_000, outputTokens: 10_000, webSearches: 25 }));
    expect(r.costNanos).toBe(700_000_000n);
    expect(r.toolCostNanos).toBe(250_000_000n);
  });

  it("a price override's web-search rate replaces the catalogue's from its date", () => {
    const o = createPricer([
      { id: 3, provider: "anthropic", model: "claude-sonnet-4-5", inputPerMtok: "3", cachedInputPerMtok: null, cacheWritePerMtok: null, outputPerMtok: "15", webSearchPerK: "8", validFrom: new Date("2026-01-01T00:00:00Z") },
    ]);
    // 25 * $8 / 1,000 = $0.20 = 200,000,000; tokens as above
    const r = o.price(sonnet({ inputTokens: 100_000, outputTokens: 10_000, webSearches: 25 }));
    expect(r).toMatchObject({ costNanos: 650_000_000n, toolCostNanos: 200_000_000n, overrideId: 3 });
  });

  it("OpenAI file search calls at $2.50 per 1,000", () => {
    // GPT-4o: 1,000 * 2,500 = 2,500,000 tokens; 4 * 2,500,000 = 10,000,000 tools
    const r = pricer.price(sonnet({ provider: "openai", model: "gpt-4o", inputTokens: 1_000, outputTokens: 0, fileSearches: 4 }));
    expect(r).toMatchObject({ costNanos: 12_500_000n, toolCostNanos: 10_000_000n });
  });
});
