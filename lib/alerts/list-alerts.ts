import "server-only";
import { pool } from "@/lib/db/pool";
import { can, type Principal } from "@/lib/auth/principal";
import type { AlertListQuery, AlertOut } from "./alert-schema";
import { redact } from "./deliver-webhooks";

interface AlertRow {
  id: number;
  kind: AlertOut["kind"];
  created_at: Date;
  period_key: string;
  threshold: string | null;
  message: string;
  amount_usd: string | null;
  budget_id: number | null;
  budget_name: string | null;
  budget_scope: "org" | "team" | "workload" | null;
  team_id: number | null;
  workload_id: number | null;
  team_name: string | null;
  workload_name: string | null;
}

interface DeliveryRow {
  id: number;
  alert_id: number;
  url: string;
  format: "slack" | "json";
  status: "pending" | "delivered" | "failed";
  attempts: number;
  last_error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
}

/**
 * The alert history the caller may see, newest first: everything for all-team roles, their teams' alerts for
 * leads (alerts carry their scope's team, so this holds after a budget is deleted). Webhook URLs are shown in full
 * only to those who manage budgets.
 */
export async function listAlerts(principal: Principal, q: AlertListQuery = {}): Promise<{ alerts: AlertOut[]; failedDeliveries: number }> {
  // All-team callers pass NULL (everything); a lead passes their team ids, [] sees nothing (fail closed).
  const scope = "($1::int[] IS NULL OR a.team_id = ANY($1::int[]))";
  const params: unknown[] = [principal.teamIds];
  const where = [scope];
  if (q.budget !== undefined) where.push(`a.budget_id = $${params.push(q.budget)}`);
  if (q.kind) where.push(`a.kind = $${params.push(q.kind)}`);
  if (q.delivery) where.push(`EXISTS (SELECT 1 FROM webhook_deliveries x WHERE x.alert_id = a.id AND x.status = $${params.push(q.delivery)})`);
  const limit = params.push(q.limit ?? 100);
  const alerts = await pool().query<AlertRow>(
    `SELECT a.id, a.kind, a.created_at, a.period_key, a.threshold::text, a.message, a.amount_usd::text, a.budget_id,
       b.name AS budget_name, b.scope_type AS budget_scope, a.team_id, a.workload_id, t.name AS team_name, w.name AS workload_name
     FROM alerts a
     LEFT JOIN budgets b ON b.id = a.budget_id
     LEFT JOIN teams t ON t.id = a.team_id
     LEFT JOIN workloads w ON w.id = a.workload_id
     WHERE ${where.join(" AND ")}
     ORDER BY a.created_at DESC, a.id DESC LIMIT $${limit}`,
    params,
  );
  const ids = alerts.rows.map((a) => a.id);
  const [deliveries, failed] = await Promise.all([
    pool().query<DeliveryRow>(`SELECT * FROM webhook_deliveries WHERE alert_id = ANY($1::int[]) ORDER BY id`, [ids]),
    pool().query<{ n: string }>(
      `SELECT count(*)::text AS n FROM webhook_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.status = 'failed' AND ${scope}`,
      [principal.teamIds],
    ),
  ]);
  const showUrl = can(principal, "manage_budgets");
  const byAlert = new Map<number, DeliveryRow[]>();
  for (const d of deliveries.rows) byAlert.set(d.alert_id, [...(byAlert.get(d.alert_id) ?? []), d]);
  return {
    alerts: alerts.rows.map((a) => toAlertOut(a, byAlert.get(a.id) ?? [], showUrl)),
    failedDeliveries: Number(failed.rows[0]?.n ?? 0),
  };
}

export const RECEIVER_ERROR_HIDDEN = "delivery failed (the receiver's answer is shown to those who manage budgets)";

function toAlertOut(a: AlertRow, deliveries: DeliveryRow[], showUrl: boolean): AlertOut {
  const type = a.budget_scope ?? (a.workload_id !== null ? "workload" : a.team_id !== null ? "team" : "org");
  const scopeLabel = type === "org" ? "Organisation" : type === "team" ? `Team ${a.team_name ?? "(deleted)"}` : `Workload ${a.workload_name ?? "(deleted)"}`;
  return {
    id: a.id,
    kind: a.kind,
    createdAt: a.created_at.toISOString(),
    periodKey: a.period_key,
    threshold: a.threshold === null ? null : Number(a.threshold),
    message: a.message,
    amountUsd: a.amount_usd,
    budget: a.budget_id !== null && a.budget_scope !== null ? { id: a.budget_id, label: a.budget_name ?? scopeLabel } : null,
    scope: { type, label: scopeLabel },
    deliveries: deliveries.map((d) => ({
      id: d.id,
      url: showUrl ? d.url : redact(d.url),
      format: d.format,
      status: d.status,
      attempts: d.attempts,
      // The receiver's answer can quote internal systems: its text is for those who manage budgets.
      lastError: d.last_error === null || showUrl ? d.last_error : RECEIVER_ERROR_HIDDEN,
      lastAttemptAt: d.last_attempt_at?.toISOString() ?? null,
      nextAttemptAt: d.status === "pending" ? (d.next_attempt_at?.toISOString() ?? null) : null,
      deliveredAt: d.delivered_at?.toISOString() ?? null,
    })),
  };
}
