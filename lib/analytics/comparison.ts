import { addDays, daysBetweenInclusive, monthEnd, monthStart, todayUtc } from "./dates";
import { sameDayLastMonth } from "./date-range";

/**
 * The one rule for "vs previous" in Rightsize. Every page, report, export and API that compares a period with an
 * earlier one asks this module, so the Overview, team, workload and model pages, Reports and the API agree.
 *
 * - `calendar`: a range of whole calendar months that is over (e.g. October) is compared with the same number of
 *   calendar months before it (September), whatever their lengths.
 * - `month-to-date`: a range that starts on the 1st of the current month and runs to today is compared with the
 *   previous month from its 1st to the same day and time of day (Dec 1 00:00 – Dec 2 09:41 vs Nov 1 00:00 –
 *   Nov 2 09:41). When last month is shorter (Mar 31 vs February), it runs to last month's end.
 * - `rolling`: any other range is compared with the same number of days just before it. When the range runs to
 *   today, both sides stop at the same time of day, so a still-filling day is never set against a complete one.
 *
 * `until` (an ISO instant) cuts the previous period's last day: only calls before it count. Without it the last
 * day counts whole. The current period needs no cut: data cannot come from the future.
 */
export type ComparisonRule = "calendar" | "month-to-date" | "rolling";

export interface ComparedPeriod {
  from: string;
  to: string;
  /** Calls on `to` count only before this instant (ISO, UTC); absent = the whole day. */
  until?: string;
}

export interface Comparison {
  rule: ComparisonRule;
  /** Whether the current range still fills (it runs to today or later). */
  partial: boolean;
  previous: ComparedPeriod;
  /** What the comparison compares, for people: "vs October 2026", "vs Nov 1–2, to 09:41 UTC (same point last month)". */
  label: string;
}

export function compareWith(from: string, to: string, now: Date = new Date()): Comparison {
  const today = todayUtc(now);
  const partial = to >= today;
  if (partial && from === monthStart(today)) return monthToDate(today, now);
  if (!partial && isWholeMonths(from, to)) return calendar(from, to);
  return rolling(from, partial ? today : to, partial, now);
}

function monthToDate(today: string, now: Date): Comparison {
  const to = sameDayLastMonth(today);
  // Last month has no such day (Mar 31 -> February): its whole month is the fair comparison.
  const clamped = to.slice(8) !== today.slice(8);
  const until = clamped ? undefined : sameTimeOfDay(to, now);
  const previous = { from: monthStart(to), to, ...(until ? { until } : {}) };
  const label = clamped
    ? `vs ${monthLabel(previous.from)} (all of last month)`
    : `vs ${shortRange(previous.from, previous.to)}, to ${clock(now)} UTC (same point last month)`;
  return { rule: "month-to-date", partial: true, previous, label };
}

function calendar(from: string, to: string): Comparison {
  const months = monthsBetween(from, to);
  const prevTo = addDays(from, -1);
  let prevFrom = monthStart(prevTo);
  for (let i = 1; i < months; i++) prevFrom = monthStart(addDays(prevFrom, -1));
  const label = months === 1 ? `vs ${monthLabel(prevFrom)}` : `vs ${monthLabel(prevFrom)} – ${monthLabel(prevTo)} (previous ${months} months)`;
  return { rule: "calendar", partial: false, previous: { from: prevFrom, to: prevTo }, label };
}

function rolling(from: string, lastDay: string, partial: boolean, now: Date): Comparison {
  const days = daysBetweenInclusive(from, lastDay);
  const previous: ComparedPeriod = { from: addDays(from, -days), to: addDays(from, -1) };
  if (partial) previous.until = sameTimeOfDay(previous.to, now);
  const what = `previous ${days} day${days === 1 ? "" : "s"}`;
  const label = partial ? `vs ${shortRange(previous.from, previous.to)}, to ${clock(now)} UTC (${what}, same time of day)` : `vs ${shortRange(previous.from, previous.to)} (${what})`;
  return { rule: "rolling", partial, previous, label };
}

function isWholeMonths(from: string, to: string): boolean {
  return from === monthStart(from) && to === monthEnd(to);
}

function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** `day` at the time of day of `now`, to the minute (what has been seen "so far" on a still-filling day). */
function sameTimeOfDay(day: string, now: Date): string {
  return `${day}T${clock(now)}:00.000Z`;
}

function clock(now: Date): string {
  return now.toISOString().slice(11, 16);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function monthLabel(day: string): string {
  return `${LONG_MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

function shortDay(day: string): string {
  return `${MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}`;
}

/** "Nov 1–2", "Oct 3 – Nov 1", "Dec 30, 2025 – Jan 28, 2026". */
function shortRange(from: string, to: string): string {
  if (from === to) return shortDay(from);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${shortDay(from)}, ${from.slice(0, 4)} – ${shortDay(to)}, ${to.slice(0, 4)}`;
  if (from.slice(0, 7) === to.slice(0, 7)) return `${shortDay(from)}–${Number(to.slice(8, 10))}`;
  return `${shortDay(from)} – ${shortDay(to)}`;
}

/** The API shape of a comparison (GET /api/v1/spend/overview, /spend/breakdown, the monthly report). */
export function previousOut(c: Comparison): { from: string; to: string; until: string | null; rule: ComparisonRule; label: string } {
  return { from: c.previous.from, to: c.previous.to, until: c.previous.until ?? null, rule: c.rule, label: c.label };
}
