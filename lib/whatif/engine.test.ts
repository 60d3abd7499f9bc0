/**
 * Hand-checkable what-if arithmetic. Prices (USD per million tokens): frontier in $10 / cached $1 / out $40,
 * mini in $1 / cached $0.10 / out $4; batch is 50% off.
 * triage:   1,000 calls on frontier, 2,000,000 in + 100,000 out = $20 + $4 = $24 (recorded $24)
 * research:    10 calls on frontier, 1,000,000 in +  50,000 out = $10 + $2 = $12 (recorded $12.50)
 */
import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { runWhatIf, type WhatIfOutcome } from "./engine";
import { toWhatIfResponse } from "./response";
import { WhatIfRequestSchema, type WhatIfRequestInput } from "./schema";
import { fakePricer } from "./testing/fake-pricer";
import type { CallGroup, EvalResultRow, WorkloadInfo } from "./types";

const usd = (s: string) => usdToNanos(s);
const price = fakePricer({
  "openai/frontier": { input: "10", cachedInput: "1", output: "40" },
  "openai/mini": { input: "1", cachedInput: "0.1", output: "4" },
  "openai/tiny": { input: "0.001", output: "0" },
  "anthropic/long": { input: "3", output: "15", longContext: { above: 200_000, multiplier: 2n } },
  "openai/dated": [{ input: "2", output: "8" }, { validFrom: "2026-10-15", input: "1", output: "4" }],
});

const group = (over: Partial<CallGroup>): CallGroup => ({
  day: "2026-10-01", workloadSlug: "triage", teamSlug: "support", taskClass: "classification", provider: "openai",
  model: "frontier", calls: 1000, inputTokens: 2_000_000, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 100_000,
  baselineCostNanos: usd("24"), ...over,
});
const triage = group({});
const research = group({
  day: "2026-10-02", workloadSlug: "research", teamSlug: "labs", taskClass: "complex_reasoning", calls: 10,
  inputTokens: 1_000_000, outputTokens: 50_000, baselineCostNanos: usd("12.50"),
});

function run(rules: WhatIfRequestInput["rules"], groups: CallGroup[], workloads?: Map<string, WorkloadInfo>): WhatIfOutcome {
  const request = WhatIfRequestSchema.parse({ from: "2026-10-01", to: "2026-10-31", rules });
  return runWhatIf({ request, groups, price, workloads });
}
function ok(out: WhatIfOutcome) {
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.result;
}
const toMini = { provider: "openai", model: "mini" };

