import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { preset8020, presetWorkerAdvisor } from "./presets";
import { recommend, type CandidateModel, type RecommendInput } from "./recommend";
import { repriceByWorkload } from "./reprice";
import { fakePricer } from "./testing/fake-pricer";
import type { CallGroup } from "./types";

const usd = (s: string) => usdToNanos(s);
const frontier = { provider: "openai", model: "gpt-5.5", tier: "frontier" };
const cand = (provider: string, model: string, tier: CandidateModel["tier"], monthly: string | null): CandidateModel => ({
  provider, model, tier, monthlyCostNanos: monthly === null ? null : usd(monthly),
});
const rates = (name: string, tasks: number, r: Record<string, number>) => ({
  evalSet: name,
  passRates: Object.entries(r).map(([model, passRate]) => ({ model, passRate, tasks })),
});

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
    candidates: [cand("openai", "gpt-5-mini", "mid", "400")], evidence: rates("contracts-golden", 500, { "gpt-5.5": 0.995, "gpt-5-mini": 0.97 }),
  },
  {
    workload: "code-review", team: "eng", taskClass: "coding", qualityFloor: 0.8, currentModel: frontier, monthlyCostNanos: usd("1500"),
    candidates: [cand("openai", "gpt-5-mini", "mid", "300"), cand("openai", "gpt-5-nano", "small", null)],
    evidence: rates("review-sample", 40, { "gpt-5-mini": 0.85 }),
  },
];

describe("recommend", () => {
  const recs = recommend(workloads);

  it("picks the cheapest candidate meeting the floor, sorted by monthly saving", () => {
    expect(recs.map((r) => [r.workload, `${r.candidate.model}`, r.monthlySavingNanos, r.confidence])).toEqual([
      ["ticket-triage", "gpt-5-mini", usd("2400"), "high"], // nano is cheaper but fails the floor; haiku is untested
      ["code-review", "gpt-5-mini", usd("1200"), "medium"], // evidence on 40 tasks only
      ["summaries", "gpt-5-mini", usd("800"), "low"], // no eval: mid tier, same provider first
      ["invoice-fields", "gpt-5-nano", usd("75"), "low"], // no eval: extraction may go to the small tier
    ]);
    expect(recs[0]).toMatchObject({
      team: "support", currentModel: { provider: "openai", model: "gpt-5.5" }, monthlyCostNanos: usd("3000"),
      recommendedMonthlyCostNanos: usd("600"),
      evidence: 'eval set "triage-golden" (300 tasks): gpt-5-mini passes 96.0% >= floor 95.0%; gpt-5.5 passes 98.0%',
    });
    expect(recs[2].evidence).toBe("no eval: classification only (summarisation → mid tier or above)");
  });

  it("makes no recommendation when evals show no cheaper model holds the floor, or for non-routine work without evals", () => {
    expect(recs.map((r) => r.workload)).not.toContain("contracts");
    expect(recs.map((r) => r.workload)).not.toContain("agent");
  });

  it("builds the 80/20 preset from routine workloads only, with the share of spend moved", () => {
    const total = workloads.reduce((s, w) => s + w.monthlyCostNanos, 0n); // $12,600
    const { request, summary } = preset8020({ from: "2026-10-01", to: "2026-10-31", recommendations: recs, totalMonthlyCostNanos: total, totalWorkloads: 6 });
    expect(request?.rules.map((r) => [r.select.workloads, r.reroute?.model])).toEqual([
      [["ticket-triage", "summaries"], "gpt-5-mini"],
      [["invoice-fields"], "gpt-5-nano"],
    ]);
    // moved: 3,000 + 1,000 + 100 = $4,100 of $12,600 (32.5397%); saving 2,400 + 800 + 75
    expect(summary).toEqual({
      movedWorkloads: 3, totalWorkloads: 6, movedMonthlyCostNanos: usd("4100"), totalMonthlyCostNanos: usd("12600"),
      spendShare: 0.325396, monthlySavingNanos: usd("3275"),
    });
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
