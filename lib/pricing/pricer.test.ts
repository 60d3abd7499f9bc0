import { describe, expect, it } from "vitest";
import { calcPrice } from "@pydantic/genai-prices";
import { createPricer, InvalidUsageError, type PricedCall, type PriceOverrideInput } from "./index";

/**
 * Expected costs are worked out by hand from the catalogue's published per-million prices
 * (@pydantic/genai-prices 0.1.8). 1 token at $X per million = X * 1000 nano-dollars.
 */

const pricer = createPricer([]);

function call(partial: Partial<PricedCall> & Pick<PricedCall, "provider" | "model">): PricedCall {
  return {
    occurredAt: new Date("2025-09-01T12:00:00Z"),
    inputTokens: 0,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    outputTokens: 0,
    batch: false,
    serviceTier: null,
    ...partial,
  };
}

describe("catalogue prices", () => {
  it("gpt-4o with cached input: $2.50 in, $1.25 cached, $10 out", () => {
    const r = pricer.price(call({ provider: "openai", model: "gpt-4o", inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 1_000 }));
    // 6,000 uncached * 2,500 + 4,000 cached * 1,250 + 1,000 out * 10,000 nano-$ = $0.015 + $0.005 + $0.01
    expect(r).toEqual({ costNanos: 30_000_000n, priceSource: 1, overrideId: null });
  });

  it("gpt-5 with cached input: $1.25 in, $0.125 cached, $10 out", () => {
    const r = pricer.price(call({ provider: "openai", model: "gpt-5-2025-08-07", inputTokens: 12_345, cachedInputTokens: 2_345, outputTokens: 678 }));
    // 10,000 * 1,250 + 2,345 * 125 + 678 * 10,000 = 12,500,000 + 293,125 + 6,780,000
    expect(r.costNanos).toBe(19_573_125n);
  });

  it("Claude Sonnet 4 with cache writes and reads: $3 in, $3.75 write, $0.30 read, $15 out", () => {
    const r = pricer.price(
      call({ provider: "anthropic", model: "claude-sonnet-4-20250514", inputTokens: 10_000, cachedInputTokens: 8_000, cacheWriteTokens: 1_500, outputTokens: 400 }),
    );
    // 500 uncached * 3,000 + 8,000 * 300 + 1,500 * 3,750 + 400 * 15,000
    expect(r.costNanos).toBe(1_500_000n + 2_400_000n + 5_625_000n + 6_000_000n);
  });

  it("cache reads fall back to the input price when the model has no cache-read price", () => {
    // gpt-4o-2024-05-13: $5 in, $15 out, no cache price.
    const r = pricer.price(call({ provider: "openai", model: "gpt-4o-2024-05-13", inputTokens: 1_000, cachedInputTokens: 600, outputTokens: 0 }));
    expect(r.costNanos).toBe(1_000n * 5_000n);
  });

  it("is exact bigint with one half-up rounding per call", () => {
    // gemini-flash-1.5-8b input is $0.0375 per million: 1 token = 37.5 nano-dollars -> 38.
    const one = pricer.price(call({ provider: "google", model: "gemini-flash-1.5-8b", inputTokens: 1 }));
    expect(typeof one.costNanos).toBe("bigint");
    expect(one.costNanos).toBe(38n);
    // 2 tokens = 75 exactly (not 2 * 38 = 76: rounding happens once, on the total).
    expect(pricer.price(call({ provider: "google", model: "gemini-flash-1.5-8b", inputTokens: 2 })).costNanos).toBe(75n);
    // Huge counts stay exact: 10 billion output tokens at $10/M = $100,000.
    const big = pricer.price(call({ provider: "openai", model: "gpt-4o", outputTokens: 10_000_000_000 }));
    expect(big.costNanos).toBe(100_000n * 1_000_000_000n);
  });

  it("prices every API-name alias of a catalogue model (dated names, Vertex/Bedrock spellings)", () => {
    const usage = { inputTokens: 1_000, outputTokens: 1_000 };
    const expected = 1_000n * 3_000n + 1_000n * 15_000n; // Claude Sonnet 4 at $3 / $15
    for (const [provider, model] of [
      ["anthropic", "claude-sonnet-4-20250514"],
      ["anthropic", "claude-sonnet-4-0"],
      ["google", "claude-sonnet-4@20250514"],
      ["aws", "us.anthropic.claude-sonnet-4-20250514-v1:0"],
      ["openai", "openai/gpt-4o"], // LiteLLM-style name: priced as gpt-4o below
    ] as const) {
      const r = pricer.price(call({ provider, model, ...usage }));
      expect(r.priceSource, `${provider}/${model}`).toBe(1);
      if (model !== "openai/gpt-4o") expect(r.costNanos, `${provider}/${model}`).toBe(expected);
    }
    expect(pricer.price(call({ provider: "openai", model: "openai/gpt-4o", ...usage })).costNanos).toBe(1_000n * 2_500n + 1_000n * 10_000n);
  });

  it("Azure falls back to OpenAI's list price for gpt-4o", () => {
    const r = pricer.price(call({ provider: "azure", model: "gpt-4o", inputTokens: 1_000_000 }));
    expect(r.costNanos).toBe(2_500_000_000n);
  });

  it("unknown model or provider: costNanos null, priceSource 0", () => {
    expect(pricer.price(call({ provider: "openai", model: "gpt-nonexistent-9", inputTokens: 5 }))).toEqual({ costNanos: null, priceSource: 0, overrideId: null });
    expect(pricer.price(call({ provider: "ibm", model: "granite-3-8b-instruct", inputTokens: 5 })).priceSource).toBe(0);
    expect(pricer.price(call({ provider: "", model: "", inputTokens: 5 })).costNanos).toBeNull();
  });

  it("models priced only in units we cannot see (OCR pages) stay unpriced rather than $0", () => {
    expect(pricer.price(call({ provider: "mistral", model: "mistral-ocr-latest", inputTokens: 5 })).priceSource).toBe(0);
  });

  it("free catalogue models cost exactly 0 and count as priced", () => {
    const r = pricer.price(call({ provider: "openrouter", model: "deepseek/deepseek-r1:free", inputTokens: 1_000, outputTokens: 1_000 }));
    expect(r).toEqual({ costNanos: 0n, priceSource: 1, overrideId: null });
  });

  it("per-request fees (Perplexity sonar: $12 per 1,000 requests) scale with requests", () => {
    const base = call({ provider: "perplexity", model: "sonar", inputTokens: 1_000, outputTokens: 1_000 });
    // tokens: 2,000 * 1,000 = 2,000,000; 1 request = $0.012 = 12,000,000
    expect(pricer.price(base).costNanos).toBe(14_000_000n);
    expect(pricer.price({ ...base, requests: 10 }).costNanos).toBe(2_000_000n + 120_000_000n);
  });

  it("rejects impossible token counts instead of pricing them", () => {
    expect(() => pricer.price(call({ provider: "openai", model: "gpt-4o", inputTokens: 10, cachedInputTokens: 11 }))).toThrow(InvalidUsageError);
    let caught: unknown = null;
    try {
      pricer.price(call({ provider: "openai", model: "gpt-4o", inputTokens: 10, cacheWriteTokens: 11 }));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidUsageError);
    expect((caught as InvalidUsageError).field).toBe("cachedInputTokens");
    expect(() => pricer.price(call({ provider: "openai", model: "gpt-4o", inputTokens: 1.5 }))).toThrow(RangeError);
    expect(() => pricer.price(call({ provider: "openai", model: "gpt-4o", outputTokens: -1 }))).toThrow(RangeError);
  });
});