describe("reroute", () => {
  it("re-prices selected calls on the target, keeps unselected calls at their recorded cost", () => {
    const r = ok(run([{ select: { workloads: ["triage"] }, reroute: toMini }], [triage, research]));
    // triage on mini: 2,000,000 x $1/M + 100,000 x $4/M = $2.40; research keeps its recorded $12.50
    expect(r.baselineNanos).toBe(usd("36.50"));
    expect(r.scenario).toEqual({ pointNanos: usd("14.90"), lowNanos: usd("14.66"), highNanos: usd("15.14") });
    expect(r.savingsNanos).toBe(usd("21.60"));
    expect([r.savingsLowNanos, r.savingsHighNanos]).toEqual([usd("21.36"), usd("21.84")]);
    // 21.60 x 30.4375 / 31 days = 21.2080645161... ; annual = 12 x monthly
    expect(r.monthlySavingsNanos).toBe(usd("21.208064516"));
    expect(r.annualSavingsNanos).toBe(usd("254.496774192"));
    expect(r.byWorkload.map((w) => [w.workload, w.team, w.baselineNanos, w.scenarioNanos, w.rule])).toEqual([
      ["triage", "support", usd("24"), usd("2.40"), 0],
      ["research", "labs", usd("12.50"), usd("12.50"), null],
    ]);
    expect(r.byWorkload[0].quality).toEqual({ baseline: null, scenario: null, floor: null, ok: null, evidence: "no eval set linked: quality not measured" });
    expect(r.byWorkload[1].quality.evidence).toBe("not changed by the scenario");
    expect(r.daily.slice(0, 3)).toEqual([
      { day: "2026-10-01", baselineNanos: usd("24"), scenarioNanos: usd("2.40") },
      { day: "2026-10-02", baselineNanos: usd("12.50"), scenarioNanos: usd("12.50") },
      { day: "2026-10-03", baselineNanos: 0n, scenarioNanos: 0n },
    ]);
    expect(r.daily).toHaveLength(31);
    expect(r.byTeam.map((t) => [t.team, t.savingsNanos])).toEqual([["support", usd("21.60")], ["labs", 0n]]);
    expect(r.warnings).toEqual(["traffic on 2 of 31 days: monthly and annual projections assume the whole window"]);
  });

  it("applies the output factor to the target's output, inside the tokenizer band too", () => {
    const r = ok(run([{ select: { workloads: ["triage"] }, reroute: toMini, outputFactor: 1.5 }], [triage]));
    // 150,000 out x $4/M = $0.60 + $2 input = $2.60; band x0.9: $1.80 + $0.54; x1.1: $2.20 + $0.66
    expect(r.scenario).toEqual({ pointNanos: usd("2.60"), lowNanos: usd("2.34"), highNanos: usd("2.86") });
  });

  it("applies tiered prices per call, not to the group's sum", () => {
    const small = group({ calls: 10, inputTokens: 500_000, outputTokens: 0, baselineCostNanos: usd("5") });
    const big = group({ workloadSlug: "docs", calls: 2, inputTokens: 500_000, outputTokens: 0, baselineCostNanos: usd("5") });
    const r = ok(run([{ select: {}, reroute: { provider: "anthropic", model: "long" } }], [small, big]));
    // 10 calls of 50k stay under the 200k tier: 500k x $3/M = $1.50; 2 calls of 250k are above it: x2 = $3.00
    expect(Object.fromEntries(r.byWorkload.map((w) => [w.workload, w.scenarioNanos]))).toEqual({ triage: usd("1.50"), docs: usd("3") });
  });

  it("prices on the target at the group's own day", () => {
    const r = ok(run([{ select: {}, reroute: { provider: "openai", model: "dated" } }], [
      group({ day: "2026-10-14", calls: 1, inputTokens: 1_000_000, outputTokens: 0 }),
      group({ day: "2026-10-15", calls: 1, inputTokens: 1_000_000, outputTokens: 0 }),
    ]));
    expect(r.daily.slice(13, 15).map((d) => d.scenarioNanos)).toEqual([usd("2"), usd("1")]);
  });

  it("lets the first matching rule win", () => {
    const r = ok(run([{ select: { workloads: ["triage"] } }, { select: {}, reroute: toMini }], [triage, research]));
    // triage is held by rule 1 (no lever): $24; research goes to mini: 1,000,000 x $1/M + 50,000 x $4/M = $1.20
    expect(r.scenario.pointNanos).toBe(usd("25.20"));
    expect(r.byRule.map((x) => [x.rule, x.scenarioNanos])).toEqual([[0, usd("24")], [1, usd("1.20")]]);
  });
});

