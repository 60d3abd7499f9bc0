import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { resolveWindow } from "@/lib/whatif/window";
import { assessWorkloads } from "./assess-workloads";
import type { OverSpecifiedResponse } from "./recommendations-schema";

/**
 * Over-specified workloads (lib/classify/over-specified.ts: a routine class on the frontier tier, or eval evidence
 * that a cheaper model meets the floor) with the monthly money at stake, i.e. the saving of their recommendation.
 * Largest first; a workload with no recommended candidate comes last with no figure rather than a made-up one.
 */
export async function listOverSpecified(
  principal: Pick<Principal, "teamIds">,
  q: { from?: string; to?: string; team?: string; limit?: number },
): Promise<OverSpecifiedResponse> {
  const window = resolveWindow(q);
  const a = await assessWorkloads(principal, window, { team: q.team });
  const rows = a.items
    .filter((i) => i.overSpecified)
    .map((i) => ({ i, r: "recommendation" in i.assessment ? i.assessment.recommendation : null }))
    .sort((x, y) => {
      const sx = x.r?.monthlySavingNanos ?? -1n;
      const sy = y.r?.monthlySavingNanos ?? -1n;
      return sx > sy ? -1 : sx < sy ? 1 : x.i.workload.slug.localeCompare(y.i.workload.slug);
    });
  const total = rows.reduce((s, x) => s + (x.r?.monthlySavingNanos ?? 0n), 0n);
  return {
    from: a.from,
    to: a.to,
    totalMonthlyAtStakeUsd: nanosToUsd(total),
    workloads: rows.slice(0, q.limit ?? rows.length).map(({ i, r }) => ({
      workload: i.workload.slug,
      workloadName: i.workload.name,
      team: i.workload.teamSlug,
      taskClass: i.workload.taskClass,
      taskClassConfirmed: i.workload.taskClassConfirmed,
      currentModel: { provider: i.currentModel.provider, model: i.currentModel.model, tier: i.currentModel.tier },
      monthlyCostUsd: nanosToUsd(i.monthlyCostNanos),
      reason: i.overSpecifiedReason ?? "",
      monthlyAtStakeUsd: r ? nanosToUsd(r.monthlySavingNanos) : null,
      candidate: r ? { provider: r.candidate.provider, model: r.candidate.model, tier: r.candidate.tier } : null,
      confidence: r?.confidence ?? null,
    })),
  };
}
