import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { assessWorkloads } from "@/lib/recommendations/assess-workloads";
import { preset8020 } from "../presets";
import type { WhatIfRequest } from "../schema";
import { resolveWindow } from "../window";

export interface Preset8020Response {
  request: WhatIfRequest | null;
  summary: {
    movedWorkloads: number;
    totalWorkloads: number;
    movedMonthlyCostUsd: string;
    totalMonthlyCostUsd: string;
    spendShare: number;
    monthlySavingUsd: string;
  };
}

/**
 * The "80/20" preset over the caller's workloads: every routine workload with a recommendation moves to its
 * recommended (cheapest floor-meeting) model, one rule per target. The summary says what share of spend and of
 * workloads moves; the saving itself comes from running the request like any scenario.
 */
export async function build8020(principal: Pick<Principal, "teamIds">, q: { from?: string; to?: string }): Promise<Preset8020Response> {
  const window = resolveWindow(q);
  const a = await assessWorkloads(principal, window);
  const recommendations = a.items.flatMap((i) => ("recommendation" in i.assessment ? [i.assessment.recommendation] : []));
  const { request, summary } = preset8020({
    ...window,
    recommendations,
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
    },
  };
}