describe("batch and service tiers", () => {
  const claude = call({ provider: "anthropic", model: "claude-sonnet-4-20250514", inputTokens: 10_000, cachedInputTokens: 8_000, cacheWriteTokens: 1_500, outputTokens: 400 });

  it("a batch call costs half for openai, anthropic and google", () => {
    expect(pricer.price({ ...claude, batch: true }).costNanos).toBe(15_525_000n / 2n);
    const gpt = call({ provider: "openai", model: "gpt-4o", inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 1_000 });
    expect(pricer.price({ ...gpt, batch: true }).costNanos).toBe(15_000_000n);
    const gemini = call({ provider: "google", model: "gemini-2.5-flash", inputTokens: 1_000_000, outputTokens: 1_000_000 });
    expect(pricer.price({ ...gemini, batch: true }).costNanos).toBe((300_000_000n + 2_500_000_000n) / 2n);
  });

  it("the discount is applied before the single rounding", () => {
    // 1 token at $0.0375/M = 37.5; half = 18.75 -> 19 (not round(37.5)=38 / 2 = 19, nor 37/2).
    expect(pricer.price(call({ provider: "google", model: "gemini-flash-1.5-8b", inputTokens: 1, batch: true })).costNanos).toBe(19n);
    // 3 tokens: 112.5 -> batch 56.25 -> 56
    expect(pricer.price(call({ provider: "google", model: "gemini-flash-1.5-8b", inputTokens: 3, batch: true })).costNanos).toBe(56n);
  });

  it("OpenAI flex is half price; default is list price; priority has its own published rates", () => {
    const gpt = call({ provider: "openai", model: "gpt-5", inputTokens: 1_000_000, outputTokens: 100_000 });
    const list = 1_250_000_000n + 1_000_000_000n;
    expect(pricer.price({ ...gpt, serviceTier: "flex" }).costNanos).toBe(list / 2n);
    // GPT-5 priority $2.50 / $20: 1,000,000 * 2,500 + 100,000 * 20,000
    expect(pricer.price({ ...gpt, serviceTier: "priority" }).costNanos).toBe(2_500_000_000n + 2_000_000_000n);
    expect(pricer.price({ ...gpt, serviceTier: "default" }).costNanos).toBe(list);
    expect(pricer.price({ ...gpt, serviceTier: "flex", batch: true }).costNanos).toBe(list / 2n); // no stacking
  });

  it("no automatic batch discount for other providers", () => {
    const m = call({ provider: "mistral", model: "mistral-large-latest", inputTokens: 1_000, outputTokens: 1_000 });
    expect(pricer.price({ ...m, batch: true }).costNanos).toBe(pricer.price(m).costNanos);
  });
});

