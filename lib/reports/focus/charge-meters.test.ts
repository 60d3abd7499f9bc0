import { describe, expect, it } from "vitest";
import type { CallRates } from "@/lib/pricing";
import { chargeMeters, splitBilled } from "./charge-meters";
import { exactDecimal } from "./exact-decimal";

const rates = (input: bigint, output: bigint, discountPct = 0, requestsPerK = 0n): CallRates => ({
  bill: { input, cacheRead: input / 10n, cacheWrite: (input * 5n) / 4n, cacheWrite1h: input * 2n, output, reasoning: output, requestsPerK },
  discountPct,
  priceSource: 1,
  overrideId: null,
});
const tokens = { inputTokens: 1000, cachedInputTokens: 400, cacheWriteTokens: 0, outputTokens: 300, reasoningTokens: 100, requests: 2 };

describe("chargeMeters", () => {
  it("one meter per token type used, rates after the discount", () => {
    // $2.50/M input (2,500,000,000 nanos), $10/M output, 50% batch: rate x (100 - 50).
    const meters = chargeMeters(tokens, rates(2_500_000_000n, 10_000_000_000n, 50), null);
    expect(meters.map((m) => [m.key, m.consumedQuantity, m.contracted100])).toEqual([
      ["input", 600n, 125_000_000_000n],
      ["cached_input", 400n, 12_500_000_000n],
      ["output", 200n, 500_000_000_000n],
      ["reasoning", 100n, 500_000_000_000n],
    ]);
    // Without a catalogue price the list rate is the contracted one.
    expect(meters.every((m) => m.list100 === m.contracted100)).toBe(true);
    // $1.25/M after discount: exactDecimal(125e9, 11) = "1.25".
    expect(exactDecimal(meters[0].contracted100, 11)).toBe("1.25");
  });

  it("adds a per-request meter for models with a request fee, priced per 1,000 requests", () => {
    // $5 per 1,000 requests = 5,000,000,000 nanos per thousand.
    const meters = chargeMeters(tokens, rates(1_000_000_000n, 1_000_000_000n, 0, 5_000_000_000n), null);
    expect(meters.at(-1)).toMatchObject({ key: "requests", consumedQuantity: 2n, consumedUnit: "Requests", pricingUnit: "1000 Requests", unitScale: 3 });
    // 2 requests x $5 / 1,000 = $0.01: quantity x rate100 at scale 11 + 3.
    expect(exactDecimal(2n * meters.at(-1)!.contracted100, 14)).toBe("0.01");
  });

  it("keeps an input meter for a row without tokens", () => {
    expect(chargeMeters({ inputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 0, reasoningTokens: 0, requests: 1 }, null, null).map((m) => m.key)).toEqual(["input"]);
  });
});

describe("splitBilled", () => {
  it("splits the row's cost by contracted cost, exactly", () => {
    // Weights 600 x 2 : 400 x 1 : 100 x 8 = 1200 : 400 : 800 of 10 nanos -> 5, 1.67, 3.33 -> 5, 2, 3 (largest remainder).
    const meters = chargeMeters({ inputTokens: 1000, cachedInputTokens: 400, cacheWriteTokens: 0, outputTokens: 100, reasoningTokens: 0, requests: 1 }, rates(2n, 8n), null);
    meters[1].contracted100 = 100n; // cached at 1 (x100)
    expect(splitBilled(10n, meters)).toEqual([5n, 2n, 3n]);
    expect(splitBilled(0n, meters)).toEqual([0n, 0n, 0n]);
  });
});

describe("exactDecimal", () => {
  it("prints value / 10^scale without rounding", () => {
    expect(exactDecimal(15n, 3)).toBe("0.015");
    expect(exactDecimal(1_800_000n, 6)).toBe("1.8");
    expect(exactDecimal(-5n, 2)).toBe("-0.05");
    expect(exactDecimal(0n, 4)).toBe("0");
  });
});
