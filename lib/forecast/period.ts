/** Budget periods in UTC calendar terms: months, quarters and years start on the 1st at 00:00 UTC. */
import { fromEpochDay, toEpochDay } from "./utc-days";

export const BUDGET_PERIODS = ["month", "quarter", "year"] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

export interface PeriodBounds {
  /** First day of the period (UTC, inclusive). */
  start: string;
  /** Last day of the period (UTC, inclusive). */
  end: string;
  /** "2026-10", "2026-Q4" or "2026": the key alerts use to fire once per period. */
  key: string;
}

/** The period of the given kind that contains `day`. */
export function periodContaining(period: BudgetPeriod, day: string): PeriodBounds {
  const n = toEpochDay(day);
  const date = new Date(n * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const firstMonth = period === "month" ? month : period === "quarter" ? month - (month % 3) : 0;
  const months = period === "month" ? 1 : period === "quarter" ? 3 : 12;
  const start = Date.UTC(year, firstMonth, 1) / 86_400_000;
  // Day 0 of the month after the period is the period's last day.
  const end = Date.UTC(year, firstMonth + months, 0) / 86_400_000;
  const key =
    period === "month"
      ? `${year}-${String(month + 1).padStart(2, "0")}`
      : period === "quarter"
        ? `${year}-Q${firstMonth / 3 + 1}`
        : `${year}`;
  return { start: fromEpochDay(start), end: fromEpochDay(end), key };
}
