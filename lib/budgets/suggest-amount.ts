import { NANOS_PER_USD, nanosToUsd, usdToNanos } from "@/lib/money";

export type BudgetPeriod = "month" | "quarter" | "year";
export interface MonthSpend { bucket: string; costUsd: string }
export interface AmountSuggestion { label: string; amountUsd: string; basisUsd: string }

const MONTHS_IN: Record<BudgetPeriod, bigint> = { month: 1n, quarter: 3n, year: 12n };

/** "2026-12" -> "2026-11" (UTC calendar months). */
function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** Whole dollars, rounded up: a budget suggested from spend should not sit a few cents under it. */
function ceilDollars(nanos: bigint): bigint {
  return ((nanos + NANOS_PER_USD - 1n) / NANOS_PER_USD) * NANOS_PER_USD;
}

/**
 * Budget amounts suggested from recent spend of the budget's scope: the last full calendar month, and the average
 * of the last three full months, each scaled to the budget's period (a quarter is three months) and rounded up to
 * whole dollars. The month still filling (today's) is never a basis. Months without spend count as $0; nothing is
 * suggested when the scope had no spend at all in those months. Exact: sums in nano-dollars.
 */
export function suggestAmounts(months: MonthSpend[], today: string, period: BudgetPeriod): AmountSuggestion[] {
  const byMonth = new Map(months.map((m) => [m.bucket.slice(0, 7), usdToNanos(m.costUsd)]));
  const last = previousMonth(today.slice(0, 7));
  const three = [last, previousMonth(last), previousMonth(previousMonth(last))];
  const lastNanos = byMonth.get(last) ?? 0n;
  const threeSum = three.reduce((s, m) => s + (byMonth.get(m) ?? 0n), 0n);
  if (threeSum === 0n) return [];
  const scale = MONTHS_IN[period];
  const per = period === "month" ? "" : ` × ${scale}`;
  const out: AmountSuggestion[] = [];
  if (lastNanos > 0n) out.push({ label: `Last full month (${monthName(last)})${per}`, amountUsd: nanosToUsd(ceilDollars(lastNanos * scale), 0), basisUsd: nanosToUsd(lastNanos, 2) });
  // Average rounded half-up to the nano-dollar before scaling up: (sum * 2 + 3) / 6.
  const avg = (threeSum * 2n + 3n) / 6n;
  out.push({ label: `3-month average (${monthName(three[2])}–${monthName(last)})${per}`, amountUsd: nanosToUsd(ceilDollars(avg * scale), 0), basisUsd: nanosToUsd(avg, 2) });
  return out;
}

function monthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
}
