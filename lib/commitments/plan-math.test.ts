import { describe, expect, it } from "vitest";
import { breakEvenTokensPerMinute, evaluateWindow, loadPercentiles } from "./plan-math";

// Four hours of one model's traffic: 60k, 120k, 180k and 0 tokens, at 10 nanos per token (60k tokens = $0.0006).
const hours = [
  { tokens: 60_000, costNanos: 600_000n },
  { tokens: 120_000, costNanos: 1_200_000n },
  { tokens: 180_000, costNanos: 1_800_000n },
  { tokens: 0, costNanos: 0n },
];

describe("commitment maths", () => {
  it("serves up to capacity each hour, overflows the rest at that hour's price", () => {
    // Capacity 2,000 tokens/min = 120,000 tokens/hour at 1,000,000 nanos/hour.
    const w = evaluateWindow(hours, { capacityTokensPerMinute: 2_000, pricePerHourNanos: 1_000_000n });
    // served: 60k + 120k + 120k + 0 = 300k of 480k possible = 62.5%
    expect(w.servedTokens).toBe(300_000);
    expect(w.utilisation).toBe(0.625);
    // overflow: hour 3 has 60k of 180k above capacity: 1,800,000 x 60k / 180k = 600,000 nanos
    expect(w.overflowNanos).toBe(600_000n);
    // capacity: 4 hours x 1,000,000 = 4,000,000; with overflow 4,600,000 vs pay-as-you-go 3,600,000
    expect(w.commitNanos).toBe(4_600_000n);
    expect(w.paygNanos).toBe(3_600_000n);
  });

  it("puts the break-even at price per hour / (average price per token x 60)", () => {
    // 1,000,000 nanos/hour / 10 nanos per token = 100,000 tokens/hour = 1,666.67 tokens/min
    const w = evaluateWindow(hours, { capacityTokensPerMinute: 2_000, pricePerHourNanos: 1_000_000n });
    expect(breakEvenTokensPerMinute(w, 1_000_000n)).toBeCloseTo(1666.667, 3);
  });

  it("gives nearest-rank load percentiles in tokens per minute", () => {
    // loads per minute sorted: 0, 1000, 2000, 3000; p50 = 2nd = 1000, p95 = 4th = 3000
    expect(loadPercentiles(hours, [50, 95, 100])).toEqual({ p50: 1000, p95: 3000, p100: 3000 });
  });
});
