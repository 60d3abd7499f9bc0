/** Calendar shape of demo traffic: the time window, hour-of-day curves, weekends and growth. */
import type { Rhythm } from "./types";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const DAYS_PER_MONTH = 30.4375;

export interface DemoWindow {
  /** Midnight UTC of the first day. */
  startMs: number;
  /** Exclusive end: endDate itself, so no event is ever at or after it. */
  endMs: number;
  days: number;
}

/**
 * `days` whole UTC days ending at endDate. When endDate is not midnight the last day is the one containing it,
 * cut short at endDate (a demo loaded "now" shows today so far, never future events).
 */
export function demoWindow(endDate: Date, days: number): DemoWindow {
  const endMs = endDate.getTime();
  const lastDayStart = Math.floor((endMs - 1) / DAY_MS) * DAY_MS;
  return { startMs: lastDayStart - (days - 1) * DAY_MS, endMs, days };
}

export function isWeekend(dayStartMs: number): boolean {
  const dow = new Date(dayStartMs).getUTCDay();
  return dow === 0 || dow === 6;
}

/**
 * Weekend volume relative to a weekday. Interactive work dominates, so the company-wide weekend/weekday ratio lands
 * near 0.35 (generate.test.ts measures it).
 */
export const WEEKEND_FACTOR: Record<Rhythm, number> = {
  interactive: 0.15,
  pipeline: 0.35,
  nightly: 0.55,
  product: 0.6,
  flat: 0.85,
};

/** Circular (24 h) Gaussian bump, so a curve centred at 02:00 also rises before midnight. */
function bump(hour: number, centre: number, sd: number): number {
  const d = Math.min(Math.abs(hour - centre), 24 - Math.abs(hour - centre));
  return Math.exp(-(d * d) / (2 * sd * sd));
}

function curve(f: (h: number) => number): Float64Array {
  const c = new Float64Array(24);
  let sum = 0;
  for (let h = 0; h < 24; h++) sum += c[h] = f(h + 0.5);
  for (let h = 0; h < 24; h++) c[h] *= 24 / sum; // mean 1: the curve moves volume within a day, not the daily total
  return c;
}

/** Hour-of-day (UTC) multipliers with mean 1. Business hours: European day overlapping the US morning. */
export const DIURNAL: Record<Rhythm, Float64Array> = {
  interactive: curve((h) => 0.05 + bump(h, 14, 3.2)),
  pipeline: curve((h) => 0.35 + bump(h, 14, 3.5)),
  nightly: curve((h) => 0.1 + bump(h, 3, 1.3)),
  product: curve((h) => 0.15 + bump(h, 19, 3.5)),
  flat: curve(() => 1),
};

/** Volume multiplier `dayIndex` days after the window start for a stream growing `monthlyGrowth` per month. */
export function growthFactor(monthlyGrowth: number, dayIndex: number): number {
  return Math.pow(1 + monthlyGrowth, dayIndex / DAYS_PER_MONTH);
}
