import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { share } from "@/lib/analytics/measures";
import { canSeeBudget, loadBudgets } from "@/lib/budgets/budget-record";
import { budgetState } from "@/lib/budgets/budget-status";
import type { MonthlyReport } from "./report-schema";

/**
 * Budget vs actual for the report: each budget the caller can see, in its period containing the report's last
 * day, measured as of that day (a monthly budget of a past month is its final figure; a quarterly one shows the
 * quarter so far and where it is heading).
 */
export async function budgetsVsActual(principal: Pick<Principal, "teamIds">, lastDay: string, complete: boolean): Promise<MonthlyReport["budgets"]> {
  const asOf = new Date(`${lastDay}T23:59:59Z`);
  const visible = (await loadBudgets()).filter((b) => canSeeBudget(principal, b));
  const states = await Promise.all(visible.map((b) => budgetState(principal, b, asOf)));
  // f: in the budget's currency (what status compares); u: the same in USD.
  return states.map(({ budget: b, forecast: f, usd: u, amountUsdNanos }) => {
    // A period that ended with a finished month is final: there is no "rest of today" left to forecast.
    const final = complete && f.period.end === lastDay;
    const forecastNanos = final ? f.spentNanos : f.forecastNanos;
    return {
      id: b.id,
      label: b.name ?? b.scope.label,
      period: b.period,
      periodKey: f.period.key,
      amountUsd: nanosToUsd(amountUsdNanos, 2),
      actualUsd: nanosToUsd(u.spentNanos, 2),
      actualShare: share(f.spentNanos, b.amountNanos) ?? 0,
      forecastUsd: nanosToUsd(final ? u.spentNanos : u.forecastNanos, 2),
      currency: b.currency,
      amount: nanosToUsd(b.amountNanos, 2),
      actual: nanosToUsd(f.spentNanos, 2),
      forecast: nanosToUsd(forecastNanos, 2),
      status: final ? (f.spentNanos > b.amountNanos ? "over" : "on_track") : f.status,
    };
  });
}
