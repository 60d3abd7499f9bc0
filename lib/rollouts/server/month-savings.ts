import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { addDays } from "@/lib/forecast/utc-days";
import { listRollouts } from "./rollout-store";
import { computeRolloutSavings, savingsContext, type SavingsContext } from "./realised-savings";

export interface MonthSavingsLine {
  id: number;
  label: string;
  appliedFrom: string;
  workloads: string[];
  realisedNanos: bigint;
  predictedNanos: bigint | null;
  days: number;
}

export interface MonthSavings {
  month: string;
  realisedNanos: bigint;
  /** Sum of the predictions of the rollouts that have one (null when none has). */
  predictedNanos: bigint | null;
  rollouts: MonthSavingsLine[];
}

/**
 * Realised savings of every applied rollout on the days of a month (YYYY-MM, UTC) the caller may see: the
 * Overview's "realised this month" and the monthly report's "Savings delivered". A rollout counts only on its days
 * inside the month.
 */
export async function monthSavings(principal: Pick<Principal, "teamIds">, month: string, opts: { now?: Date; ctx?: SavingsContext } = {}): Promise<MonthSavings> {
  const first = `${month}-01`;
  const last = addDays(addDays(first, 32).slice(0, 8) + "01", -1);
  const rollouts = (await listRollouts(principal, "applied")).filter((r) => r.appliedFrom <= last);
  const lines: MonthSavingsLine[] = [];
  if (rollouts.length) {
    const ctx = opts.ctx ?? (await savingsContext(principal, opts.now));
    for (const r of rollouts) {
      const s = await computeRolloutSavings(ctx, r, { quality: false });
      const inMonth = s.byDay.filter((d) => d.day >= first && d.day <= last);
      if (inMonth.length === 0) continue;
      lines.push({
        id: r.id,
        label: r.scenarioName ?? r.note ?? `Rollout ${r.id}`,
        appliedFrom: r.appliedFrom,
        workloads: r.workloads,
        realisedNanos: inMonth.reduce((t, d) => t + d.realisedNanos, 0n),
        predictedNanos: s.predictedNanos === null ? null : inMonth.reduce((t, d) => t + (d.predictedNanos ?? 0n), 0n),
        days: inMonth.length,
      });
    }
  }
  const predicted = lines.filter((l) => l.predictedNanos !== null);
  return {
    month,
    realisedNanos: lines.reduce((t, l) => t + l.realisedNanos, 0n),
    predictedNanos: predicted.length ? predicted.reduce((t, l) => t + l.predictedNanos!, 0n) : null,
    rollouts: lines,
  };
}
