import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { resolveWindow } from "@/lib/whatif/window";
import { assessWorkloads } from "./assess-workloads";
import { recommendationOut } from "./recommendation-out";
import type { RecommendationsResponse } from "./recommendations-schema";

const model = (m: { provider: string; model: string; tier: string | null }) => ({ provider: m.provider, model: m.model, tier: m.tier });

/** GET /api/v1/recommendations: per workload, the cheapest candidate meeting its floor on the evidence. */
export async function listRecommendations(
  principal: Pick<Principal, "teamIds">,
  q: { from?: string; to?: string; team?: string },
): Promise<RecommendationsResponse> {
  const window = resolveWindow(q);
  const a = await assessWorkloads(principal, window, { team: q.team });
  const recs = a.items
    .flatMap((i) => (i.decision.recommendation ? [{ i, r: i.decision.recommendation }] : []))
    .sort((x, y) => (x.r.monthlySavingNanos > y.r.monthlySavingNanos ? -1 : x.r.monthlySavingNanos < y.r.monthlySavingNanos ? 1 : x.i.workload.slug.localeCompare(y.i.workload.slug)));
  const without = a.items
    .flatMap((i) => (i.decision.reason !== null ? [{ i, reason: i.decision.reason }] : []))
    .sort((x, y) => (x.i.monthlyCostNanos > y.i.monthlyCostNanos ? -1 : x.i.monthlyCostNanos < y.i.monthlyCostNanos ? 1 : 0));
  return {
    from: a.from,
    to: a.to,
    windowDays: a.windowDays,
    totalMonthlyCostUsd: nanosToUsd(a.totalMonthlyCostNanos),
    totalMonthlySavingUsd: nanosToUsd(recs.reduce((s, x) => s + x.r.monthlySavingNanos, 0n)),
    recommendations: recs.map(({ i, r }) => recommendationOut(i, r, a)),
    withoutRecommendation: without.map(({ i, reason }) => ({
      workload: i.workload.slug,
      workloadName: i.workload.name,
      team: i.workload.teamSlug,
      taskClass: i.workload.taskClass,
      currentModel: model(i.currentModel),
      monthlyCostUsd: nanosToUsd(i.monthlyCostNanos),
      reason,
    })),
  };
}
