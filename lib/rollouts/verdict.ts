/** The plain-words verdict of a rollout: "delivering 92% of the predicted saving; escalations 14% vs 10% assumed". */
import { formatUsd } from "@/lib/money";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function verdictText(v: {
  days: number;
  realisedNanos: bigint;
  predictedNanos: bigint | null;
  escalation: { assumedRate: number | null; observedRate: number | null };
  outputRatio: number | null;
  outputFactorAssumed: number | null;
}): string {
  if (v.days === 0) return "not measured yet: the change starts in the future";
  const parts: string[] = [];
  if (v.predictedNanos === null) {
    parts.push(`${v.realisedNanos >= 0n ? "saved" : "cost"} ${formatUsd(v.realisedNanos >= 0n ? v.realisedNanos : -v.realisedNanos)} ${v.realisedNanos >= 0n ? "" : "more "}against the previous model mix (no scenario linked, so no prediction)`.replace("  ", " "));
  } else if (v.predictedNanos <= 0n) {
    parts.push(`realised ${formatUsd(v.realisedNanos)}; the scenario predicted no saving`);
  } else {
    parts.push(`delivering ${pct(Number((v.realisedNanos * 10_000n) / v.predictedNanos) / 10_000)} of the predicted saving`);
  }
  const { assumedRate, observedRate } = v.escalation;
  if (observedRate !== null && assumedRate !== null) parts.push(`escalations ${pct(observedRate)} vs ${pct(assumedRate)} assumed`);
  if (v.outputRatio !== null && v.outputFactorAssumed !== null && Math.abs(v.outputRatio - v.outputFactorAssumed) >= 0.1) {
    parts.push(`output tokens per call x${v.outputRatio.toFixed(2)} vs x${v.outputFactorAssumed} assumed`);
  }
  return parts.join("; ");
}

/** Under 70% of the prediction over the last 7 measured days, or escalations 10+ points over the assumption. */
export const UNDER_DELIVERY_SHARE = 0.7;
export const UNDER_DELIVERY_DAYS = 7;
export const ESCALATION_EXCESS = 0.1;

export function underDelivery(byDay: readonly { realisedNanos: bigint; predictedNanos: bigint | null }[]): { realisedNanos: bigint; predictedNanos: bigint } | null {
  if (byDay.length < UNDER_DELIVERY_DAYS) return null;
  const last = byDay.slice(-UNDER_DELIVERY_DAYS);
  if (last.some((d) => d.predictedNanos === null)) return null;
  const realisedNanos = last.reduce((s, d) => s + d.realisedNanos, 0n);
  const predictedNanos = last.reduce((s, d) => s + (d.predictedNanos ?? 0n), 0n);
  if (predictedNanos <= 0n) return null;
  // realised < 70% x predicted, in integers: 10 x realised < 7 x predicted.
  return 10n * realisedNanos < 7n * predictedNanos ? { realisedNanos, predictedNanos } : null;
}

export function escalationExcess(e: { assumedRate: number | null; observedRate: number | null }): boolean {
  return e.assumedRate !== null && e.observedRate !== null && e.observedRate - e.assumedRate > ESCALATION_EXCESS + 1e-9;
}
