import { badRequest } from "@/lib/errors";

/** UTC calendar helpers: dates are "YYYY-MM-DD" strings, months are UTC months. */
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetweenInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function monthEnd(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

export function isValidDate(day: string): boolean {
  if (!DATE_RE.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/**
 * Validates an inclusive range: both real dates, from <= to, at most `maxDays` long, not before 2000 and not
 * more than a year in the future (usage cannot be recorded there; such a range is a typo).
 */
export function checkRange(from: string, to: string, maxDays = 3660, now = new Date()): void {
  if (!isValidDate(from)) throw badRequest(`from: "${from}" is not a date (YYYY-MM-DD)`);
  if (!isValidDate(to)) throw badRequest(`to: "${to}" is not a date (YYYY-MM-DD)`);
  if (from > to) throw badRequest(`from (${from}) is after to (${to})`);
  if (daysBetweenInclusive(from, to) > maxDays) throw badRequest(`the range ${from}..${to} is longer than ${maxDays} days`);
  if (from < "2000-01-01") throw badRequest(`from: ${from} is before 2000-01-01`);
  const latest = addDays(todayUtc(now), 366);
  if (to > latest) throw badRequest(`to: ${to} is more than a year in the future`);
}

/** Every day of an inclusive range, in order. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Monday of the ISO week holding `day` (Postgres date_trunc('week') agrees). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The range of the same length that ends the day before `from`: what "vs previous period" compares with. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = daysBetweenInclusive(from, to);
  return { from: addDays(from, -days), to: addDays(from, -1) };
}
