import "server-only";
import { formatUsd } from "@/lib/money";
import { addDays, dayOf } from "@/lib/forecast/utc-days";
import type { BudgetRecord } from "@/lib/budgets/budget-record";
import { scanAnomalies, type ScannedAnomaly } from "@/lib/anomaly-scan/scan-anomalies";
import { raiseAlert, type RaisedAlert } from "./raise-alert";

/**
 * Anomalies of the last week (catching up on any the server missed while down) raised as alerts, once per day and
 * scope (the alerts table's unique key; the largest anomaly of a day and scope wins). Each goes to the webhooks of
 * the budgets that cover its scope and ask for anomaly alerts; with no such budget it is still shown in the app.
 */
export const ANOMALY_ALERT_DAYS = 7;

const SYSTEM = { teamIds: null };

export async function raiseAnomalyAlerts(budgets: readonly BudgetRecord[], now = new Date()): Promise<RaisedAlert[]> {
  const today = dayOf(now);
  const found = await scanAnomalies(SYSTEM, { from: addDays(today, -(ANOMALY_ALERT_DAYS - 1)), to: today });
  const raised: RaisedAlert[] = [];
  for (const a of found) {
    const webhooks = budgets
      .filter((b) => b.alertOnAnomaly && b.webhookUrl && covers(b, a))
      .map((b) => ({ url: b.webhookUrl!, format: b.webhookFormat }));
    const facts: [string, string][] = [
      ["Day", a.day],
      ["Spent", formatUsd(a.spendNanos)],
      [a.kind === "spike" ? "Usual" : "At the previous model's price", formatUsd(a.expectedNanos)],
      ["Size", `+${formatUsd(a.sizeNanos)}`],
    ];
    const r = await raiseAlert(
      {
        budgetId: null,
        kind: "anomaly",
        periodKey: `${a.day}:${a.scope.type}:${a.scope.key}`,
        threshold: null,
        title: `${a.kind === "spike" ? "Spend spike" : "Switch to a pricier model"}: ${a.scope.type === "team" ? "Team" : "Workload"} ${a.scopeLabel}`,
        message: a.message,
        amountNanos: a.sizeNanos,
        teamId: a.ownerTeamId,
        workloadId: a.workloadId,
        budget: null,
        facts,
        webhooks,
      },
      now,
    );
    if (r) raised.push(r);
  }
  return raised;
}

/** Does a budget's scope contain the anomaly's scope? The organisation contains everything. */
export function covers(b: Pick<BudgetRecord, "scope">, a: Pick<ScannedAnomaly, "scope" | "ownerTeamId" | "workloadId">): boolean {
  if (b.scope.type === "org") return true;
  if (b.scope.type === "team") return b.scope.teamId !== null && a.ownerTeamId === b.scope.teamId;
  return a.scope.type === "workload" && a.workloadId === b.scope.workloadId;
}
