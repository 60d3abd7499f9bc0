/**
 * The reference case: on 100 tasks, the hybrid (worker + frontier fallback) passes 18 for $368 while
 * frontier-only passes 14 for $954, a 2.6x cost ratio. Every number below is checkable by hand.
 *
 * Price table (USD per million tokens):   frontier  in $15, out $75      worker  in $1, out $1
 * One task = one call of 148,000 input and 97,600 output tokens:
 *   frontier: 148,000 x $15/M = $2.22  +  97,600 x $75/M = $7.32  = $9.54     x 100 tasks = $954.00
 *   worker:   148,000 x  $1/M = $0.148 +  97,600 x  $1/M = $0.0976 = $0.2456  x 100 tasks =  $24.56
 * An escalation re-sends 40% of the tokens (tokenShare 0.4) to frontier: 59,200 in + 39,040 out = $0.888 + $2.928
 *   = $3.816 per escalated task.
 * Eval outcomes: the worker passes tasks 1-10; frontier passes tasks 1-6 and 11-18.
 *   frontier alone passes 6 + 8 = 14;  the worker fails 90 tasks, which escalate (rate 90%);
 *   hybrid passes 10 (worker) + 8 (frontier on escalated tasks 11-18) = 18.
 *   hybrid cost = $24.56 + 90 x $3.816 = $24.56 + $343.44 = $368.00;  $954 / $368 = 2.59 -> 2.6x.
 */
import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { runWhatIf } from "./engine";
import { pairOutcomes, replayEscalation } from "./replay";
import { WhatIfRequestSchema } from "./schema";
import { fakePricer } from "./testing/fake-pricer";
import type { CallGroup, EvalResultRow, WorkloadInfo } from "./types";

const price = fakePricer({
  "acme/frontier": { input: "15", output: "75" },
  "acme/worker": { input: "1", output: "1" },
});

const tasks = Array.from({ length: 100 }, (_, i) => `task-${i + 1}`);
const results: EvalResultRow[] = tasks.flatMap((taskId, i) => [
  { taskId, model: "worker", passed: i < 10 },
  { taskId, model: "frontier", passed: i < 6 || (i >= 10 && i < 18) },
]);

const call = (day: string): CallGroup => ({
  day, workloadSlug: "math-agent", teamSlug: "research", taskClass: "complex_reasoning", provider: "acme", model: "frontier",
  calls: 1, inputTokens: 148_000, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 97_600,
  baselineCostNanos: usdToNanos("9.54"),
});

const workloads = new Map<string, WorkloadInfo>([
  ["math-agent", { slug: "math-agent", qualityFloor: 0.15, evalSet: { name: "math-100", results } }],
]);

const request = WhatIfRequestSchema.parse({
  from: "2026-10-01",
  to: "2026-10-10",
  rules: [
    {
      select: { workloads: ["math-agent"] },
      reroute: { provider: "acme", model: "worker" },
      escalation: { provider: "acme", model: "frontier", mode: "replay", tokenShare: 0.4 },
    },
  ],
});

describe("worker + frontier escalation replay on 100 tasks", () => {
  it("replays the outcomes: hybrid passes 18, frontier alone 14, 90 escalations", () => {
    const { outcomes, unpaired } = pairOutcomes(results, "worker", "frontier");
    expect(unpaired).toBe(0);
    const perfect = { hybridPasses: 18, escalations: 90, quality: 0.18, escalationRate: 0.9 };
    expect(replayEscalation(outcomes)).toEqual({
      tasks: 100, cheapPasses: 10, frontierPasses: 14, ...perfect,
      detector: { source: "perfect", recall: 1, falseEscalationRate: 0 },
      upperBound: perfect,
    });
  });

  it("prices the hybrid at exactly $368 against $954 frontier-only (2.6x)", () => {
    // The 100 tasks ran over 10 days, 10 a day, one call each.
    const groups = tasks.map((_, i) => call(`2026-10-${String(1 + Math.floor(i / 10)).padStart(2, "0")}`));
    const out = runWhatIf({ request, groups, price, workloads });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const r = out.result;
    expect(r.baselineNanos).toBe(usdToNanos("954"));
    expect(r.scenario.pointNanos).toBe(usdToNanos("368"));
    expect(r.savingsNanos).toBe(usdToNanos("586"));
    expect((Number(r.baselineNanos) / Number(r.scenario.pointNanos)).toFixed(1)).toBe("2.6");
    const w = r.byWorkload[0];
    expect(w.quality).toMatchObject({ baseline: 0.14, scenario: 0.18, floor: 0.15, ok: true });
    expect(w.quality.evidence).toBe(
      'eval set "math-100" replay (100 tasks), perfect detector (every failure escalates, nothing else): an upper bound: ' +
        "worker passes 10, 90 escalate to frontier, hybrid passes 18 (18.0%); " +
        "frontier alone passes 14; currently frontier passes 14.0% (100 tasks)",
    );
    expect(r.daily[0]).toEqual({ day: "2026-10-01", baselineNanos: usdToNanos("95.4"), scenarioNanos: usdToNanos("36.8") });
  });

  it("gives the same $368 when the 100 calls arrive as one aggregated group", () => {
    const one: CallGroup = { ...call("2026-10-01"), calls: 100, inputTokens: 14_800_000, outputTokens: 9_760_000, baselineCostNanos: usdToNanos("954") };
    const out = runWhatIf({ request, groups: [one], price, workloads });
    expect(out.ok && out.result.scenario.pointNanos).toBe(usdToNanos("368"));
  });
});

