/**
 * UTC calendar days as "YYYY-MM-DD" strings and as epoch-day integers (days since 1970-01-01).
 * Spend is bucketed by UTC day everywhere in Rightsize; integers make day arithmetic and weekday lookups cheap
 * and free of time-zone and DST surprises. Shared by forecast, anomaly and what-if.
 */
const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** True for a real calendar day written as YYYY-MM-DD (rejects 2026-02-30). */
export function isDay(text: string): boolean {
  const m = DAY_RE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "2026-10-01" -> epoch day. Throws on anything that is not a real day (callers validate user input first). */
export function toEpochDay(day: string): number {
  if (!isDay(day)) throw new Error(`not a UTC day (YYYY-MM-DD): "${day}"`);
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

export function fromEpochDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Midnight UTC at the start of the day. */
export function dayStart(day: string): Date {
  return new Date(toEpochDay(day) * DAY_MS);
}

/** The UTC day a timestamp falls in. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return fromEpochDay(toEpochDay(day) + n);
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01, epoch day 0, was a Thursday). */
export function weekdayOf(day: string | number): number {
  const n = typeof day === "number" ? day : toEpochDay(day);
  return (((n + 4) % 7) + 7) % 7;
}

/** Number of days from `from` to `to`, both included (0 when to < from). */
export function daysInclusive(from: string, to: string): number {
  return Math.max(0, toEpochDay(to) - toEpochDay(from) + 1);
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = toEpochDay(from), end = toEpochDay(to); n <= end; n++) out.push(fromEpochDay(n));
  return out;
}
