import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { preset8020, presetWorkerAdvisor } from "./presets";
import { decide, recommend, type CandidateModel, type RecommendInput } from "./recommend";
import { repriceByWorkload } from "./reprice";
import { fakePricer } from "./testing/fake-pricer";
import type { CallGroup } from "./types";

const usd = (s: string) => usdToNanos(s);
const frontier = { provider: "openai", model: "gpt-5.5", tier: "frontier" };
const cand = (provider: string, model: string, tier: CandidateModel["tier"], monthly: string | null): CandidateModel => ({
  provider, model, tier, monthlyCostNanos: monthly === null ? null : usd(monthly),
});
/** Eval results: passes out of `tasks` per model, from the pass rates given (all of them whole numbers of tasks). */
const rates = (name: string, tasks: number, r: Record<string, number>) => ({
  evalSet: name,
  passRates: Object.entries(r).map(([model, passRate]) => ({ model, passes: Math.round(passRate * tasks), tasks })),
});

/*
 * Wilson 95% intervals used below, worked by hand with z = 1.96 (z^2 = 3.8416):
 *   low/high = (p + z^2/2n -/+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)
 *   288/300 (96%):  denom 1.012805, centre 0.966403/1.012805 = 0.954185, half 1.96 x 0.011776 / 1.012805 = 0.022789
 *                   -> 93.1% to 97.7%: below a 95% floor at the lower bound
 *   980/1000 (98%): denom 1.0038416, centre 0.978163, half 1.96 x 0.0045343 / 1.0038416 = 0.008853 -> 96.9% to 98.7%
 *   39/40 (97.5%):  denom 1.09604, centre 1.02302/1.09604 = 0.93338, half 1.96 x 0.034780 / 1.09604 = 0.062196
 *                   -> 87.1% to 99.6%
 *   34/40 (85%):    centre 0.89802/1.09604 = 0.81933, half 1.96 x 0.061545 / 1.09604 = 0.110058 -> 70.9% to 92.9%
 *   485/500 (97%):  denom 1.0076832, centre 0.966416, half 1.96 x 0.0078766 / 1.0076832 = 0.015320 -> 95.1% to 98.2%
 *   400/500 (80%):  centre 0.80384/1.0076832 = 0.797711, half 1.96 x 0.017937 / 1.0076832 = 0.034888 -> 76.3% to 83.3%
 */
