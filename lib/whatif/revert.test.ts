import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { decide, type CandidateModel, type RecommendInput } from "./recommend";

/*
 * A recent model switch (issue 16.8): support triage moved from gpt-5-mini to gpt-5.5 on Nov 20. Its cost is the
 * spend rate since the switch ($3,000 / month); the candidates are priced on that same traffic.
 * Wilson 95% intervals, by hand with z^2 = 3.8415, n = 100 (denominator 1 + 3.8415/100 = 1.038415):
 *   95/100: centre (0.95 + 0.019208)/1.038415 = 0.933352, half 1.96 x sqrt(0.000475 + 0.000096)/1.038415 = 0.045103
 *           -> 88.8% to 97.8%: the lower bound meets an 85% floor (proven, "high")
 *   90/100: centre 0.885210, half 1.96 x sqrt(0.0009 + 0.000096)/1.038415 = 0.059568 -> 82.6% to 94.5%
 *   80/100: 71.1% to 86.7%; 70/100: 60.4% to 78.1%
 */
const usd = (s: string) => usdToNanos(s);
const cand = (model: string, tier: CandidateModel["tier"], monthly: string): CandidateModel => ({ provider: "openai", model, tier, monthlyCostNanos: usd(monthly) });
const base = (passRates: Record<string, number>): RecommendInput => ({
  workload: "triage",
  team: "support",
  taskClass: "classification",
  qualityFloor: 0.85,
  currentModel: { provider: "openai", model: "gpt-5.5", tier: "frontier" },
  monthlyCostNanos: usd("3000"),
  candidates: [cand("gpt-5-mini", "mid", "600"), cand("gpt-5-nano", "small", "150")],
  evidence: { evalSet: "triage-golden", passRates: Object.entries(passRates).map(([model, passes]) => ({ model, passes, tasks: 100 })) },
  modelSwitch: { previous: { provider: "openai", model: "gpt-5-mini" }, on: "2026-11-20" },
});

describe("revert to the model before a recent switch", () => {
  it("is the recommendation when the previous model met the floor and is the cheapest that does", () => {
    const d = decide(base({ "gpt-5-mini": 95, "gpt-5-nano": 70 }));
    expect(d.recommendation).toMatchObject({
      candidate: { model: "gpt-5-mini" },
      revert: true,
      confidence: "high",
      // $3,000 - $600
      monthlySavingNanos: usd("2400"),
    });
    expect(d.recommendation?.evidence).toMatch(/^revert to gpt-5-mini \(the model before the switch on 2026-11-20\): eval set "triage-golden" \(100 tasks\): gpt-5-mini passes 95\.0% \(95% CI 88\.8%–97\.8%\)/);
    expect(d.revert).toMatchObject({ to: { model: "gpt-5-mini" }, switchedOn: "2026-11-20", monthlyCostNanos: usd("600"), metFloor: true });
    expect(d.revert?.note).toBe("gpt-5-mini met the 85.0% floor: passes 95.0% (95% CI 88.8%–97.8%)");
  });

  it("stays a candidate, not the pick, when a cheaper model also meets the floor", () => {
    const d = decide(base({ "gpt-5-mini": 95, "gpt-5-nano": 90 }));
    // nano: 90% >= 85%, lower bound 82.6% < 85%; mini is proven (88.8%): the proven set wins, so mini, a revert.
    expect(d.recommendation).toMatchObject({ candidate: { model: "gpt-5-mini" }, revert: true, confidence: "high" });
    const proven = decide({ ...base({ "gpt-5-mini": 95, "gpt-5-nano": 95 }) });
    // Both proven: the cheaper nano ($150, saving $2,850) wins; going back is still shown as a qualifying candidate.
    expect(proven.recommendation).toMatchObject({ candidate: { model: "gpt-5-nano" }, revert: false, monthlySavingNanos: usd("2850") });
    expect(proven.revert).toMatchObject({ metFloor: true, monthlyCostNanos: usd("600") });
  });

  it("is no candidate when the previous model was below the floor or never evaluated", () => {
    const below = decide(base({ "gpt-5-mini": 80, "gpt-5-nano": 70 }));
    expect(below.recommendation).toBeNull();
    expect(below.revert).toMatchObject({ metFloor: false, note: "gpt-5-mini is below the 85.0% floor: passes 80.0% (95% CI 71.1%–86.7%)" });
    const untested = decide(base({ "gpt-5-nano": 95 }));
    expect(untested.recommendation).toMatchObject({ candidate: { model: "gpt-5-nano" }, revert: false });
    expect(untested.revert).toMatchObject({ metFloor: false, interval: null, note: "no eval result for gpt-5-mini: cannot tell whether it met the 85.0% floor" });
  });

  it("is not a saving when the previous model costs more on this traffic", () => {
    const d = decide({ ...base({ "gpt-5-mini": 95 }), monthlyCostNanos: usd("500") });
    expect(d.revert?.note).toBe("gpt-5-mini would cost as much or more than gpt-5.5 on this traffic");
    expect(d.recommendation?.revert ?? false).toBe(false);
  });

  it("without a switch there is no revert", () => {
    expect(decide({ ...base({ "gpt-5-mini": 95 }), modelSwitch: null }).revert).toBeNull();
  });
});
