import { weekdayRates } from "@/lib/forecast/run-rate";
import { weekdayOf } from "@/lib/forecast/utc-days";
import { addDays, eachDay, monthEnd, monthStart } from "./dates";

/**
 * This month so far against last month to the same day, and where this month is heading. The run-rate is
 * weekday-aware (lib/forecast/run-rate.ts: median of the same weekday over the last 4 weeks), because AI spend
 * follows the working week and a flat daily average over-forecasts months with many weekends left.
 */
export interface MonthPace {
  today: string;
  monthStart: string;
  monthEnd: string;
  monthToDateNanos: bigint;
  lastMonthTotalNanos: bigint;
  /** Month-to-date plus the expected rest of the month (median / quartiles of weekday rates). */
  projectedNanos: bigint;
  projectedLowNanos: bigint;
  projectedHighNanos: bigint;
  daysLeft: number;
}

/** The first day `monthPace` needs spend from: last month's start or four weeks back, whichever is earlier. */
export function paceHistoryStart(today: string): string {
  const lastMonthStart = monthStart(addDays(monthStart(today), -1));
  const fourWeeks = addDays(today, -28);
  return lastMonthStart < fourWeeks ? lastMonthStart : fourWeeks;
}

export function monthPace(spendByDay: ReadonlyMap<string, bigint>, today: string): MonthPace {
  const sum = (from: string, to: string) => eachDay(from, to).reduce((s, d) => s + (spendByDay.get(d) ?? 0n), 0n);
  const start = monthStart(today);
  const end = monthEnd(today);
  const firstDay = [...spendByDay.keys()].sort()[0];
  const rates = weekdayRates({ spendByDay, historyEnd: addDays(today, -1), dataStart: firstDay });
  const mtd = sum(start, today);
  const rest = { mid: 0n, low: 0n, high: 0n };
  const todaySpend = spendByDay.get(today) ?? 0n;
  // Today is partial: only the part of its expected spend not yet seen is still to come (never below zero).
  const unseen = (x: bigint) => (x > todaySpend ? x - todaySpend : 0n);
  const r = rates[weekdayOf(today)];
  rest.mid += unseen(r.expected);
  rest.low += unseen(r.low);
  rest.high += unseen(r.high);
  for (const day of today < end ? eachDay(addDays(today, 1), end) : []) {
    const rate = rates[weekdayOf(day)];
    rest.mid += rate.expected;
    rest.low += rate.low;
    rest.high += rate.high;
  }
  return {
    today,
    monthStart: start,
    monthEnd: end,
    monthToDateNanos: mtd,
    lastMonthTotalNanos: sum(monthStart(addDays(start, -1)), addDays(start, -1)),
    projectedNanos: mtd + rest.mid,
    projectedLowNanos: mtd + rest.low,
    projectedHighNanos: mtd + rest.high,
    daysLeft: eachDay(today, end).length - 1,
  };
}
