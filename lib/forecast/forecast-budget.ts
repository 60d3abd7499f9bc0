/**
 * Budget forecast: spent so far in the period, expected spend to the period's end, the day the budget runs out
 * and a status. "Today" is partial: its spend so far counts as spent, and only the part of today's expected spend
 * not yet seen is added (never less than zero), so the forecast does not double-count the morning.
 */
import { periodContaining, type BudgetPeriod, type PeriodBounds } from "./period";
import { weekdayRates, type DayRate } from "./run-rate";
import { addDays, eachDay, weekdayOf } from "./utc-days";

export type BudgetStatus = "over" | "at_risk" | "on_track";

export interface DaySpend {
  day: string;
  costNanos: bigint;
}

export interface BudgetForecastInput {
  period: BudgetPeriod;
  amountNanos: bigint;
  /** The current UTC day (its spend is partial). The period forecast is the one containing this day. */
  today: string;
  /** Daily spend of the budget's scope: the period so far and at least `weeks` weeks before today. */
  spend: readonly DaySpend[];
  /** First day with data for the scope (default: the earliest day in `spend`). */
  dataStart?: string;
  /** Same-weekday samples for the run-rate (default 4). */
  weeks?: number;
}

export interface BurnDownPoint {
  day: string;
  /** Recorded spend (null for days after today). */
  actualNanos: bigint | null;
  /** Spend still expected on this day: the rest of today, or a whole future day. */
  expectedNanos: bigint;
  /** Cumulative spend in the period through this day: actual, then expected (median / low / high). */
  cumulativeNanos: bigint;
  cumulativeLowNanos: bigint;
  cumulativeHighNanos: bigint;
}

export interface BudgetForecast {
  period: PeriodBounds;
  amountNanos: bigint;
  spentNanos: bigint;
  forecastNanos: bigint;
  forecastLowNanos: bigint;
  forecastHighNanos: bigint;
  /** First day cumulative (actual then expected) spend exceeds the amount; null if not within the period. */
  runsOutOn: string | null;
  status: BudgetStatus;
  /** True when no day of history was available: the forecast is just what was spent. */
  insufficientHistory: boolean;
  series: BurnDownPoint[];
}

export function forecastBudget(input: BudgetForecastInput): BudgetForecast {
  if (input.amountNanos <= 0n) throw new Error("a budget amount must be greater than zero");
  const period = periodContaining(input.period, input.today);
  const spendByDay = new Map<string, bigint>();
  for (const s of input.spend) spendByDay.set(s.day, (spendByDay.get(s.day) ?? 0n) + s.costNanos);
  const rates = weekdayRates({
    spendByDay,
    historyEnd: addDays(input.today, -1),
    dataStart: input.dataStart,
    weeks: input.weeks,
  });

  let spent = 0n;
  const cum = { mid: 0n, low: 0n, high: 0n };
  let runsOutOn: string | null = null;
  const series: BurnDownPoint[] = [];
  for (const day of eachDay(period.start, period.end)) {
    const actual = day <= input.today ? (spendByDay.get(day) ?? 0n) : null;
    const rate: DayRate = rates[weekdayOf(day)];
    const rest = remaining(day, input.today, actual ?? 0n, rate);
    if (actual !== null) spent += actual;
    cum.mid += (actual ?? 0n) + rest.expected;
    cum.low += (actual ?? 0n) + rest.low;
    cum.high += (actual ?? 0n) + rest.high;
    if (runsOutOn === null && cum.mid > input.amountNanos) runsOutOn = day;
    series.push({
      day,
      actualNanos: actual,
      expectedNanos: rest.expected,
      cumulativeNanos: cum.mid,
      cumulativeLowNanos: cum.low,
      cumulativeHighNanos: cum.high,
    });
  }

  const status: BudgetStatus = spent > input.amountNanos ? "over" : cum.mid > input.amountNanos ? "at_risk" : "on_track";
  return {
    period,
    amountNanos: input.amountNanos,
    spentNanos: spent,
    forecastNanos: cum.mid,
    forecastLowNanos: cum.low,
    forecastHighNanos: cum.high,
    runsOutOn,
    status,
    insufficientHistory: rates.every((r) => r.samples === 0),
    series,
  };
}

/** Spend still to come on `day`: nothing for past days, the unseen rest of today, the whole rate for future days. */
function remaining(day: string, today: string, actual: bigint, rate: DayRate) {
  if (day < today) return { expected: 0n, low: 0n, high: 0n };
  if (day > today) return { expected: rate.expected, low: rate.low, high: rate.high };
  const rest = (x: bigint) => (x > actual ? x - actual : 0n);
  return { expected: rest(rate.expected), low: rest(rate.low), high: rest(rate.high) };
}
