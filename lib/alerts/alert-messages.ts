import { formatMoney } from "@/lib/money";
import type { BudgetPeriod } from "@/lib/forecast/period";

/**
 * The words of budget alerts, shared by the in-app history and the webhooks. One sentence a finance person can act
 * on: who, how much of which budget, and where it is heading. Pure.
 */
export interface BudgetFigures {
  label: string;
  /** Currency of the amounts below (the budget's: USD or the reporting currency). */
  currency: string;
  period: BudgetPeriod;
  periodKey: string;
  amountNanos: bigint;
  spentNanos: bigint;
  forecastNanos: bigint;
  forecastLowNanos: bigint;
  forecastHighNanos: bigint;
  runsOutOn: string | null;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-10" -> "October 2026", "2026-Q4" -> "Q4 2026", "2026" -> "2026". */
export function periodName(periodKey: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(periodKey);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const quarter = /^(\d{4})-(Q\d)$/.exec(periodKey);
  if (quarter) return `${quarter[2]} ${quarter[1]}`;
  return periodKey;
}

/** Whole percent, rounded down so "80%" never shows for 79.6%. */
export function percentOf(part: bigint, whole: bigint): string {
  if (whole <= 0n) return "n/a";
  return `${((part * 1000n) / whole / 10n).toString()}%`;
}

export function percent(threshold: number): string {
  return `${Math.round(threshold * 10_000) / 100}%`;
}

function forecastPart(f: BudgetFigures): string {
  const formatUsd = (n: bigint) => formatMoney(n, f.currency);
  const range = f.forecastLowNanos !== f.forecastHighNanos ? ` (likely ${formatUsd(f.forecastLowNanos)}–${formatUsd(f.forecastHighNanos)})` : "";
  return `forecast ${formatUsd(f.forecastNanos)}${range}`;
}

export function thresholdTitle(f: BudgetFigures, threshold: number): string {
  return threshold >= 1 ? `Over budget: ${f.label} (${percent(threshold)})` : `Budget at ${percent(threshold)}: ${f.label}`;
}

export function thresholdMessage(f: BudgetFigures, threshold: number): string {
  const formatUsd = (n: bigint) => formatMoney(n, f.currency);
  const budget = `its ${formatUsd(f.amountNanos)} budget for ${periodName(f.periodKey)}`;
  const used = percentOf(f.spentNanos, f.amountNanos);
  const runsOut = f.runsOutOn && f.spentNanos <= f.amountNanos ? `; at this rate it runs out on ${f.runsOutOn}` : "";
  if (threshold >= 1 && f.spentNanos > f.amountNanos) {
    return `${f.label} is over budget: ${formatUsd(f.spentNanos)} spent of ${budget} (${used}), past the ${percent(threshold)} threshold; ${forecastPart(f)} by the period's end.`;
  }
  return `${f.label} has spent ${formatUsd(f.spentNanos)} of ${budget} (${used}), past the ${percent(threshold)} threshold; ${forecastPart(f)}${runsOut}.`;
}

export function forecastTitle(f: BudgetFigures): string {
  return `Forecast over budget: ${f.label}`;
}

export function forecastMessage(f: BudgetFigures): string {
  const formatUsd = (n: bigint) => formatMoney(n, f.currency);
  const runsOut = f.runsOutOn ? `; at this rate it runs out on ${f.runsOutOn}` : "";
  return (
    `${f.label} is on course to exceed its ${formatUsd(f.amountNanos)} budget for ${periodName(f.periodKey)}: ` +
    `${forecastPart(f)} (${percentOf(f.forecastNanos, f.amountNanos)}), ${formatUsd(f.spentNanos)} spent so far (${percentOf(f.spentNanos, f.amountNanos)})${runsOut}.`
  );
}
