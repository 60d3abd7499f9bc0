/**
 * The eval-set link's model mapping: eval sets test other models than production runs (RouteLLM: GPT-4 and
 * Mixtral), so a link says which eval model's results stand for which real model, and every verdict names it.
 */
import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { runWhatIf } from "./engine";
import { evalLabel, evalModelFor, passRateOf } from "./eval-models";
import { recommendOne } from "./recommend";
import { WhatIfRequestSchema } from "./schema";
import { fakePricer } from "./testing/fake-pricer";
import type { CallGroup, EvalResultRow, LinkedEvalSet, WorkloadInfo } from "./types";

const results: EvalResultRow[] = Array.from({ length: 10 }, (_, i) => [
  { taskId: `t${i}`, model: "gpt-4-1106-preview", passed: i < 9 },
  { taskId: `t${i}`, model: "mistralai/Mixtral-8x7B-Instruct-v0.1", passed: i < 6 || i === 9 },
]).flat();
const set: LinkedEvalSet = {
  name: "gsm-10",
  results,
  standIns: new Map([
    ["openai/o3", "gpt-4-1106-preview"],
    ["openai/gpt-5-mini", "mistralai/Mixtral-8x7B-Instruct-v0.1"],
  ]),
};

describe("eval model mapping", () => {
  it("resolves a real model to its stand-in, or to its own name", () => {
    expect(evalModelFor(set, { provider: "openai", model: "o3" })).toBe("gpt-4-1106-preview");
    expect(evalModelFor(set, { provider: "openai", model: "gpt-4o" })).toBe("gpt-4o");
    expect(evalLabel(set, { provider: "openai", model: "gpt-5-mini" })).toBe("gpt-5-mini (as mistralai/Mixtral-8x7B-Instruct-v0.1)");
    expect(passRateOf(set, { provider: "openai", model: "o3" })).toEqual({ rate: 0.9, tasks: 10 });
    expect(passRateOf(set, { provider: "anthropic", model: "o3" })).toBeNull(); // mapping is per provider/model
  });

  it("replays and judges quality through the mapping in a scenario", () => {
    const price = fakePricer({ "openai/o3": { input: "10", output: "40" }, "openai/gpt-5-mini": { input: "1", output: "4" } });
    const group: CallGroup = {
      day: "2026-10-01", workloadSlug: "math", teamSlug: "ds", taskClass: "complex_reasoning", provider: "openai", model: "o3",
      calls: 10, inputTokens: 10_000, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 1_000, baselineCostNanos: usdToNanos("0.14"),
    };
    const workloads = new Map<string, WorkloadInfo>([["math", { slug: "math", qualityFloor: 0.95, evalSet: set }]]);
    const request = WhatIfRequestSchema.parse({
      from: "2026-10-01", to: "2026-10-01",
      rules: [{ select: {}, reroute: { provider: "openai", model: "gpt-5-mini" }, escalation: { provider: "openai", model: "o3", mode: "replay" } }],
    });
    const out = runWhatIf({ request, groups: [group], price, workloads });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    // Mixtral (standing for gpt-5-mini) passes t0-t5 and t9; the 3 it fails escalate; GPT-4 (o3) passes t6-t8: 10/10.
    expect(out.result.byWorkload[0].quality).toMatchObject({ baseline: 0.9, scenario: 1, ok: true });
    expect(out.result.byWorkload[0].quality.evidence).toContain("gpt-5-mini (as mistralai/Mixtral-8x7B-Instruct-v0.1) passes 7, 3 escalate to o3 (as gpt-4-1106-preview)");
    // $0.014 on mini + 30% x $0.14 on o3 = $0.056
    expect(out.result.scenario.pointNanos).toBe(usdToNanos("0.056"));
  });

  it("recommends through the mapping and names the stand-in in the evidence", () => {
    const r = recommendOne({
      workload: "math", taskClass: "complex_reasoning", qualityFloor: 0.65,
      currentModel: { provider: "openai", model: "o3", tier: "frontier" }, monthlyCostNanos: usdToNanos("100"),
      candidates: [{ provider: "openai", model: "gpt-5-mini", tier: "mid", monthlyCostNanos: usdToNanos("10") }],
      evidence: { evalSet: "gsm-10", passRates: [{ model: "gpt-4-1106-preview", passes: 9, tasks: 10 }, { model: "mistralai/Mixtral-8x7B-Instruct-v0.1", passes: 7, tasks: 10 }], standIns: set.standIns },
    });
    // 7/10 Wilson 95%: denom 1 + 3.8415/10 = 1.38415; centre (0.7 + 0.19208) / 1.38415 = 0.64449;
    // half 1.96 x sqrt(0.021 + 0.0096) / 1.38415 = 0.24771 -> 39.7% to 89.2%: the 65% floor is met only by the point estimate.
    expect(r?.evidence).toBe(
      'eval set "gsm-10" (10 tasks): gpt-5-mini (as mistralai/Mixtral-8x7B-Instruct-v0.1) passes 70.0% (95% CI 39.7%–89.2%), ' +
        ">= floor 65.0%, but the lower bound 39.7% is below it; o3 (as gpt-4-1106-preview) passes 90.0%",
    );
    expect(r?.confidence).toBe("medium");
  });
});
