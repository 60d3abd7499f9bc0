import { nanosToUsd } from "@/lib/money";
import { WhatIfRequestSchema } from "@/lib/whatif/schema";
import type { Recommendation } from "@/lib/whatif/recommend";
import type { WorkloadAssessment } from "./assess-workloads";
import { intervalJson } from "./interval-json";
import type { RecommendationsResponse } from "./recommendations-schema";

const model = (m: { provider: string; model: string; tier: string | null }) => ({ provider: m.provider, model: m.model, tier: m.tier });

/**
 * One recommendation as the API prints it (the list, and a workload's verdict). Its scenario reroutes the workload
 * over the days its cost comes from: the window, or since a recent model switch.
 */
export function recommendationOut(i: WorkloadAssessment, r: Recommendation, window: { to: string }): RecommendationsResponse["recommendations"][number] {
  const sw = i.modelSwitch;
  return {
    workload: i.workload.slug,
    workloadName: i.workload.name,
    team: i.workload.teamSlug,
    taskClass: i.workload.taskClass,
    qualityFloor: i.workload.qualityFloor,
    currentModel: model(i.currentModel),
    monthlyCostUsd: nanosToUsd(r.monthlyCostNanos),
    candidate: model(r.candidate),
    recommendedMonthlyCostUsd: nanosToUsd(r.recommendedMonthlyCostNanos),
    monthlySavingUsd: nanosToUsd(r.monthlySavingNanos),
    annualSavingUsd: nanosToUsd(r.monthlySavingNanos * 12n),
    confidence: r.confidence,
    basis: r.basis,
    passRate: intervalJson(r.interval),
    proven: i.decision.proven,
    unprovenReason: i.decision.unprovenReason,
    evidence: r.evidence,
    overSpecified: i.decision.overSpecified,
    revert: r.revert,
    modelSwitch: sw ? { from: sw.from, to: sw.to, on: sw.day } : null,
    scenario: WhatIfRequestSchema.parse({
      from: i.costFrom,
      to: window.to,
      rules: [{ select: { workloads: [i.workload.slug] }, reroute: { provider: r.candidate.provider, model: r.candidate.model } }],
    }),
  };
}
