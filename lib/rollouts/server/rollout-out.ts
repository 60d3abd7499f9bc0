import { nanosToUsd } from "@/lib/money";
import type { MonthSavingsOut, RolloutOut } from "../rollout-schema";
import type { MonthSavings } from "./month-savings";
import type { RolloutRecord } from "./rollout-store";

/** The API shape of a rollout (the stored workload ids stay inside). */
export function toRolloutOut(r: RolloutRecord): RolloutOut {
  const { workloadIds: _ids, ...out } = r;
  void _ids;
  return out;
}

export function monthSavingsOut(m: MonthSavings): MonthSavingsOut {
  return {
    month: m.month,
    realisedSavingUsd: nanosToUsd(m.realisedNanos),
    predictedSavingUsd: m.predictedNanos === null ? null : nanosToUsd(m.predictedNanos),
    rollouts: m.rollouts.map((l) => ({
      id: l.id,
      label: l.label,
      appliedFrom: l.appliedFrom,
      workloads: l.workloads,
      days: l.days,
      realisedSavingUsd: nanosToUsd(l.realisedNanos),
      predictedSavingUsd: l.predictedNanos === null ? null : nanosToUsd(l.predictedNanos),
    })),
  };
}