describe("escalation by rate", () => {
  it("adds rate x the calls priced on the escalation model with tokenShare of their tokens", () => {
    const r = ok(run([{
      select: { workloads: ["triage"] }, reroute: toMini,
      escalation: { provider: "openai", model: "frontier", rate: 0.1, tokenShare: 0.5 },
    }], [triage]));
    // escalation: 1,000,000 in + 50,000 out on frontier = $12; x 0.1 = $1.20; + $2.40 on mini = $3.60
    // band on mini only ($2.16 .. $2.64): the escalation goes back to frontier, whose own token counts these are
    expect(r.scenario).toEqual({ pointNanos: usd("3.60"), lowNanos: usd("3.36"), highNanos: usd("3.84") });
  });

  it("is exact in bigint with a rate held to the millionth", () => {
    const r = ok(run([{
      select: { workloads: ["triage"] }, reroute: toMini,
      escalation: { provider: "openai", model: "frontier", rate: 1 / 3, tokenShare: 0.5 },
    }], [triage]));
    // rate 0.333333 x $12 = $3.999996 exactly; + $2.40
    expect(r.scenario.pointNanos).toBe(usd("6.399996"));
  });

  it("rounds once over the total, not once per group", () => {
    // Each call costs 1 nano (1 token at $0.001/M); half of them escalate to the same model: 1.5 nano each.
    const ping = group({ workloadSlug: "pings", model: "tiny", calls: 1, inputTokens: 1, outputTokens: 0, baselineCostNanos: 1n });
    const r = ok(run([{ select: { workloads: ["pings"] }, escalation: { provider: "openai", model: "tiny", rate: 0.5 } }], [ping, ping]));
    expect(r.scenario.pointNanos).toBe(3n); // 2 x 1.5, where rounding each group would give 4
  });
});

describe("batch and caching levers", () => {
  it("prices batchShare of the calls with the batch discount, relative to the recorded cost", () => {
    const r = ok(run([{ select: { models: ["openai/frontier"] }, batchShare: 0.5 }], [triage, research]));
    // triage: $24 + (half at 50% off: $18 - $24) = $18; research: $12.50 + ($9 - $12) = $9.50
    expect(r.scenario).toEqual({ pointNanos: usd("27.50"), lowNanos: usd("27.50"), highNanos: usd("27.50") });
  });

  it("leaves traffic already in batch as it is", () => {
    const r = ok(run([{ select: {}, batchShare: 1 }], [group({ batch: true, baselineCostNanos: usd("12") })]));
    expect(r.savingsNanos).toBe(0n);
  });

  it("raises the cached share of input tokens, never lowers it", () => {
    const r = ok(run([{ select: {}, cachedShare: 0.8 }], [triage]));
    // 400,000 uncached x $10/M + 1,600,000 cached x $1/M + $4 output = $9.60
    expect(r.scenario.pointNanos).toBe(usd("9.60"));
    const cachedAlready = group({ cachedInputTokens: 1_800_000, baselineCostNanos: usd("7.80") });
    expect(ok(run([{ select: {}, cachedShare: 0.5 }], [cachedAlready])).savingsNanos).toBe(0n);
  });

  it("combines caching with a reroute", () => {
    const r = ok(run([{ select: {}, reroute: toMini, cachedShare: 0.5 }], [triage]));
    // 1,000,000 x $1/M + 1,000,000 x $0.10/M + $0.40 = $1.50
    expect(r.scenario.pointNanos).toBe(usd("1.50"));
  });
});

describe("quality against the floor", () => {
  const results: EvalResultRow[] = Array.from({ length: 100 }, (_, i) => [
    { taskId: `t${i}`, model: "frontier", passed: i < 97 },
    { taskId: `t${i}`, model: "mini", passed: i < 93 },
  ]).flat();
  const workloads = new Map([["triage", { slug: "triage", qualityFloor: 0.95, evalSet: { name: "triage-golden", results } }]]);

  it("marks a reroute that breaks the floor", () => {
    const r = ok(run([{ select: { workloads: ["triage"] }, reroute: toMini }], [triage], workloads));
    expect(r.byWorkload[0].quality).toMatchObject({
      baseline: 0.97, scenario: 0.93, floor: 0.95, ok: false,
      evidence: 'eval set "triage-golden": currently frontier passes 97.0% (100 tasks); mini passes 93.0% (100 tasks)',
    });
    // 93/100 Wilson 95%: denom 1.038416; centre (0.93 + 0.019208) / 1.038416 = 0.914092;
    // half 1.96 x sqrt(0.000651 + 0.00009604) / 1.038416 = 1.96 x 0.027332 / 1.038416 = 0.051589 -> 86.3% to 96.6%
    const i = r.byWorkload[0].quality.interval!;
    expect(i.tasks).toBe(100);
    expect(i.low).toBeCloseTo(0.8625, 3);
    expect(i.high).toBeCloseTo(0.9657, 3);
  });

  it("estimates rate-based escalation as untargeted: (1 - rate) x cheap + rate x frontier", () => {
    const r = ok(run([{
      select: { workloads: ["triage"] }, reroute: toMini, escalation: { provider: "openai", model: "frontier", rate: 0.5 },
    }], [triage], workloads));
    expect(r.byWorkload[0].quality.scenario).toBeCloseTo(0.95, 12);
    expect(r.byWorkload[0].quality.ok).toBe(true);
  });
});

