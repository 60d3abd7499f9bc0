import { nanosToUsd } from "@/lib/money";
import { share } from "@/lib/analytics/measures";
import type { BudgetOut, BurnDownPointOut } from "./budget-schema";
import type { BudgetState } from "./budget-status";

/**
 * A budget's state -> the API shape (money as decimal strings). The webhook URL may carry a secret (Slack's URL
 * is the credential), so only callers who manage budgets get it back.
 */
export function toBudgetOut(state: BudgetState, opts: { canManage: boolean; includeSeries: boolean }): BudgetOut {
  const { budget: b, forecast: f, usd: u } = state;
  const out: BudgetOut = {
    id: b.id,
    name: b.name,
    label: b.name ?? b.scope.label,
    scope: { type: b.scope.type, team: b.scope.team, workload: b.scope.workload, label: b.scope.label },
    period: b.period,
    periodKey: f.period.key,
    periodStart: f.period.start,
    periodEnd: f.period.end,
    today: state.today,
    daysLeft: state.daysLeft,
    amountUsd: nanosToUsd(state.amountUsdNanos, 2),
    currency: b.currency,
    amount: nanosToUsd(b.amountNanos, 2),
    spent: nanosToUsd(f.spentNanos, 2),
    forecast: nanosToUsd(f.forecastNanos, 2),
    forecastLow: nanosToUsd(f.forecastLowNanos, 2),
    forecastHigh: nanosToUsd(f.forecastHighNanos, 2),
    thresholds: b.thresholds,
    alertOnForecast: b.alertOnForecast,
    alertOnAnomaly: b.alertOnAnomaly,
    webhookUrl: opts.canManage ? b.webhookUrl : null,
    webhookConfigured: b.webhookUrl !== null,
    webhookFormat: b.webhookFormat,
    spentUsd: nanosToUsd(u.spentNanos, 2),
    spentShare: share(f.spentNanos, b.amountNanos) ?? 0,
    forecastUsd: nanosToUsd(u.forecastNanos, 2),
    forecastLowUsd: nanosToUsd(u.forecastLowNanos, 2),
    forecastHighUsd: nanosToUsd(u.forecastHighNanos, 2),
    forecastShare: share(f.forecastNanos, b.amountNanos) ?? 0,
    runsOutOn: f.runsOutOn,
    status: f.status,
    insufficientHistory: f.insufficientHistory,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
  if (opts.includeSeries) out.series = burnDown(state);
  return out;
}

/**
 * Burn-down points for the chart: cumulative actual spend up to today, then the cumulative forecast (median and
 * range) from today on. Today carries both, so the forecast line starts where the actual line ends; the rest of
 * today's expected spend shows up from tomorrow's point.
 */
export function burnDown(state: BudgetState): BurnDownPointOut[] {
  const usd = points(state, state.usd);
  const local = points(state, state.forecast);
  return usd.map((p, i) => ({
    day: p.day,
    actualUsd: p.actual,
    forecastUsd: p.forecast,
    forecastLowUsd: p.forecastLow,
    forecastHighUsd: p.forecastHigh,
    actual: local[i].actual,
    forecast: local[i].forecast,
    forecastLow: local[i].forecastLow,
    forecastHigh: local[i].forecastHigh,
  }));
}

function points(state: BudgetState, f: BudgetState["forecast"]) {
  let actual = 0n;
  return f.series.map((p) => {
    const past = p.day <= state.today;
    if (p.actualNanos !== null) actual += p.actualNanos;
    const isToday = p.day === state.today;
    const at = (n: bigint) => (isToday ? nanosToUsd(actual, 2) : past ? null : nanosToUsd(n, 2));
    return { day: p.day, actual: past ? nanosToUsd(actual, 2) : null, forecast: at(p.cumulativeNanos), forecastLow: at(p.cumulativeLowNanos), forecastHigh: at(p.cumulativeHighNanos) };
  });
}
