import "server-only";
import { pool } from "@/lib/db/pool";
import { formatMoney, nanosToUsd } from "@/lib/money";
import type { BudgetState } from "@/lib/budgets/budget-status";
import { budgetCrossings } from "./threshold-crossings";
import { forecastMessage, forecastTitle, percent, percentOf, thresholdMessage, thresholdTitle, type BudgetFigures } from "./alert-messages";
import { raiseAlert, type NewAlert, type RaisedAlert } from "./raise-alert";

/**
 * The alerts a budget's state calls for, raised once per period. When several thresholds are crossed at once (a
 * budget created mid-month at 85%), each is recorded so it will not fire again, but only the highest is sent to the
 * webhook: one message, not three.
 */
export async function raiseBudgetAlerts(state: BudgetState, now = new Date()): Promise<RaisedAlert[]> {
  const { budget: b, forecast: f } = state;
  const crossings = budgetCrossings({
    amountNanos: b.amountNanos,
    spentNanos: f.spentNanos,
    forecastNanos: f.forecastNanos,
    thresholds: b.thresholds,
    alertOnForecast: b.alertOnForecast,
  });
  if (crossings.length === 0) return [];
  const raisedBefore = await existingKeys(b.id, f.period.key);
  const fresh = crossings.filter((c) => !raisedBefore.has(keyOf(c.kind, c.threshold)));
  const highestNew = Math.max(-1, ...fresh.filter((c) => c.kind === "threshold").map((c) => c.threshold ?? 0));

  const figures: BudgetFigures = {
    label: b.name ?? b.scope.label,
    currency: b.currency,
    period: b.period,
    periodKey: f.period.key,
    amountNanos: b.amountNanos,
    spentNanos: f.spentNanos,
    forecastNanos: f.forecastNanos,
    forecastLowNanos: f.forecastLowNanos,
    forecastHighNanos: f.forecastHighNanos,
    runsOutOn: f.runsOutOn,
  };
  const webhooks = b.webhookUrl ? [{ url: b.webhookUrl, format: b.webhookFormat }] : [];
  const base = {
    budgetId: b.id,
    periodKey: f.period.key,
    teamId: b.scope.ownerTeamId,
    workloadId: b.scope.workloadId,
    budget: {
      id: b.id,
      label: figures.label,
      period: b.period,
      amountUsd: nanosToUsd(state.amountUsdNanos, 2),
      currency: b.currency,
      amount: nanosToUsd(b.amountNanos, 2),
      scope: { type: b.scope.type, team: b.scope.team, workload: b.scope.workload },
    },
    facts: facts(figures),
  };

  const raised: RaisedAlert[] = [];
  for (const c of fresh) {
    const alert: NewAlert =
      c.kind === "threshold"
        ? {
            ...base,
            kind: "threshold",
            threshold: c.threshold,
            title: thresholdTitle(figures, c.threshold),
            message: thresholdMessage(figures, c.threshold),
            // alerts.amount_usd stays USD (the alerts API's amountUsd); the message speaks the budget's currency.
            amountNanos: state.usd.spentNanos,
            webhooks: c.threshold === highestNew ? webhooks : [],
          }
        : {
            ...base,
            kind: "forecast",
            threshold: null,
            title: forecastTitle(figures),
            message: forecastMessage(figures),
            amountNanos: state.usd.forecastNanos,
            webhooks,
          };
    const r = await raiseAlert(alert, now);
    if (r) raised.push(r);
  }
  return raised;
}

function facts(f: BudgetFigures): [string, string][] {
  const formatUsd = (n: bigint) => formatMoney(n, f.currency);
  const out: [string, string][] = [
    ["Spent", `${formatUsd(f.spentNanos)} (${percentOf(f.spentNanos, f.amountNanos)})`],
    ["Budget", formatUsd(f.amountNanos)],
    ["Forecast", `${formatUsd(f.forecastNanos)} (${percentOf(f.forecastNanos, f.amountNanos)})`],
    ["Likely range", `${formatUsd(f.forecastLowNanos)} – ${formatUsd(f.forecastHighNanos)}`],
  ];
  if (f.runsOutOn) out.push(["Runs out on", f.runsOutOn]);
  return out;
}

function keyOf(kind: string, threshold: number | null): string {
  return `${kind}:${threshold === null ? "" : percent(threshold)}`;
}

async function existingKeys(budgetId: number, periodKey: string): Promise<Set<string>> {
  const rows = await pool().query<{ kind: string; threshold: string | null }>(
    "SELECT kind, threshold::text FROM alerts WHERE budget_id = $1 AND period_key = $2",
    [budgetId, periodKey],
  );
  return new Set(rows.rows.map((r) => keyOf(r.kind, r.threshold === null ? null : Number(r.threshold))));
}
