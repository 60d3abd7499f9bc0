import { describe, expect, it } from "vitest";
import { createPricer, type PricedCall } from "./index";

/**
 * Service tiers at their own published rates (issue 9.4). Worked by hand, 1 token at $X per million = X * 1,000 nano-$.
 * GPT-5 standard (genai-prices 0.1.8): $1.25 in, $0.125 cached, $10 out. GPT-5 priority (openai.com/api-priority-
 * processing): $2.50 in, $0.25 cached, $20 out. Flex: half the standard rate.
 * One call: 10,000 input tokens of which 2,000 cached, 1,000 output.
 */
const pricer = createPricer([]);
const call = (p: Partial<PricedCall>): PricedCall => ({
  provider: "openai",
  model: "gpt-5-2025-08-07",
  occurredAt: new Date("2026-10-01T12:00:00Z"),
  inputTokens: 10_000,
  cachedInputTokens: 2_000,
  cacheWriteTokens: 0,
  outputTokens: 1_000,
  batch: false,
  serviceTier: null,
  ...p,
});

describe("service tiers", () => {
  it("OpenAI priority uses its own rate card", () => {
    // 8,000 * 2,500 + 2,000 * 250 + 1,000 * 20,000 = 20,000,000 + 500,000 + 20,000,000
    expect(pricer.price(call({ serviceTier: "priority" })).costNanos).toBe(40_500_000n);
  });

  it("standard and default are the list price; flex is half of it", () => {
    // 8,000 * 1,250 + 2,000 * 125 + 1,000 * 10,000 = 10,000,000 + 250,000 + 10,000,000
    expect(pricer.price(call({ serviceTier: "default" })).costNanos).toBe(20_250_000n);
    expect(pricer.price(call({ serviceTier: null })).costNanos).toBe(20_250_000n);
    expect(pricer.price(call({ serviceTier: "flex" })).costNanos).toBe(10_125_000n);
  });

  it("a dated alias finds the priority card of its model (gpt-4o-2024-08-06 -> GPT-4o priority $4.25 / $17)", () => {
    // 10,000 * 4,250 + 1,000 * 17,000 = 42,500,000 + 17,000,000
    expect(pricer.price(call({ model: "gpt-4o-2024-08-06", cachedInputTokens: 0, serviceTier: "priority" })).costNanos).toBe(59_500_000n);
  });

  it("Anthropic priority has no published rate: list price (ingestion warns)", () => {
    // Sonnet 4.5 $3 / $15: 10,000 * 3,000 + 1,000 * 15,000 = 30,000,000 + 15,000,000
    const r = pricer.price(call({ provider: "anthropic", model: "claude-sonnet-4-5", cachedInputTokens: 0, serviceTier: "priority" }));
    expect(r.costNanos).toBe(45_000_000n);
  });

  it("a price override (the negotiated standard rate) still wins over the published priority card", () => {
    const o = createPricer([
      { id: 1, provider: "openai", model: "gpt-5", inputPerMtok: "1", cachedInputPerMtok: "0.1", cacheWritePerMtok: null, outputPerMtok: "8", validFrom: new Date("2026-01-01T00:00:00Z") },
    ]);
    // 8,000 * 1,000 + 2,000 * 100 + 1,000 * 8,000 = 8,000,000 + 200,000 + 8,000,000
    expect(o.price(call({ serviceTier: "priority" })).costNanos).toBe(16_200_000n);
  });
});