const workloads: RecommendInput[] = [
  {
    workload: "ticket-triage", team: "support", taskClass: "classification", qualityFloor: 0.95, currentModel: frontier,
    monthlyCostNanos: usd("3000"),
    candidates: [cand("openai", "gpt-5-mini", "mid", "600"), cand("openai", "gpt-5-nano", "small", "150"), cand("anthropic", "haiku", "small", "400")],
    evidence: rates("triage-golden", 300, { "gpt-5.5": 0.98, "gpt-5-mini": 0.96, "gpt-5-nano": 0.91 }),
  },
  {
    workload: "summaries", team: "ops", taskClass: "summarisation", qualityFloor: 0.9, currentModel: frontier,
    monthlyCostNanos: usd("1000"),
    candidates: [cand("openai", "gpt-5-mini", "mid", "200"), cand("openai", "gpt-5-nano", "small", "50"), cand("anthropic", "sonnet", "mid", "150")],
    evidence: null,
  },
  {
    workload: "agent", team: "eng", taskClass: "agentic", qualityFloor: 0.9, currentModel: frontier, monthlyCostNanos: usd("5000"),
    candidates: [cand("openai", "gpt-5-mini", "mid", "900")], evidence: null,
  },
  {
    workload: "invoice-fields", team: "finance", taskClass: "extraction", qualityFloor: 0.95,
    currentModel: { provider: "openai", model: "gpt-5-mini", tier: "mid" }, monthlyCostNanos: usd("100"),
    candidates: [cand("openai", "gpt-5-nano", "small", "25"), cand("openai", "gpt-5.5", "frontier", "500")], evidence: null,
  },
  {
    workload: "contracts", team: "legal", taskClass: "classification", qualityFloor: 0.99, currentModel: frontier, monthlyCostNanos: usd("2000"),
    candidates: [cand("openai", "gpt-5-mini", "mid", "400")], evidence: rates("contracts-golden", 500, { "gpt-5.5": 0.996, "gpt-5-mini": 0.97 }),
  },
  {
    workload: "code-review", team: "eng", taskClass: "coding", qualityFloor: 0.8, currentModel: frontier, monthlyCostNanos: usd("1500"),
    candidates: [cand("openai", "gpt-5-mini", "mid", "300"), cand("openai", "gpt-5-nano", "small", null)],
    evidence: rates("review-sample", 40, { "gpt-5-mini": 0.85 }),
  },
  {
    // nano is cheapest and passes 97.5%, but on 40 tasks only (lower bound 87.1%); mini passes 98% of 1,000 (96.9%).
    workload: "faq-tagging", team: "support", taskClass: "classification", qualityFloor: 0.95, currentModel: frontier, monthlyCostNanos: usd("2000"),
    candidates: [cand("openai", "gpt-5-nano", "small", "100"), cand("openai", "gpt-5-mini", "mid", "500")],
    evidence: {
      evalSet: "faq-golden",
      passRates: [{ model: "gpt-5-nano", passes: 39, tasks: 40 }, { model: "gpt-5-mini", passes: 980, tasks: 1000 }, { model: "gpt-5.5", passes: 990, tasks: 1000 }],
    },
  },
  {
    // Mixed traffic: re-pricing all of it on its own main model (gpt-5.5, $900) is cheaper than what it paid ($1,000),
    // and gpt-5.5 passes the floor; the only OTHER cheaper model (mini, 80%) does not. Before: "over-specified because
    // a cheaper model meets its floor" (the current model counted as a cheaper candidate) while the recommendation
    // said none does.
    workload: "mixed", team: "ops", taskClass: "coding", qualityFloor: 0.95, currentModel: frontier, monthlyCostNanos: usd("1000"),
    candidates: [cand("openai", "gpt-5.5", "frontier", "900"), cand("openai", "gpt-5-mini", "mid", "200")],
    evidence: rates("mixed-golden", 500, { "gpt-5.5": 0.98, "gpt-5-mini": 0.8 }),
  },
  {
    // Routine class on the frontier tier, but no cheaper candidate has a known tier: before, "over-specified" with no
    // recommendation and no figure; now neither.
    workload: "labels", team: "ops", taskClass: "classification", qualityFloor: 0.9, currentModel: frontier, monthlyCostNanos: usd("300"),
    candidates: [cand("acme", "mystery", null, "10")], evidence: null,
  },
];

