import { describe, expect, it } from "vitest";
import { priceGroup } from "./price-group";
import { scaleTokens } from "./ratio";
import type { PriceCall } from "./types";

/** Records the calls it is asked to price; linear $1/M input, $2/M output (1,000 / 2,000 nanos per token). */
function recorder() {
  const calls: PriceCall[] = [];
  const price = (c: PriceCall) => {
    calls.push(c);
    return { costNanos: BigInt(c.inputTokens * 1000 + c.outputTokens * 2000), priceSource: 1 as const, overrideId: null };
  };
  return { calls, price };
}
const target = { provider: "p", model: "m", occurredAt: new Date("2026-10-01T00:00:00Z"), batch: false, serviceTier: null };

describe("priceGroup", () => {
  it("prices a single call exactly as given", () => {
    const { calls, price } = recorder();
    expect(priceGroup(price, target, 1, { uncached: 700, cached: 200, write: 100, output: 50 })).toBe(1_100_000n);
    expect(calls).toEqual([{ ...target, inputTokens: 1000, cachedInputTokens: 200, cacheWriteTokens: 100, outputTokens: 50 }]);
  });

  it("splits uneven sums into whole-token calls that add up exactly (exact under linear prices)", () => {
    const { calls, price } = recorder();
    // 3 calls, 1,000,001 input and 10 output tokens: 2 calls of 333,333 + 3, one of 333,335 + 4
    expect(priceGroup(price, target, 3, { uncached: 1_000_001, cached: 0, write: 0, output: 10 })).toBe(1_000_001_000n + 20_000n);
    expect(calls.map((c) => [c.inputTokens, c.outputTokens])).toEqual([[333_335, 4], [333_333, 3]]);
  });

  it("prices evenly divided groups with one look-up, and reports a missing price as null", () => {
    const { calls, price } = recorder();
    expect(priceGroup(price, target, 4, { uncached: 400, cached: 0, write: 0, output: 0 })).toBe(400_000n);
    expect(calls).toHaveLength(1);
    expect(priceGroup(() => ({ costNanos: null, priceSource: 0, overrideId: null }), target, 4, { uncached: 4, cached: 0, write: 0, output: 0 })).toBeNull();
  });
});

describe("scaleTokens", () => {
  it("rounds half up exactly, in doubles and beyond 2^53 / 1e6", () => {
    expect(scaleTokens(5, 500_000n)).toBe(3); // 2.5 -> 3
    expect(scaleTokens(7, 900_000n)).toBe(6); // 6.3 -> 6
    expect(scaleTokens(123_456_789, 1_100_000n)).toBe(135_802_468); // 135,802,467.9
    expect(scaleTokens(40_000_000_001, 1_500_000n)).toBe(60_000_000_002); // 60,000,000,001.5, bigint path
  });
});
