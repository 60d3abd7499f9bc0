import "server-only";
import { formatUsd } from "@/lib/money";
import { covers } from "@/lib/alerts/anomaly-alerts";
import { raiseAlert, type RaisedAlert } from "@/lib/alerts/raise-alert";
import type { BudgetRecord } from "@/lib/budgets/budget-record";
import { pool } from "@/lib/db/pool";
import { escalationExcess, underDelivery, UNDER_DELIVERY_DAYS } from "../verdict";
import { listRollouts } from "./rollout-store";
import { computeRolloutSavings, savingsContext } from "./realised-savings";

const SYSTEM = { teamIds: null };

/**
 * Alerts for applied rollouts through the existing channels (the alerts list, and the webhooks of budgets covering
 * the rollout's workloads that ask for anomaly alerts): under 70% of the predicted saving over the last 7 days, or
 * escalations more than 10 points above the scenario's rate. Each fires once per rollout and condition.
 */
export async function raiseRolloutAlerts(budgets: readonly BudgetRecord[], now = new Date()): Promise<RaisedAlert[]> {
  const rollouts = (await listRollouts(SYSTEM, "applied")).filter((r) => r.scenarioId !== null);
  if (rollouts.length === 0) return [];
  const ctx = await savingsContext(SYSTEM, now);
  const raised: RaisedAlert[] = [];
  for (const r of rollouts) {
    const s = await computeRolloutSavings(ctx, r, { quality: false });
    const owners = await pool().query<{ id: number; team_id: number | null }>(`SELECT id, team_id FROM workloads WHERE id = ANY($1::int[])`, [r.workloadIds]);
    const teamIds = [...new Set(owners.rows.map((o) => o.team_id))];
    const teamId = teamIds.length === 1 ? teamIds[0] : null;
    const workloadId = r.workloadIds.length === 1 ? r.workloadIds[0] : null;
    const webhooks = budgets
      .filter((b) => b.alertOnAnomaly && b.webhookUrl && owners.rows.some((o) => covers(b, { scope: { type: "workload", key: "" } as never, ownerTeamId: o.team_id, workloadId: o.id })))
      .map((b) => ({ url: b.webhookUrl!, format: b.webhookFormat }));
    const label = `${r.scenarioName ?? "rollout"} (${r.workloads.join(", ")}) applied ${r.appliedFrom}`;
    const under = underDelivery(s.byDay.map((d) => ({ realisedNanos: d.realisedNanos, predictedNanos: d.predictedNanos })));
    if (under) {
      const share = Math.round(Number((under.realisedNanos * 1000n) / under.predictedNanos) / 10);
      const a = await raiseAlert(
        {
          budgetId: null,
          kind: "rollout",
          periodKey: `rollout:${r.id}:under-delivery`,
          threshold: null,
          title: `Rollout under-delivering: ${label}`,
          message: `${label} delivered ${share}% of its predicted saving over the last ${UNDER_DELIVERY_DAYS} days (${formatUsd(under.realisedNanos)} of ${formatUsd(under.predictedNanos)}).`,
          amountNanos: under.predictedNanos - under.realisedNanos,
          teamId,
          workloadId,
          budget: null,
          facts: [
            ["Realised (7 days)", formatUsd(under.realisedNanos)],
            ["Predicted (7 days)", formatUsd(under.predictedNanos)],
            ["Delivered", `${share}%`],
          ],
          webhooks,
          link: `/rollouts?rollout=${r.id}`,
        },
        now,
      );
      if (a) raised.push(a);
    }
    if (escalationExcess(s.escalation)) {
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      const a = await raiseAlert(
        {
          budgetId: null,
          kind: "rollout",
          periodKey: `rollout:${r.id}:escalation`,
          threshold: null,
          title: `Escalations above plan: ${label}`,
          message: `${label}: escalations ${pct(s.escalation.observedRate!)} of calls vs ${pct(s.escalation.assumedRate!)} assumed (to ${s.escalation.model}).`,
          amountNanos: null,
          teamId,
          workloadId,
          budget: null,
          facts: [
            ["Observed", pct(s.escalation.observedRate!)],
            ["Assumed", pct(s.escalation.assumedRate!)],
          ],
          webhooks,
          link: `/rollouts?rollout=${r.id}`,
        },
        now,
      );
      if (a) raised.push(a);
    }
  }
  return raised;
}
