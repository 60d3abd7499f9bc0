import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { forecastBudget, periodContaining, type BudgetForecast } from "@/lib/forecast";
import { addDays, dayOf, daysInclusive } from "@/lib/forecast/utc-days";
import type { BudgetRecord } from "./budget-record";
import { scopeDailySpend } from "./scope-daily-spend";

/** Same-weekday samples the run-rate reads (lib/forecast default): four weeks of history before today. */
const HISTORY_WEEKS = 4;

export interface BudgetState {
  budget: BudgetRecord;
  today: string;
  forecast: BudgetForecast;
  daysLeft: number;
}

/**
 * Where a budget stands today: spent so far in its current period, the weekday-aware forecast to the period's end
 * with its range, the day it runs out and its status (lib/forecast does the arithmetic; this reads the spend).
 */
export async function budgetState(principal: Pick<Principal, "teamIds">, budget: BudgetRecord, now = new Date()): Promise<BudgetState> {
  const today = dayOf(now);
  const period = periodContaining(budget.period, today);
  const historyStart = addDays(today, -HISTORY_WEEKS * 7);
  const from = historyStart < period.start ? historyStart : period.start;
  const spend = await scopeDailySpend(principal, budget.scope, from, today);
  const forecast = forecastBudget({ period: budget.period, amountNanos: budget.amountNanos, today, spend, weeks: HISTORY_WEEKS });
  return { budget, today, forecast, daysLeft: daysInclusive(today, period.end) - 1 };
}
