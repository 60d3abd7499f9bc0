import { describe, expect, it } from "vitest";
import { monthPace, paceHistoryStart } from "./month-pace";
import { eachDay } from "./dates";
import { bucketPercentile } from "./bucket-percentiles";

const usd = (n: number) => BigInt(n) * 1_000_000_000n;

describe("monthPace", () => {
  // The comparison with last month follows lib/analytics/comparison.ts (tested there); this module projects.
  it("sums month to date and projects by weekday", () => {
    // $10 on weekdays, $2 on weekends, from mid-September.
    const spend = new Map(eachDay("2026-09-15", "2026-11-18").map((d) => [d, usd([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) ? 2 : 10)]));
    const pace = monthPace(spend, "2026-11-18");
    expect(pace).toMatchObject({ monthStart: "2026-11-01", monthEnd: "2026-11-30", daysLeft: 12 });
    expect(pace.monthToDateNanos).toBe(usd(13 * 10 + 5 * 2)); // Nov 1 is a Sunday
    // Today (a Wednesday) is already fully spent; 8 weekdays and 4 weekend days remain.
    expect(pace.projectedNanos).toBe(pace.monthToDateNanos + usd(8 * 10 + 4 * 2));
    expect(paceHistoryStart("2026-11-18")).toBe("2026-10-01");
  });

  it("projects nothing more without history", () => {
    const pace = monthPace(new Map(), "2026-11-18");
    expect(pace.projectedNanos).toBe(0n);
  });
});

describe("bucketPercentile", () => {
  it("interpolates inside the bucket holding the rank", () => {
    const b = [{ from: 0, to: 10, count: 50 }, { from: 10, to: 20, count: 50 }];
    expect(bucketPercentile(b, 0.5)).toBe(10);
    expect(bucketPercentile(b, 0.75)).toBe(15);
    expect(bucketPercentile([{ from: 100, to: null, count: 3 }], 0.9)).toBe(100);
    expect(bucketPercentile([], 0.5)).toBeNull();
  });
});