describe("refusals", () => {
  it("says which rule selects nothing instead of reporting a $0 saving", () => {
    const out = run([{ select: { workloads: ["triage"] }, reroute: toMini }, { select: { workloads: ["ghost"] }, reroute: toMini }], [triage]);
    expect(out).toEqual({
      ok: false,
      errors: [{ code: "rule_selects_nothing", rule: 1, message: "rule 2 selects no traffic in 2026-10-01..2026-10-31" }],
    });
  });

  it("refuses an unknown or unpriced target, naming it", () => {
    const out = run([{ select: {}, reroute: { provider: "openai", model: "gpt-9" } }], [triage, research]);
    expect(out).toEqual({
      ok: false,
      errors: [{ code: "unpriced_target", rule: 0, message: "rule 1: target model openai/gpt-9 has no price on 2026-10-01 (unknown or unpriced model)" }],
    });
    const esc = run([{ select: {}, escalation: { provider: "x", model: "y", rate: 0.1 } }], [triage]);
    expect(!esc.ok && esc.errors[0].message).toBe("rule 1: escalation model x/y has no price on 2026-10-01 (unknown or unpriced model)");
  });

  it("refuses levers on a model it cannot price, and replay without evals", () => {
    const custom = group({ model: "ft:custom" });
    const out = run([{ select: {}, batchShare: 0.5 }], [custom]);
    expect(!out.ok && out.errors[0]).toMatchObject({ code: "unpriced_current", message: expect.stringContaining("openai/ft:custom has no price") });
    const replay = run([{ select: {}, reroute: toMini, escalation: { provider: "openai", model: "frontier", mode: "replay" } }], [triage]);
    expect(!replay.ok && replay.errors[0].message).toBe(
      'rule 1: escalation replay needs an eval set linked to workload "triage" with results for both mini and frontier (or a fallback rate)',
    );
  });

  it("leaves unpriced history out of the totals and says so", () => {
    const r = ok(run([{ select: {}, reroute: toMini }], [triage, group({ baselineCostNanos: null, calls: 7 })]));
    expect(r.baselineNanos).toBe(usd("24"));
    expect(r.unpricedBaseline).toEqual({ groups: 1, calls: 7 });
    expect(r.warnings[0]).toBe("7 calls without a recorded cost (unpriced models) are left out of baseline and scenario");
  });
});

describe("toWhatIfResponse", () => {
  it("formats money as exact decimal strings", () => {
    const body = toWhatIfResponse(ok(run([{ select: { workloads: ["triage"] }, reroute: toMini }], [triage, research])));
    expect(body).toMatchObject({
      baseline: { costUsd: "36.50" },
      scenario: { costUsd: "14.90", lowUsd: "14.66", highUsd: "15.14" },
      savingsUsd: "21.60",
      monthlySavingsUsd: "21.208064516",
      annualSavingsUsd: "254.496774192",
    });
    expect(body.byWorkload[0]).toMatchObject({ workload: "triage", team: "support", baselineUsd: "24.00", scenarioUsd: "2.40" });
  });
});
