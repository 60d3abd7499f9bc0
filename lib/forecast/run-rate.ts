/**
 * Weekday-aware run-rate: what a scope is expected to spend on a given weekday, from the same weekday in the
 * recent past. AI spend has a strong weekly rhythm (workday traffic, quiet weekends), so a plain daily average
 * over-forecasts weekends and under-forecasts Mondays.
 *
 * For each weekday: the last `weeks` occurrences (default 4) inside the history window; expected = median,
 * low = 25th percentile, high = 75th percentile. Medians ignore one-off spikes (a runaway loop last Tuesday does not
 * make every Tuesday expensive). Days without any spend count as 0, but days before `dataStart` (before the scope
 * existed) are not history at all.
 */
import { quantile } from "./bigint-stats";
import { toEpochDay, weekdayOf } from "./utc-days";

export interface DayRate {
  expected: bigint;
  low: bigint;
  high: bigint;
  /** How many same-weekday days the figures come from (0: no history, figures are 0). */
  samples: number;
}

export interface RunRateInput {
  /** Spend per UTC day, nano-dollars. Days not listed spent nothing. */
  spendByDay: ReadonlyMap<string, bigint>;
  /** Last day of history (inclusive), usually the day before "today". */
  historyEnd: string;
  /** First day with data for this scope; earlier days are not history. Default: the earliest day in spendByDay. */
  dataStart?: string;
  /** Same-weekday samples to use (default 4, i.e. the last 4 weeks). */
  weeks?: number;
}

/** Rates for weekdays 0 (Sunday) .. 6 (Saturday). */
export function weekdayRates(input: RunRateInput): DayRate[] {
  const weeks = input.weeks ?? 4;
  const end = toEpochDay(input.historyEnd);
  const startDay = input.dataStart ?? earliest(input.spendByDay);
  const start = startDay === null ? end + 1 : Math.max(toEpochDay(startDay), end - weeks * 7 + 1);
  const samples: bigint[][] = [[], [], [], [], [], [], []];
  for (let n = start; n <= end; n++) {
    samples[weekdayOf(n)].push(spendOn(input.spendByDay, n));
  }
  const rates = samples.map(rateOf);
  // A weekday with no sample at all (history shorter than a week) borrows the rate of all available days,
  // so a three-day-old scope still gets a forecast instead of zero.
  const all = samples.flat();
  const fallback = rateOf(all);
  return rates.map((r) => (r.samples === 0 ? fallback : r));
}

function rateOf(xs: bigint[]): DayRate {
  if (xs.length === 0) return { expected: 0n, low: 0n, high: 0n, samples: 0 };
  return { expected: quantile(xs, 1, 2), low: quantile(xs, 1, 4), high: quantile(xs, 3, 4), samples: xs.length };
}

function spendOn(spend: ReadonlyMap<string, bigint>, n: number): bigint {
  return spend.get(new Date(n * 86_400_000).toISOString().slice(0, 10)) ?? 0n;
}

function earliest(spend: ReadonlyMap<string, bigint>): string | null {
  let min: string | null = null;
  for (const day of spend.keys()) if (min === null || day < min) min = day;
  return min;
}
