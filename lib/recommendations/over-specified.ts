import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { resolveWindow } from "@/lib/whatif/window";
import { assessWorkloads } from "./assess-workloads";
import { intervalJson } from "./interval-json";
import type { OverSpecifiedResponse } from "./recommendations-schema";

/**
 * Over-specified workloads (the same `decide()` as the recommendations: a recommendation resting on eval evidence,
 * or a routine class on the frontier tier with a cheaper candidate in its guidance tier) with the monthly money at
 * stake, i.e. the saving of their recommendation. Largest first. Every one has a recommendation, by construction.
 */
export async function listOverSpecified(
  principal: Pick<Principal, "teamIds">,
  q: { from?: string; to?: string; team?: string; limit?: number },
): Promise<OverSpecifiedResponse> {
  const window = resolveWindow(q);
  const a = await assessWorkloads(principal, window, { team: q.team });
  const rows = a.items
    .flatMap((i) => (i.decision.overSpecified && i.decision.recommendation ? [{ i, r: i.decision.recommendation }] : []))
    .sort((x, y) => {
      const sx = x.r.monthlySavingNanos;
      const sy = y.r.monthlySavingNanos;
      return sx > sy ? -1 : sx < sy ? 1 : x.i.workload.slug.localeCompare(y.i.workload.slug);
    });
  const total = rows.reduce((s, x) => s + x.r.monthlySavingNanos, 0n);
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
      reason: i.decision.overSpecifiedReason ?? "",
      monthlyAtStakeUsd: nanosToUsd(r.monthlySavingNanos),
      candidate: { provider: r.candidate.provider, model: r.candidate.model, tier: r.candidate.tier },
      confidence: r.confidence,
      passRate: intervalJson(r.interval),
    })),
  };
}