/*
 * A real detector on the same 100 tasks. P = 10 worker passes (tasks 1-10), F = 90 failures (11-100); the frontier
 * passes 6 of the P (tasks 1-6) and 8 of the F (tasks 11-18).
 *
 * Set by the user, recall 80%, false escalations 10% (expected values):
 *   escalations = 0.8 x 90 + 0.1 x 10 = 72 + 1 = 73                     -> rate 73%
 *   hybrid passes = 10 x (1 - 0.1) + 0.1 x 6 + 0.8 x 8 = 9 + 0.6 + 6.4 = 16 -> 16%
 *   cost = $24.56 (worker, all 100) + 73 x $3.816 = $24.56 + $278.568 = $303.128; saving $954 - $303.128 = $650.872
 * Measured from a judge column: the judge flags tasks 1-2 (false alarms on worker passes) and 13-90 (78 of the 90
 * failures; it misses 11, 12 and 91-100):
 *   escalations = 2 + 78 = 80 -> 80%;  recall = 78 / 90 = 0.8667;  false escalations = 2 / 10 = 20%
 *   hybrid passes = tasks 3-10 (worker, not flagged) 8 + tasks 1-2 (frontier passes them) 2 + tasks 13-18 (frontier) 6 = 16
 *   cost = $24.56 + 80 x $3.816 = $24.56 + $305.28 = $329.84
 * The perfect detector stays the labelled upper bound: 18 passes for $368 (the pinned reference case).
 */
describe("escalation replay with a modelled detector", () => {
  const groups = tasks.map((_, i) => call(`2026-10-${String(1 + Math.floor(i / 10)).padStart(2, "0")}`));
  const withDetector = (detector: unknown) =>
    WhatIfRequestSchema.parse({ ...request, rules: [{ ...request.rules[0], escalation: { ...request.rules[0].escalation, detector } }] });

  it("uses the recall and false-escalation rate the user sets, and reports the perfect detector as the upper bound", () => {
    const { outcomes } = pairOutcomes(results, "worker", "frontier");
    const r = replayEscalation(outcomes, { source: "set", recall: 0.8, falseEscalationRate: 0.1 });
    expect(r.escalations).toBeCloseTo(73, 9);
    expect(r.hybridPasses).toBeCloseTo(16, 9);
    expect(r.upperBound).toEqual({ hybridPasses: 18, escalations: 90, quality: 0.18, escalationRate: 0.9 });

    const out = runWhatIf({ request: withDetector({ recall: 0.8, falseEscalationRate: 0.1 }), groups, price, workloads });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.result.scenario.pointNanos).toBe(usdToNanos("303.128"));
    expect(out.result.savingsNanos).toBe(usdToNanos("650.872"));
    expect(out.result.perfectDetector).toMatchObject({ scenarioNanos: usdToNanos("368"), savingsNanos: usdToNanos("586") });
    const q = out.result.byWorkload[0].quality;
    expect(q.scenario).toBeCloseTo(0.16, 9);
    expect(q.ok).toBe(true); // 16% >= floor 15%
    expect(q.replay).toMatchObject({ tasks: 100, detector: { source: "set", recall: 0.8, falseEscalationRate: 0.1 }, upperBound: { quality: 0.18, escalationRate: 0.9 } });
    expect(q.evidence).toBe(
      'eval set "math-100" replay (100 tasks), detector as set: recall 80.0%, false escalations 10.0%: worker passes 10, 73.0 escalate to frontier, ' +
        "hybrid passes 16.0 (16.0%); upper bound (perfect detector): hybrid passes 18 (18.0%) with 90 escalations; frontier alone passes 14; " +
        "currently frontier passes 14.0% (100 tasks)",
    );
  });

  it("measures the detector from the eval file's judge column, task by task", () => {
    const judged: EvalResultRow[] = results.map((r) => {
      const n = Number(r.taskId.slice(5));
      return r.model === "worker" ? { ...r, judgeFlagged: n <= 2 || (n >= 13 && n <= 90) } : r;
    });
    const judgedWorkloads = new Map<string, WorkloadInfo>([["math-agent", { slug: "math-agent", qualityFloor: 0.15, evalSet: { name: "math-100", results: judged } }]]);
    const out = runWhatIf({ request: withDetector({ fromJudge: true }), groups, price, workloads: judgedWorkloads });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.result.scenario.pointNanos).toBe(usdToNanos("329.84"));
    const q = out.result.byWorkload[0].quality;
    expect(q.scenario).toBe(0.16);
    expect(q.replay?.detector.source).toBe("judge");
    expect(q.replay?.detector.recall).toBeCloseTo(78 / 90, 9);
    expect(q.replay?.detector.falseEscalationRate).toBe(0.2);
    expect(q.replay?.escalationRate).toBe(0.8);
    expect(out.result.perfectDetector?.scenarioNanos).toBe(usdToNanos("368"));

    // Without judge verdicts the replay refuses, naming the rule and the set, instead of assuming a perfect detector.
    const refused = runWhatIf({ request: withDetector({ fromJudge: true }), groups, price, workloads });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0].message).toMatch(/rule 1: detector from the judge column: 100 of 100 tasks have no judge verdict/);
  });

  it("refuses a detector outside replay, and out-of-range rates", () => {
    expect(() => WhatIfRequestSchema.parse({ ...request, rules: [{ ...request.rules[0], escalation: { provider: "acme", model: "frontier", rate: 0.1, detector: { recall: 0.5, falseEscalationRate: 0 } } }] })).toThrow(/replay escalation only/);
    expect(() => withDetector({ recall: 1.5, falseEscalationRate: 0 })).toThrow();
  });
});
