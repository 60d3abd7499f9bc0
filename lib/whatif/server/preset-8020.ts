import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { assessWorkloads } from "@/lib/recommendations/assess-workloads";
import { intervalJson } from "@/lib/recommendations/interval-json";
import type { Preset8020Response } from "../preset-8020-schema";
import { preset8020 } from "../presets";
import { resolveWindow } from "../window";

export type { Preset8020Response };

/**
 * The "80/20" preset over the caller's workloads: every workload whose eval evidence meets its floor (95% lower
 * bound) moves to its recommended model, one rule per target; recommendations without such evidence are listed
 * apart as unproven, with what they would save. The saving itself comes from running the request like any scenario.
 */
export async function build8020(principal: Pick<Principal, "teamIds">, q: { from?: string; to?: string }): Promise<Preset8020Response> {
  const window = resolveWindow(q);
  const a = await assessWorkloads(principal, window);
  const { request, summary } = preset8020({
    ...window,
    decisions: a.items.map((i) => i.decision),
    totalMonthlyCostNanos: a.totalMonthlyCostNanos,
    totalWorkloads: a.workloadCount,
  });
  return {
    request,
    summary: {
      movedWorkloads: summary.movedWorkloads,
      totalWorkloads: summary.totalWorkloads,
      movedMonthlyCostUsd: nanosToUsd(summary.movedMonthlyCostNanos),
      totalMonthlyCostUsd: nanosToUsd(summary.totalMonthlyCostNanos),
      spendShare: summary.spendShare,
      monthlySavingUsd: nanosToUsd(summary.monthlySavingNanos),
      unprovenMonthlySavingUsd: nanosToUsd(summary.unprovenMonthlySavingNanos),
      unproven: summary.unproven.map(({ recommendation: r, reason }) => ({
        workload: r.workload,
        currentModel: r.currentModel,
        candidate: r.candidate,
        monthlySavingUsd: nanosToUsd(r.monthlySavingNanos),
        confidence: r.confidence,
        passRate: intervalJson(r.interval),
        reason,
      })),
    },
  };
}
