/**
 * Timestamp parsing shared by the sources. Hand-written instead of Date.parse because Date.parse reads a
 * zone-less "2026-01-01T10:00:00" as *local* time (so results would depend on the server's TZ) and accepts
 * loose forms ("Jan 1 2026") we do not want to guess at. Here:
 * - ISO-8601 / RFC 3339 date-times with "T" or a space between date and time, optional fractional seconds
 *   (any precision, truncated to milliseconds) and an optional zone (Z, +hh:mm, +hhmm, +hh);
 * - a missing zone means UTC (usage exports and database dumps are UTC by convention);
 * - a bare date "2026-01-01" means midnight UTC.
 */

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,12}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const DAY_MS = 86_400_000;

/** Epoch milliseconds, or null when the text is not a date-time we accept. */
export function parseTimestamp(text: string): number | null {
  const m = ISO_PATTERN.exec(text.trim());
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = m[4] === undefined ? 0 : +m[4];
  const minute = m[5] === undefined ? 0 : +m[5];
  // A leap second (":60") is folded into the last millisecond-accurate second of the minute.
  const second = m[6] === undefined ? 0 : Math.min(+m[6], 59);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || +(m[6] ?? 0) > 60) return null;
  const millis = m[7] === undefined ? 0 : +(m[7] + "00").slice(0, 3);
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const zone = m[8];
  if (zone !== undefined && zone !== "Z" && zone !== "z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offsetHours = +digits.slice(0, 2);
    const offsetMinutes = digits.length > 2 ? +digits.slice(2, 4) : 0;
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    ms -= sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return ms;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Events stamped far in the future are almost always a clock or unit bug (seconds vs milliseconds) and
 * would sit in dashboards as phantom spend; a day of slack covers skewed clocks and time zones.
 */
export const MAX_FUTURE_MS = DAY_MS;

/** Message when `ms` lies more than 24 hours after `now`, else null. */
export function futureError(ms: number, now: Date): string | null {
  if (ms - now.getTime() <= MAX_FUTURE_MS) return null;
  return `is more than 24 hours in the future (${new Date(ms).toISOString()})`;
}

/** Dates outside what a JS Date (and Postgres timestamptz) can hold are refused as unparseable. */
export function isRepresentable(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}