describe("decide: one decision per workload", () => {
  const decisions = new Map(workloads.map((w) => [w.workload, decide(w)]));
  const recs = recommend(workloads);

  it("picks the cheapest candidate meeting the floor at the 95% lower bound, else at its measured rate (medium)", () => {
    expect(recs.map((r) => [r.workload, `${r.candidate.model}`, r.monthlySavingNanos, r.confidence, r.basis])).toEqual([
      ["ticket-triage", "gpt-5-mini", usd("2400"), "medium", "eval"], // 96% of 300: lower bound 93.1% < 95%
      ["faq-tagging", "gpt-5-mini", usd("1500"), "high", "eval"], // 98% of 1,000: lower bound 96.9%; nano's is 87.1%
      ["code-review", "gpt-5-mini", usd("1200"), "medium", "eval"], // 85% of 40: lower bound 70.9% < 80%
      ["summaries", "gpt-5-mini", usd("800"), "low", "classification"], // no eval: mid tier, same provider first
      ["invoice-fields", "gpt-5-nano", usd("75"), "low", "classification"], // no eval: extraction may go to the small tier
    ]);
    expect(recs[0]).toMatchObject({
      team: "support", currentModel: { provider: "openai", model: "gpt-5.5" }, monthlyCostNanos: usd("3000"),
      recommendedMonthlyCostNanos: usd("600"),
      evidence:
        'eval set "triage-golden" (300 tasks): gpt-5-mini passes 96.0% (95% CI 93.1%–97.7%), >= floor 95.0%, but the lower bound 93.1% is below it; gpt-5.5 passes 98.0%',
    });
    expect(recs[0].interval).toMatchObject({ passes: 288, tasks: 300, rate: 0.96 });
    expect(recs[0].interval!.low).toBeCloseTo(0.9314, 3);
    expect(recs[0].interval!.high).toBeCloseTo(0.977, 3);
    expect(recs[1].evidence).toBe(
      'eval set "faq-golden" (1000 tasks): gpt-5-mini passes 98.0% (95% CI 96.9%–98.7%), lower bound 96.9% >= floor 95.0%; gpt-5.5 passes 99.0%',
    );
    expect(recs[3].evidence).toBe("no eval: classification only (summarisation → mid tier or above)");
    expect(recs[3].interval).toBeNull();
  });

  it("95 passes out of 100 against a 95% floor is not high confidence (the issue's example)", () => {
    // 95/100: lower bound 0.88825 (denom 1.038416, centre 0.93335, half 1.96 x 0.023897 / 1.038416 = 0.045105).
    const d = decide({
      workload: "w", taskClass: "classification", qualityFloor: 0.95, currentModel: frontier, monthlyCostNanos: usd("100"),
      candidates: [cand("openai", "gpt-5-mini", "mid", "20")], evidence: { evalSet: "s", passRates: [{ model: "gpt-5-mini", passes: 95, tasks: 100 }] },
    });
    expect(d.recommendation?.confidence).toBe("medium");
    expect(d.proven).toBe(false);
    expect(d.unprovenReason).toBe("unproven: 100 eval tasks are too few (95% lower bound 88.8% < floor 95.0%): run a larger eval");
  });

  it("makes no recommendation when evals show no cheaper model holds the floor, or for non-routine work without evals", () => {
    expect(decisions.get("contracts")).toEqual({
      recommendation: null,
      reason: 'eval set "contracts-golden": no cheaper model meets the floor 99.0% (best: gpt-5-mini 97.0%, 95% CI 95.1%–98.2%)',
      overSpecified: false, overSpecifiedReason: null, proven: false, unprovenReason: null, revert: null,
    });
    expect(decisions.get("agent")?.recommendation).toBeNull();
  });

  it("never calls a workload over-specified without a recommendation (the current model is not a cheaper candidate)", () => {
    expect(decisions.get("mixed")).toMatchObject({
      recommendation: null, overSpecified: false,
      reason: 'eval set "mixed-golden": no cheaper model meets the floor 95.0% (best: gpt-5-mini 80.0%, 95% CI 76.3%–83.3%)',
    });
    expect(decisions.get("labels")).toMatchObject({ recommendation: null, overSpecified: false });
    // Over-specified: every eval-based recommendation, and the classification one running on frontier (summaries);
    // invoice-fields runs on the mid tier, so its small-tier suggestion does not make it over-specified.
    const over = [...decisions].filter(([, d]) => d.overSpecified).map(([w]) => w).sort();
    expect(over).toEqual(["code-review", "faq-tagging", "summaries", "ticket-triage"]);
    expect(decisions.get("summaries")?.overSpecifiedReason).toBe("summarisation is a routine task class, running on the frontier tier (gpt-5.5); no eval yet");
    for (const d of decisions.values()) if (d.overSpecified) expect(d.recommendation).not.toBeNull();
  });

  it("builds the 80/20 preset from proven workloads only; the rest are listed as unproven with their saving", () => {
    const total = workloads.reduce((s, w) => s + w.monthlyCostNanos, 0n);
    // 3,000 + 1,000 + 5,000 + 100 + 2,000 + 1,500 + 2,000 + 1,000 + 300 = $15,900
    expect(total).toBe(usd("15900"));
    const { request, summary } = preset8020({
      from: "2026-10-01", to: "2026-10-31", decisions: [...decisions.values()], totalMonthlyCostNanos: total, totalWorkloads: 9,
    });
    expect(request?.rules.map((r) => [r.select.workloads, r.reroute?.model])).toEqual([[["faq-tagging"], "gpt-5-mini"]]);
    // moved: faq-tagging's $2,000 of $15,900 = 0.1257861... (held to the millionth, rounded down); saving $1,500
    expect(summary).toMatchObject({
      movedWorkloads: 1, totalWorkloads: 9, movedMonthlyCostNanos: usd("2000"), totalMonthlyCostNanos: usd("15900"),
      spendShare: 0.125786, monthlySavingNanos: usd("1500"),
      unprovenMonthlySavingNanos: usd("4475"), // 2,400 + 1,200 + 800 + 75
    });
    expect(summary.unproven.map((u) => [u.recommendation.workload, u.recommendation.monthlySavingNanos, u.reason])).toEqual([
      ["ticket-triage", usd("2400"), "unproven: 300 eval tasks are too few (95% lower bound 93.1% < floor 95.0%): run a larger eval"],
      ["code-review", usd("1200"), "unproven: 40 eval tasks are too few (95% lower bound 70.9% < floor 80.0%): run a larger eval"],
      ["summaries", usd("800"), "unproven: run an eval (the recommendation rests on the task class only)"],
      ["invoice-fields", usd("75"), "unproven: run an eval (the recommendation rests on the task class only)"],
    ]);
  });
});

