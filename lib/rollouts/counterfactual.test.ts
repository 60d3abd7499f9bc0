import { describe, expect, it } from "vitest";
import type { CallGroup, PriceFn } from "@/lib/whatif/types";
import { counterfactual } from "./counterfactual";

// Linear test prices, nano-dollars per token (input / output): big 10 / 40, small 1 / 4, mid 3 / 12.
const RATES: Record<string, [bigint, bigint]> = { big: [10n, 40n], small: [1n, 4n], mid: [3n, 12n] };
const price: PriceFn = (c) => {
  const r = RATES[c.model];
  return r ? { costNanos: BigInt(c.inputTokens) * r[0] + BigInt(c.outputTokens) * r[1], priceSource: 1, overrideId: null } : { costNanos: null, priceSource: 0, overrideId: null };
};
const group = (day: string, model: string, calls: number, cost: bigint | null): CallGroup => ({
  day, workloadSlug: "triage", teamSlug: null, taskClass: null, provider: "p", model, calls,
  inputTokens: 1000 * calls, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 100 * calls, baselineCostNanos: cost,
});

describe("counterfactual", () => {
  it("re-prices the after-change calls on the before-change mix, per day", () => {
    // Before: 30 calls on big, 10 on mid (mix 3/4 big, 1/4 mid).
    // Day 1: 2 calls on small, actual 2 x (1,000 + 400) = 2,800. On big each call is 10,000 + 4,000 = 14,000; on mid 3,000 + 1,200 = 4,200.
    //   counterfactual = 2 x (3/4 x 14,000 + 1/4 x 4,200) = 2 x (10,500 + 1,050) = 23,100.
    // Day 2: 1 call on small (1,400) and 1 call still on big (14,000): counterfactual of each = 11,550 -> 23,100; actual 15,400.
    const r = counterfactual({
      days: ["2026-10-21", "2026-10-22"],
      groups: [group("2026-10-21", "small", 2, 2800n), group("2026-10-22", "small", 1, 1400n), group("2026-10-22", "big", 1, 14000n)],
      mixes: new Map([["triage", [{ provider: "p", model: "big", calls: 30 }, { provider: "p", model: "mid", calls: 10 }]]]),
      price,
    });
    expect(r.days).toEqual([
      { day: "2026-10-21", calls: 2, actualNanos: 2800n, counterfactualNanos: 23100n },
      { day: "2026-10-22", calls: 2, actualNanos: 15400n, counterfactualNanos: 23100n },
    ]);
  });

  it("leaves unpriced calls out, and counts a workload without history at its actual cost", () => {
    const r = counterfactual({
      days: ["2026-10-21"],
      groups: [group("2026-10-21", "small", 3, null), group("2026-10-21", "small", 1, 1400n)],
      mixes: new Map(),
      price,
    });
    expect(r.days[0]).toEqual({ day: "2026-10-21", calls: 1, actualNanos: 1400n, counterfactualNanos: 1400n });
    expect(r.unpricedCalls).toBe(3);
    expect(r.withoutHistory).toEqual(["triage"]);
  });

  it("rounds once per workload-day, half up", () => {
    // Mix 1 big : 2 mid. One call: (14,000 + 2 x 4,200) / 3 = 22,400 / 3 = 7,466.67 -> 7,467.
    const r = counterfactual({
      days: ["2026-10-21"],
      groups: [group("2026-10-21", "small", 1, 1400n)],
      mixes: new Map([["triage", [{ provider: "p", model: "big", calls: 1 }, { provider: "p", model: "mid", calls: 2 }]]]),
      price,
    });
    expect(r.days[0].counterfactualNanos).toBe(7467n);
  });
});
