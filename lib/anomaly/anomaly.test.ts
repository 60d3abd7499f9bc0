import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { eachDay, toEpochDay, weekdayOf } from "@/lib/forecast/utc-days";
import { detectAnomalies } from "./detect";
import { detectModelSwitches, type ModelDaySpend } from "./model-switch";
import { detectSpikes } from "./spend-spikes";
import type { DaySpend } from "./types";

const usd = (s: string | number) => usdToNanos(String(s));
const scope = { type: "workload" as const, key: "ticket-triage" };

/** Weekdays ~$100 (+-$4 from week to week), weekends $10: a normal office rhythm. */
function rhythm(from: string, to: string, overrides: Record<string, number> = {}): DaySpend[] {
  const wiggle = [-4, 0, 4, 0];
  return eachDay(from, to).map((day) => {
    const wd = weekdayOf(day);
    const week = Math.floor(toEpochDay(day) / 7);
    const normal = wd === 0 || wd === 6 ? 10 : 100 + wiggle[week % 4];
    return { day, costNanos: usd(overrides[day] ?? normal) };
  });
}

describe("detectSpikes", () => {
  it("flags a runaway-loop day with its size in dollars", () => {
    // Tuesday 2026-10-13: a loop burned $2,500. The 8 Tuesdays before were 96/100/104/100 ... -> median $100.
    const daily = rhythm("2026-08-01", "2026-10-18", { "2026-10-13": 2500 });
    const found = detectSpikes({ scope, daily, from: "2026-10-01", to: "2026-10-18" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: "spike", day: "2026-10-13", spendNanos: usd(2500), expectedNanos: usd(100), sizeNanos: usd(2400),
    });
    // MAD of the Tuesdays is $2, floored to 10% of the median ($10): z = 2400 / (1.4826 * 10)
    expect(found[0].score).toBeCloseTo(2400 / 14.826, 6);
    expect(found[0].message).toBe(
      "Workload ticket-triage spent $2,500.00 on 2026-10-13, $2,400.00 above its usual $100.00 for a Tuesday (robust z 161.9).",
    );
  });

  it("does not flag the weekly rhythm: quiet weekends and busy Mondays are normal", () => {
    const daily = rhythm("2026-08-01", "2026-10-31");
    expect(detectSpikes({ scope, daily, from: "2026-09-01", to: "2026-10-31" })).toEqual([]);
  });

  it("ignores bumps within the noise and spikes too small to matter", () => {
    const bump = rhythm("2026-08-01", "2026-10-18", { "2026-10-14": 130 }); // +$30: z = 30 / 14.826 = 2.0
    expect(detectSpikes({ scope, daily: bump, from: "2026-10-01", to: "2026-10-18" })).toEqual([]);
    const tiny = eachDay("2026-08-01", "2026-10-18").map((day) => ({ day, costNanos: usd(day === "2026-10-13" ? "9" : "0.5") }));
    expect(detectSpikes({ scope, daily: tiny, from: "2026-10-01", to: "2026-10-18" })).toEqual([]); // 18x, but only $8.50
  });

  it("gives no verdict without 4 weeks of same-weekday history", () => {
    const daily = rhythm("2026-09-25", "2026-10-18", { "2026-10-13": 2500 });
    expect(detectSpikes({ scope, daily, from: "2026-10-01", to: "2026-10-18" })).toEqual([]);
  });
});

describe("detectModelSwitches", () => {
  // ticket-triage ran on a mid-tier model ($20/day, 1M tokens); on Wed 2026-10-14 a config change moved it to frontier.
  const rows: ModelDaySpend[] = eachDay("2026-09-01", "2026-10-20").map((day) =>
    day < "2026-10-14"
      ? { day, provider: "openai", model: "gpt-5-mini", tier: "mid", costNanos: usd(20), tokens: 1_000_000 }
      : { day, provider: "openai", model: "gpt-5.5", tier: "frontier", costNanos: usd(200), tokens: 1_000_000 },
  );

  it("flags the first day the pricier tier dominates, with the extra spend", () => {
    const found = detectModelSwitches({ scope, rows, from: "2026-10-01", to: "2026-10-20" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "model_switch", day: "2026-10-14", spendNanos: usd(200), expectedNanos: usd(20), sizeNanos: usd(180), score: 1 });
    expect(found[0].message).toBe(
      "Workload ticket-triage switched from gpt-5-mini (mid) to gpt-5.5 (frontier) on 2026-10-14: $200.00 that day against a usual $20.00 (+$180.00).",
    );
  });

  it("does not flag a switch to a cheaper model, nor a pricier model that carries little traffic", () => {
    const cheaper = rows.map((r) => ({ ...r, tier: r.tier === "mid" ? "frontier" : "small", costNanos: r.tier === "mid" ? usd(200) : usd(5) }));
    expect(detectModelSwitches({ scope, rows: cheaper, from: "2026-10-01", to: "2026-10-20" })).toEqual([]);
    const minor = rows.filter((r) => r.tier === "mid").flatMap((r) =>
      r.day >= "2026-10-10" ? [r, { ...r, model: "gpt-5.5", tier: "frontier", costNanos: usd(50), tokens: 100_000 }] : [r],
    );
    expect(detectModelSwitches({ scope, rows: minor, from: "2026-10-01", to: "2026-10-13" })).toEqual([]);
  });

  it("compares per-token prices within a tier when tokens are known", () => {
    const sameTier = rows.map((r) => ({ ...r, tier: "frontier" }));
    const found = detectModelSwitches({ scope, rows: sameTier, from: "2026-10-01", to: "2026-10-20" });
    expect(found.map((a) => [a.day, a.score])).toEqual([["2026-10-14", 10]]);
  });
});

describe("detectAnomalies", () => {
  it("collects spikes and switches over scopes, largest first", () => {
    const team = { type: "team" as const, key: "support" };
    const found = detectAnomalies(
      [
        { scope, daily: rhythm("2026-08-01", "2026-10-18", { "2026-10-13": 2500 }) },
        { scope: team, daily: rhythm("2026-08-01", "2026-10-18", { "2026-10-15": 700 }) },
      ],
      { from: "2026-10-01", to: "2026-10-18" },
    );
    expect(found.map((a) => [a.scope.key, a.day, a.sizeNanos])).toEqual([
      ["ticket-triage", "2026-10-13", usd(2400)],
      ["support", "2026-10-15", usd(600)],
    ]);
  });
});