describe("long-context tiers", () => {
  it("gemini-2.5-pro: above 200k input tokens every token kind moves to the higher tier", () => {
    const at = (inputTokens: number) => pricer.price(call({ provider: "google", model: "gemini-2.5-pro", inputTokens, outputTokens: 1_000 })).costNanos;
    // exactly 200,000 is still base: 200,000 * 1,250 + 1,000 * 10,000
    expect(at(200_000)).toBe(250_000_000n + 10_000_000n);
    // 200,001: $2.50 in, $15 out for the whole call (not only the tokens past 200k)
    expect(at(200_001)).toBe(200_001n * 2_500n + 1_000n * 15_000n);
  });

  it("tier threshold counts cache reads as input (Claude Sonnet 4.5, 200k)", () => {
    const r = pricer.price(
      call({ provider: "anthropic", model: "claude-sonnet-4-5", inputTokens: 250_000, cachedInputTokens: 200_000, outputTokens: 1_000 }),
    );
    // tier: $6 in, $0.60 read, $22.50 out
    expect(r.costNanos).toBe(50_000n * 6_000n + 200_000n * 600n + 1_000n * 22_500n);
  });

  it("gpt-5.4 tier starts above 271,999 input tokens", () => {
    const at = (inputTokens: number) => pricer.price(call({ provider: "openai", model: "gpt-5.4", inputTokens })).costNanos;
    expect(at(271_999)).toBe(271_999n * 2_500n);
    expect(at(272_000)).toBe(272_000n * 5_000n);
  });
});

