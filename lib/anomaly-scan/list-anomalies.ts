import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { checkFilterValues } from "@/lib/analytics/check-filters";
import { addDays, checkRange, todayUtc } from "@/lib/analytics/dates";
import { badRequest } from "@/lib/errors";
import { nanosToUsd } from "@/lib/money";
import { DEFAULT_ANOMALY_DAYS, MAX_ANOMALY_DAYS, type AnomalyOut, type AnomalyQuery, type AnomalyResponse } from "./anomaly-query";
import { scanAnomalies, type ScannedAnomaly } from "./scan-anomalies";
import { explainAnomalies, type AnomalyChange } from "@/lib/change/explain-anomalies";
import { fields } from "@/lib/change/spend-change";

/** GET /api/v1/anomalies: validates the range and filters, scans, and shapes the answer (money as strings). */
export async function listAnomalies(principal: Principal, q: AnomalyQuery, now = new Date()): Promise<AnomalyResponse> {
  const to = q.to ?? todayUtc(now);
  const from = q.from ?? addDays(to, -(DEFAULT_ANOMALY_DAYS - 1));
  checkRange(from, to, MAX_ANOMALY_DAYS, now);
  if (q.team && q.workload) throw badRequest("give team or workload, not both");
  await checkFilterValues(principal, { team: q.team, workload: q.workload });
  const found = await scanAnomalies(principal, { from, to, team: q.team, workload: q.workload, kind: q.kind });
  const listed = await explainAnomalies(principal, found.slice(0, q.limit ?? 100), to);
  return {
    from,
    to,
    anomalies: listed.map(anomalyOut),
    totalSizeUsd: nanosToUsd(listed.reduce((s, a) => s + a.sizeNanos, 0n), 2),
  };
}

export function anomalyOut(a: ScannedAnomaly & AnomalyChange): AnomalyOut {
  // The row's own sentence is headed by the mean-based change; the anomaly's is headed by its size (a.explanation).
  const { explanation: _meanBased, ...change } = fields(a.change);
  return {
    id: `${a.day}:${a.scope.type}:${a.scope.key}:${a.kind}`,
    kind: a.kind,
    day: a.day,
    scope: { type: a.scope.type as "team" | "workload", key: a.scope.key, label: a.scopeLabel, team: a.scope.type === "workload" ? a.ownerTeam : null },
    spendUsd: nanosToUsd(a.spendNanos, 2),
    expectedUsd: nanosToUsd(a.expectedNanos, 2),
    sizeUsd: nanosToUsd(a.sizeNanos, 2),
    score: Math.round(a.score * 100) / 100,
    message: a.message,
    explanation: a.explanation,
    change,
  };
}
