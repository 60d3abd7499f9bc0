import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { forecastBudget, periodContaining, type BudgetForecast } from "@/lib/forecast";
import { addDays, dayOf, daysInclusive } from "@/lib/forecast/utc-days";
import type { BudgetRecord } from "./budget-record";
import { scopeDailySpend } from "./scope-daily-spend";
import { loadRateSeries } from "@/lib/currency/rates-store";
import { convertNanos, convertToUsdNanos, rateOn } from "@/lib/currency/rates";

/** Same-weekday samples the run-rate reads (lib/forecast default): four weeks of history before today. */
const HISTORY_WEEKS = 4;

export interface BudgetState {
  budget: BudgetRecord;
  today: string;
  /** In the budget's currency (nano-units): what status, shares and alerts compare with the amount. */
  forecast: BudgetForecast;
  /** The same in USD nano-dollars (the API's *Usd fields); equal to `forecast` for a USD budget. */
  usd: BudgetForecast;
  /** The amount in USD: itself, or for another currency at the latest rate on or before today (indicative). */
  amountUsdNanos: bigint;
  daysLeft: number;
}

/**
 * Where a budget stands today: spent so far in its current period, the weekday-aware forecast to the period's end
 * with its range, the day it runs out and its status (lib/forecast does the arithmetic; this reads the spend).
 *
 * A budget in another currency (EUR...) is compared in that currency: each day's spend is converted at that day's
 * rate (the last on or before it, lib/currency) and rounded once, the period's spend is the sum of those, and the
 * forecast projects the converted days (so future days are valued at the rates of the recent weeks it learns
 * from; tomorrow's rate is unknown). A day with spend and no rate is a 400 naming the day, never a silent 1.0.
 */
export async function budgetState(principal: Pick<Principal, "teamIds">, budget: BudgetRecord, now = new Date()): Promise<BudgetState> {
  const today = dayOf(now);
  const period = periodContaining(budget.period, today);
  const historyStart = addDays(today, -HISTORY_WEEKS * 7);
  const from = historyStart < period.start ? historyStart : period.start;
  const spendUsd = await scopeDailySpend(principal, budget.scope, from, today);
  const base = { period: budget.period, today, weeks: HISTORY_WEEKS };
  const daysLeft = daysInclusive(today, period.end) - 1;
  if (budget.currency === "USD") {
    const forecast = forecastBudget({ ...base, amountNanos: budget.amountNanos, spend: spendUsd });
    return { budget, today, forecast, usd: forecast, amountUsdNanos: budget.amountNanos, daysLeft };
  }
  const series = await loadRateSeries(budget.currency, today);
  const spend = spendUsd.map((d) => ({ day: d.day, costNanos: convertNanos(d.costNanos, rateOn(series, d.day)) }));
  const amountUsdNanos = convertToUsdNanos(budget.amountNanos, rateOn(series, today));
  const forecast = forecastBudget({ ...base, amountNanos: budget.amountNanos, spend });
  const usd = forecastBudget({ ...base, amountNanos: amountUsdNanos > 0n ? amountUsdNanos : 1n, spend: spendUsd });
  return { budget, today, forecast, usd, amountUsdNanos, daysLeft };
}