describe("presetWorkerAdvisor", () => {
  it("builds a worker rule with frontier escalation at a rate, or replaying the eval set", () => {
    const worker = { provider: "openai", model: "gpt-5-mini" };
    const advisor = { provider: "openai", model: "gpt-5.5" };
    const r = presetWorkerAdvisor({ from: "2026-10-01", to: "2026-10-31", select: { teams: ["support"] }, worker, advisor, rate: 0.15 });
    expect(r.rules[0]).toMatchObject({ select: { teams: ["support"] }, reroute: worker, escalation: { ...advisor, mode: "rate", rate: 0.15, tokenShare: 1 } });
    const replay = presetWorkerAdvisor({ from: "2026-10-01", to: "2026-10-31", select: {}, worker, advisor, replay: true });
    expect(replay.rules[0].escalation).toMatchObject({ mode: "replay", rate: undefined });
    expect(() => presetWorkerAdvisor({ from: "2026-10-01", to: "2026-10-31", select: {}, worker, advisor, rate: 2 })).toThrow(/between 0 and 1/);
  });
});

describe("repriceByWorkload", () => {
  it("prices each workload's own traffic on candidates, per month", () => {
    const price = fakePricer({ "openai/mini": { input: "1", output: "4" } });
    const g: CallGroup = {
      day: "2026-10-05", workloadSlug: "triage", teamSlug: "support", taskClass: "classification", provider: "openai", model: "big",
      calls: 1000, inputTokens: 2_000_000, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 100_000, baselineCostNanos: usd("31"),
    };
    const costs = repriceByWorkload({
      groups: [g, { ...g, baselineCostNanos: null }, { ...g, day: "2026-11-01" }],
      from: "2026-10-01", to: "2026-10-31", price,
      candidates: [{ provider: "openai", model: "mini" }, { provider: "openai", model: "unknown" }],
    });
    const triage = costs.get("triage")!;
    expect(triage.currentMonthlyNanos).toBe(usd("30.4375")); // $31 over 31 days x 30.4375
    // $2.40 on mini (2,000,000 x $1/M + 100,000 x $4/M) x 30.4375 / 31 = 2.35645161290...
    expect(triage.candidates.get("openai/mini")).toBe(usd("2.356451613"));
    expect(triage.candidates.get("openai/unknown")).toBeNull();
  });
});
