import { describe, expect, it } from "vitest";
import type { ModelDaySpend } from "@/lib/anomaly";
import { eachDay } from "@/lib/forecast/utc-days";
import { usdToNanos } from "@/lib/money";
import { spikesAcrossSwitches } from "./spikes-across-switches";
import { switchCost } from "./switch-cost";

const usd = (s: string) => usdToNanos(s);
const scope = { type: "workload" as const, key: "ticket-triage" };

/*
 * ticket-triage runs on gpt-5-mini (mid): 1M tokens a day for $10, every day from 2026-08-31.
 * On 2026-10-12 it switches to gpt-5.5 (frontier): the same 1M tokens a day now cost $30.
 * On 2026-10-20 traffic triples on the new model: 3M tokens, $90. That is a real spike, on top of the switch.
 *
 * The switch, through 2026-10-25 (14 days): spend on gpt-5.5 = 13 x $30 + $90 = $480 for 16M tokens; at
 * gpt-5-mini's price the week before ($70 for 7M tokens) they would have cost 16M x $70 / 7M = $160: extra $320.
 * Re-pricing factor for the history: $480 / $160 = 3, so every $10 day before the switch counts as $30.
 * 2026-10-20: same-weekday history (10-13 at $30, then 10-06, 09-29 ... 08-25 re-priced to $30): median $30, MAD 0,
 * floored at 10% of the median = $3; z = ($90 - $30) / (1.4826 x $3) = 13.5 >= 4, size $60 >= $20: a spike of $60.
 * Every other day after the switch is $30 against $30: nothing. Before the fix, every spike from the switch on
 * was dropped, so the $60 spike was hidden behind the switch.
 */
const rows: ModelDaySpend[] = eachDay("2026-08-31", "2026-10-25").map((day) => {
  if (day < "2026-10-12") return { day, provider: "openai", model: "gpt-5-mini", tier: "mid", costNanos: usd("10"), tokens: 1_000_000 };
  const spike = day === "2026-10-20";
  return { day, provider: "openai", model: "gpt-5.5", tier: "frontier", costNanos: usd(spike ? "90" : "30"), tokens: spike ? 3_000_000 : 1_000_000 };
});

describe("spikes after a model switch", () => {
  const cost = switchCost(rows, "2026-10-12", "2026-10-25")!;

  it("sizes the switch by hand: $480 spent where $160 would have done", () => {
    expect(cost).toMatchObject({ previousKey: "openai/gpt-5-mini", newKey: "openai/gpt-5.5", days: 14, spendNanos: usd("480"), wouldHaveCostNanos: usd("160"), extraNanos: usd("320") });
  });

  it("finds the later spike of the same workload against the history at the new model's price", () => {
    const found = spikesAcrossSwitches({ scope, rows, switches: [{ day: "2026-10-12", ...cost }], from: "2026-10-01", to: "2026-10-25", minSizeNanos: usd("20") });
    expect(found.map((a) => [a.kind, a.day, a.spendNanos, a.expectedNanos, a.sizeNanos])).toEqual([["spike", "2026-10-20", usd("90"), usd("30"), usd("60")]]);
    expect(found[0].score).toBeCloseTo(60 / (1.4826 * 3), 6);
    expect(found[0].message).toContain("(weekday history re-priced at gpt-5.5's price since the switch on 2026-10-12)");
  });

  it("does not turn the switch itself into daily spikes, and still judges days before it on the recorded series", () => {
    const flat = rows.map((r) => (r.day === "2026-10-20" ? { ...r, costNanos: usd("30"), tokens: 1_000_000 } : r));
    const flatCost = switchCost(flat, "2026-10-12", "2026-10-25")!;
    expect(spikesAcrossSwitches({ scope, rows: flat, switches: [{ day: "2026-10-12", ...flatCost }], from: "2026-10-01", to: "2026-10-25", minSizeNanos: usd("20") })).toEqual([]);
    // A $50 day on 2026-10-05 (before the switch) against $10 Mondays: z = 40 / (1.4826 x $1 floor) = 27, size $40.
    const early = rows.map((r) => (r.day === "2026-10-05" ? { ...r, costNanos: usd("50") } : r));
    const earlyCost = switchCost(early, "2026-10-12", "2026-10-25")!;
    const found = spikesAcrossSwitches({ scope, rows: early, switches: [{ day: "2026-10-12", ...earlyCost }], from: "2026-10-01", to: "2026-10-25", minSizeNanos: usd("20") });
    expect(found.map((a) => [a.day, a.sizeNanos])).toContainEqual(["2026-10-05", usd("40")]);
  });
});
