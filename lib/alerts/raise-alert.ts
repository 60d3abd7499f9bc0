import "server-only";
import { pool } from "@/lib/db/pool";
import { nanosToUsd } from "@/lib/money";
import { webhookPayload, type AlertEvent, type AlertKind } from "./webhook-payload";

export interface NewAlert {
  budgetId: number | null;
  kind: AlertKind;
  /** "2026-10" (the budget period) for budget alerts; "<day>:<scope>" for anomalies: raised once per key. */
  periodKey: string;
  threshold: number | null;
  title: string;
  message: string;
  amountNanos: bigint | null;
  teamId: number | null;
  workloadId: number | null;
  budget: AlertEvent["budget"];
  facts: [string, string][];
  /** Where to send it: none (in-app only), or each webhook once. */
  webhooks: { url: string; format: "slack" | "json" }[];
  /** App path the message links to (default /budgets). */
  link?: string;
}

export interface RaisedAlert {
  id: number;
  kind: AlertKind;
  budgetId: number | null;
  periodKey: string;
  threshold: number | null;
  message: string;
  deliveries: number;
}

/**
 * Records an alert unless one with the same (budget, kind, period key, threshold) exists, and queues one webhook
 * delivery per URL with its payload, in one transaction. Returns null when the alert was already raised: that
 * unique key is what makes every alert fire once per period (and every anomaly once per day and scope).
 */
export async function raiseAlert(alert: NewAlert, now = new Date()): Promise<RaisedAlert | null> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const inserted = await client.query<{ id: number; created_at: Date }>(
      `INSERT INTO alerts (budget_id, kind, period_key, threshold, message, amount_usd, team_id, workload_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT DO NOTHING RETURNING id, created_at`,
      [
        alert.budgetId,
        alert.kind,
        alert.periodKey,
        alert.threshold,
        alert.message,
        alert.amountNanos === null ? null : nanosToUsd(alert.amountNanos, 2),
        alert.teamId,
        alert.workloadId,
        now,
      ],
    );
    const row = inserted.rows[0];
    if (!row) {
      await client.query("ROLLBACK");
      return null;
    }
    const event: AlertEvent = {
      alertId: row.id,
      kind: alert.kind,
      title: alert.title,
      message: alert.message,
      periodKey: alert.periodKey,
      threshold: alert.threshold,
      createdAt: row.created_at.toISOString(),
      budget: alert.budget,
      facts: alert.facts,
      link: appLink(alert.link ?? "/budgets"),
    };
    const urls = new Map(alert.webhooks.map((w) => [w.url, w.format]));
    for (const [url, format] of urls) {
      await client.query(
        `INSERT INTO webhook_deliveries (alert_id, url, format, status, attempts, next_attempt_at, payload, created_at)
         VALUES ($1, $2, $3, 'pending', 0, $4, $5, $4)`,
        [row.id, url, format, now, JSON.stringify(webhookPayload(format, event))],
      );
    }
    await client.query("COMMIT");
    return { id: row.id, kind: alert.kind, budgetId: alert.budgetId, periodKey: alert.periodKey, threshold: alert.threshold, message: alert.message, deliveries: urls.size };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A link into the app for webhook messages, when its public URL is configured (NEXTAUTH_URL). */
function appLink(path: string): string | null {
  const base = process.env.NEXTAUTH_URL;
  if (!base) return null;
  try {
    return new URL(path, base).toString();
  } catch {
    return null;
  }
}
