import { badRequest } from "@/lib/errors";
import { addDays, eachDay, isDay } from "@/lib/forecast/utc-days";

// Day arithmetic has one implementation (lib/forecast/utc-days.ts); this module adds ranges, months and weeks.
export { addDays, eachDay };

/** UTC calendar helpers: dates are "YYYY-MM-DD" strings, months are UTC months. */
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
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

/** A real calendar day written as YYYY-MM-DD (2026-02-30 is not). */
export function isValidDate(day: string): boolean {
  return isDay(day);
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

/** Monday of the ISO week holding `day` (Postgres date_trunc('week') agrees). */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}
