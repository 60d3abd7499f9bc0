import { badRequest } from "@/lib/errors";
import { monthEnd, todayUtc } from "@/lib/analytics/dates";
import { compareWith, type ComparisonRule } from "@/lib/analytics/comparison";

/** A report month in UTC: its days, whether it is over, and what "previous month" it is compared with. */
export const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface ReportMonth {
  month: string;
  /** First day (inclusive). */
  from: string;
  /** Last day the report covers: the month's end, or today for the month in progress. */
  to: string;
  end: string;
  complete: boolean;
  /**
   * What the month is compared with, by the one comparison rule (lib/analytics/comparison.ts): the previous calendar
   * month when this one is over; last month to the same day and time of day while this one is in progress.
   */
  previous: { month: string; from: string; to: string; until: string | null; rule: ComparisonRule; label: string };
}

export function reportMonth(month: string, now = new Date()): ReportMonth {
  if (!MONTH_RE.test(month)) throw badRequest(`month: "${month}" is not a month (YYYY-MM, e.g. 2026-10)`);
  const today = todayUtc(now);
  const from = `${month}-01`;
  const end = monthEnd(from);
  if (from > today) throw badRequest(`month: ${month} has not started yet (today is ${today})`);
  if (from < "2000-01-01") throw badRequest(`month: ${month} is before 2000`);
  const complete = end < today;
  const to = complete ? end : today;
  const c = compareWith(from, to, now);
  return {
    month,
    from,
    to,
    end,
    complete,
    previous: { month: c.previous.from.slice(0, 7), from: c.previous.from, to: c.previous.to, until: c.previous.until ?? null, rule: c.rule, label: c.label },
  };
}

/** "2026-10" -> "October 2026". */
export function monthName(month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  return d.toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}
