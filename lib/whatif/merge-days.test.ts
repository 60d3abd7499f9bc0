import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { mergeAcrossDays } from "./merge-days";
import { repriceByWorkload } from "./reprice";
import { fakePricer } from "./testing/fake-pricer";
import type { CallGroup } from "./types";

const g = (day: string, over: Partial<CallGroup> = {}): CallGroup => ({
  day, workloadSlug: "triage", teamSlug: "support", taskClass: "classification", provider: "openai", model: "frontier",
  calls: 10, inputTokens: 10_007, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 1_003, baselineCostNanos: usdToNanos("0.5"), sizeBucket: 20, ...over,
});

describe("mergeAcrossDays", () => {
  it("adds up the groups of a price segment and keeps token and cost sums exact", () => {
    const out = mergeAcrossDays([g("2026-10-01"), g("2026-10-02"), g("2026-10-03", { calls: 3, inputTokens: 5, outputTokens: 7 })], "2026-10-01", []);
    expect(out).toEqual([g("2026-10-01", { calls: 23, inputTokens: 20_019, outputTokens: 2_013, baselineCostNanos: usdToNanos("1.5") })]);
  });

  it("starts a new group at each price change, and keeps buckets, models, batch and unpriced groups apart", () => {
    const out = mergeAcrossDays(
      [g("2026-10-01"), g("2026-10-15"), g("2026-10-16"), g("2026-10-02", { sizeBucket: 21 }), g("2026-10-02", { batch: true }), g("2026-10-02", { baselineCostNanos: null })],
      "2026-10-01",
      ["2026-10-15", "2026-09-30"],
    );
    expect(out.map((x) => [x.day, x.calls, x.sizeBucket, x.batch ?? false, x.baselineCostNanos === null])).toEqual([
      ["2026-10-01", 10, 20, false, false],
      ["2026-10-15", 20, 20, false, false],
      ["2026-10-01", 10, 21, false, false],
      ["2026-10-01", 10, 20, true, false],
      ["2026-10-01", 10, 20, false, true],
    ]);
  });

  it("re-prices to within half a nano-dollar per call of the day-by-day answer", () => {
    const price = fakePricer({ "openai/frontier": { input: "10", output: "40" }, "openai/mini": { input: "0.15", output: "0.6" } });
    const days = Array.from({ length: 30 }, (_, i) => g(`2026-10-${String(i + 1).padStart(2, "0")}`, { calls: 7 + i, inputTokens: 9_001 * (i + 1), outputTokens: 977 * (i + 2) }));
    const args = { from: "2026-10-01", to: "2026-10-30", candidates: [{ provider: "openai", model: "mini" }], price };
    const byDay = repriceByWorkload({ ...args, groups: days }).get("triage")!;
    const merged = repriceByWorkload({ ...args, groups: mergeAcrossDays(days, "2026-10-01", []) }).get("triage")!;
    expect(merged.currentMonthlyNanos).toBe(byDay.currentMonthlyNanos);
    const calls = days.reduce((s, x) => s + x.calls, 0);
    const diff = merged.candidates.get("openai/mini")! - byDay.candidates.get("openai/mini")!;
    expect(Math.abs(Number(diff))).toBeLessThanOrEqual(calls / 2);
  });
});
