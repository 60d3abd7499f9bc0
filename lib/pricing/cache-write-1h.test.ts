/**
 * Issue 9 item 2: Anthropic bills 1-hour cache writes at 2x the base input price and 5-minute writes at 1.25x
 * ("One-hour cache writes cost 2x the base input price", platform.claude.com prompt-caching#pricing).
 * Expected costs worked out by hand; 1 token at $X per million = X * 1000 nano-dollars.
 */
import { describe, expect, it } from "vitest";
import { createPricer, InvalidUsageError, type PricedCall } from "./index";

const base = (partial: Partial<PricedCall>): PricedCall => ({
  provider: "anthropic",
  model: "claude-sonnet-4-20250514",
  occurredAt: new Date("2025-09-01T12:00:00Z"),
  inputTokens: 0,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  outputTokens: 0,
  batch: false,
  serviceTier: null,
  ...partial,
});

describe("1-hour cache writes", () => {
  const pricer = createPricer([]);

  it("Claude Sonnet 4: 5-minute writes at $3.75 (1.25x), 1-hour writes at $6 (2x $3 input)", () => {
    // 1,000 tokens written: 400 for 5 minutes, 600 for 1 hour.
    const r = pricer.price(base({ inputTokens: 1_000, cacheWriteTokens: 1_000, cacheWrite1hTokens: 600 }));
    // 400 * 3,750 + 600 * 6,000 = 1,500,000 + 3,600,000
    expect(r.costNanos).toBe(5_100_000n);
    // The same writes all at the 5-minute rate: 1,000 * 3,750 = 3,750,000 (what every source was billed before).
    expect(pricer.price(base({ inputTokens: 1_000, cacheWriteTokens: 1_000 })).costNanos).toBe(3_750_000n);
  });

  it("Claude 3.5 Haiku: 1-hour writes at $1.60 (2x $0.80)", () => {
    const r = pricer.price(base({ model: "claude-3-5-haiku-20241022", inputTokens: 2_000, cacheWriteTokens: 2_000, cacheWrite1hTokens: 2_000 }));
    // 2,000 * 1,600
    expect(r.costNanos).toBe(3_200_000n);
  });

  it("a price override bills 1-hour writes at 2x its input price", () => {
    const override = createPricer([
      { id: 1, provider: "anthropic", model: "claude-sonnet-4-20250514", inputPerMtok: "2", cachedInputPerMtok: null, cacheWritePerMtok: "2.5", outputPerMtok: "10", validFrom: new Date("2025-01-01T00:00:00Z") },
    ]);
    // 100 one-hour writes at 2 * $2 = $4/M: 100 * 4,000 = 400,000
    expect(override.price(base({ inputTokens: 100, cacheWriteTokens: 100, cacheWrite1hTokens: 100 })).costNanos).toBe(400_000n);
  });

  it("refuses more 1-hour writes than writes", () => {
    expect(() => pricer.price(base({ inputTokens: 10, cacheWriteTokens: 5, cacheWrite1hTokens: 6 }))).toThrow(InvalidUsageError);
  });
});