describe("dated and time-of-day prices", () => {
  it("o3 price cut on 2025-06-10: $10/$40 before, $2/$8 from that UTC midnight", () => {
    const o3 = (iso: string) =>
      pricer.price(call({ provider: "openai", model: "o3", occurredAt: new Date(iso), inputTokens: 1_000_000, outputTokens: 100_000 })).costNanos;
    expect(o3("2025-06-09T23:59:59.999Z")).toBe(14_000_000_000n);
    expect(o3("2025-06-10T00:00:00.000Z")).toBe(2_800_000_000n);
  });

  it("mistral-medium-latest repriced on 2026-06-16", () => {
    const m = (iso: string) =>
      pricer.price(call({ provider: "mistral", model: "mistral-medium-latest", occurredAt: new Date(iso), inputTokens: 1_000_000, outputTokens: 1_000_000 })).costNanos;
    expect(m("2026-06-15T12:00:00Z")).toBe(400_000_000n + 2_000_000_000n);
    expect(m("2026-06-16T12:00:00Z")).toBe(1_500_000_000n + 7_500_000_000n);
  });

  it("Claude Opus 4.6 dropped its >200k surcharge on 2026-03-13: same long call, two prices", () => {
    const opus = (iso: string) =>
      pricer.price(call({ provider: "anthropic", model: "claude-opus-4-6", occurredAt: new Date(iso), inputTokens: 300_000, outputTokens: 10_000 })).costNanos;
    expect(opus("2026-03-12T23:59:59Z")).toBe(300_000n * 10_000n + 10_000n * 37_500n); // tier: $10 in, $37.50 out
    expect(opus("2026-03-13T00:00:00Z")).toBe(300_000n * 5_000n + 10_000n * 25_000n); // flat: $5 in, $25 out
  });

  it("DeepSeek peak hours (00:30-16:30 UTC) vs off-peak", () => {
    const ds = (iso: string) =>
      pricer.price(call({ provider: "deepseek", model: "deepseek-chat", occurredAt: new Date(iso), inputTokens: 1_000_000, outputTokens: 1_000_000 })).costNanos;
    expect(ds("2025-09-01T02:00:00Z")).toBe(270_000_000n + 1_100_000_000n);
    expect(ds("2025-09-01T18:00:00Z")).toBe(135_000_000n + 550_000_000n);
    expect(ds("2025-09-01T00:29:59Z")).toBe(135_000_000n + 550_000_000n);
  });
});

