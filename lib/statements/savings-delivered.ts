import "server-only";
import { addDays } from "@/lib/analytics/dates";
import { workloadModelSeries, type WorkloadModelRow } from "@/lib/anomaly-scan/scope-series";
import { switchCost } from "@/lib/anomaly-scan/switch-cost";

export interface DeliveredSaving {
  workloadId: number;
  day: string;
  fromModel: string;
  toModel: string;
  savedNanos: bigint;
}

/**
 * Savings we can show were delivered: a team's workload that moved to a cheaper model during the month, sized like
 * model-switch anomalies (lib/anomaly-scan/switch-cost.ts) but the other way round: the new model's spend since
 * the switch against the same tokens at the previous model's price. Only switches that held (the new model carried
 * little traffic before and most after) count, so a workload that mixes models every day is not a "saving".
 */
export async function savingsDelivered(teamId: number, from: string, to: string): Promise<DeliveredSaving[]> {
  const rows = await workloadModelSeries({ teamIds: [teamId] }, { from: addDays(from, -7), to, teamId });
  const byWorkload = new Map<number, WorkloadModelRow[]>();
  for (const r of rows) byWorkload.set(r.workloadId, [...(byWorkload.get(r.workloadId) ?? []), r]);
  const out: DeliveredSaving[] = [];
  for (const [workloadId, series] of byWorkload) {
    let previousTop: string | null = null;
    for (const day of [...new Set(series.map((r) => r.day))].sort()) {
      const top = topModel(series.filter((r) => r.day === day));
      if (day >= from && previousTop !== null && top !== previousTop) {
        const cost = switchCost(series, day, to);
        if (cost && cost.extraNanos < 0n) out.push({ workloadId, day, fromModel: cost.previousModel, toModel: cost.newModel, savedNanos: -cost.extraNanos });
      }
      previousTop = top;
    }
  }
  return out.sort((a, b) => (b.savedNanos > a.savedNanos ? 1 : b.savedNanos < a.savedNanos ? -1 : 0));
}

function topModel(rows: WorkloadModelRow[]): string {
  return rows.reduce((best, r) => ((r.tokens ?? 0) > (best.tokens ?? 0) ? r : best)).model;
}