describe("price overrides", () => {
  const overrides: PriceOverrideInput[] = [
    { id: 7, provider: "openai", model: "gpt-4o", inputPerMtok: "2.000000000", cachedInputPerMtok: null, cacheWritePerMtok: null, outputPerMtok: "8", validFrom: new Date("2025-01-01T00:00:00Z") },
    { id: 9, provider: "openai", model: "gpt-4o", inputPerMtok: "1.5", cachedInputPerMtok: "0.5", cacheWritePerMtok: null, outputPerMtok: "6", validFrom: new Date("2025-06-01T00:00:00Z") },
    { id: 11, provider: "ibm.watsonx.ai", model: "granite-3-8b-instruct", inputPerMtok: "0.2", cachedInputPerMtok: null, cacheWritePerMtok: null, outputPerMtok: "0.2", validFrom: new Date("2024-01-01T00:00:00Z") },
  ];
  const withOverrides = createPricer(overrides);
  const gpt = (iso: string, extra: Partial<PricedCall> = {}) =>
    withOverrides.price(call({ provider: "openai", model: "gpt-4o", occurredAt: new Date(iso), inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 1_000, ...extra }));

  it("before the first validFrom the catalogue price applies", () => {
    expect(gpt("2024-12-31T23:59:59Z")).toEqual({ costNanos: 30_000_000n, priceSource: 1, overrideId: null });
  });

  it("the latest validFrom <= occurredAt wins; cache reads without an override price follow the catalogue's ratio", () => {
    // id 7: GPT-4o's catalogue cache-read/input ratio is $1.25/$2.50 = 0.5, so cached reads cost 0.5 * $2 = $1:
    // 6,000 * 2,000 + 4,000 * 1,000 + 1,000 * 8,000 = 12,000,000 + 4,000,000 + 8,000,000
    expect(gpt("2025-01-01T00:00:00Z")).toEqual({ costNanos: 24_000_000n, priceSource: 2, overrideId: 7 });
    // id 9: 6,000 * 1,500 + 4,000 * 500 + 1,000 * 6,000
    expect(gpt("2025-07-01T00:00:00Z")).toEqual({ costNanos: 17_000_000n, priceSource: 2, overrideId: 9 });
  });

  it("covers dated API names of the overridden catalogue model", () => {
    expect(gpt("2025-07-01T00:00:00Z", { model: "gpt-4o-2024-08-06" }).overrideId).toBe(9);
  });

  it("batch discount applies on top of the override", () => {
    expect(gpt("2025-07-01T00:00:00Z", { batch: true }).costNanos).toBe(8_500_000n);
  });

  it("prices a model the catalogue does not know, with the provider alias normalised", () => {
    const r = withOverrides.price(call({ provider: "ibm", model: "granite-3-8b-instruct", inputTokens: 1_000, outputTokens: 1_000 }));
    expect(r).toEqual({ costNanos: 400_000n, priceSource: 2, overrideId: 11 });
  });

  it("rejects malformed override prices up front", () => {
    expect(() => createPricer([{ ...overrides[0], inputPerMtok: "abc" }])).toThrow(/price override 7/);
    expect(() => createPricer([{ ...overrides[0], outputPerMtok: "-1" }])).toThrow(/negative/);
  });
});

describe("agrees with genai-prices' own float calcPrice", () => {
  const cases: [string, string, PricedCall["inputTokens"], number, number, number, string][] = [
    ["openai", "gpt-4o", 1_234_567, 234_567, 0, 345_678, "2025-09-01T00:00:00Z"],
    ["openai", "o3", 2_000_000, 500_000, 0, 777_777, "2025-03-01T00:00:00Z"],
    ["anthropic", "claude-sonnet-4-20250514", 3_000_000, 1_000_000, 1_500_000, 123_456, "2025-09-01T00:00:00Z"],
    ["anthropic", "claude-opus-4-6", 250_000, 100_000, 50_000, 33_333, "2026-01-01T00:00:00Z"],
    ["google", "gemini-2.5-pro", 333_333, 111_111, 0, 22_222, "2025-09-01T00:00:00Z"],
    ["google", "gemini-1.5-flash", 999_999, 123_457, 0, 54_321, "2025-09-01T00:00:00Z"],
    ["deepseek", "deepseek-chat", 5_000_000, 2_500_000, 0, 1_000_000, "2025-09-01T20:00:00Z"],
    ["aws", "us.anthropic.claude-sonnet-4-20250514-v1:0", 4_000_000, 0, 1_000_000, 200_000, "2025-09-01T00:00:00Z"],
  ];
  it.each(cases)("%s %s", (provider, model, input, cached, write, output, iso) => {
    const timestamp = new Date(iso);
    const ours = pricer.price(
      call({ provider, model, occurredAt: timestamp, inputTokens: input, cachedInputTokens: cached, cacheWriteTokens: write, outputTokens: output }),
    ).costNanos;
    const theirs = calcPrice(
      { input_tokens: input, cache_read_tokens: cached, cache_write_tokens: write, output_tokens: output },
      model,
      { providerId: provider, timestamp },
    );
    expect(ours).not.toBeNull();
    expect(theirs).not.toBeNull();
    const theirsNanos = theirs!.total_price * 1e9;
    expect(Math.abs(Number(ours) - theirsNanos)).toBeLessThanOrEqual(Math.max(0.5, theirsNanos * 1e-9));
  });
});
