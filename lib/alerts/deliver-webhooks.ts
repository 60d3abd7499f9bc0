import "server-only";
import { pool } from "@/lib/db/pool";
import { redactUrl } from "@/lib/net/webhook-target";
import { postWebhook } from "./post-webhook";
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from "./retry-policy";

export interface DeliveryOptions {
  now?: Date;
  policy?: RetryPolicy;
  timeoutMs?: number;
  /** Most deliveries claimed per run (the rest wait for the next run). */
  limit?: number;
  /** Only these deliveries (a manual retry); default: every due one. */
  ids?: number[];
}

export interface DeliveryRunResult {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** How long a claimed delivery stays invisible to other workers: longer than one attempt can take. */
const LEASE_MS = 60_000;

interface Claimed {
  id: number;
  alert_id: number;
  url: string;
  format: string;
  attempts: number;
  payload: unknown;
}

/**
 * Sends the webhook deliveries that are due: pending, next attempt time reached. Each is claimed first (lease +
 * SKIP LOCKED) so two server processes never send the same attempt. A failure is recorded on the delivery
 * (attempts, last error, next attempt time) and retried with exponential backoff; after the last attempt the
 * delivery is "failed" and stays visible in the alert history, never silently dropped.
 */
export async function runDueDeliveries(opts: DeliveryOptions = {}): Promise<DeliveryRunResult> {
  const now = opts.now ?? new Date();
  const policy = opts.policy ?? DEFAULT_RETRY_POLICY;
  const claimed = await pool().query<Claimed>(
    `UPDATE webhook_deliveries SET next_attempt_at = $2
     WHERE id IN (
       SELECT id FROM webhook_deliveries
       WHERE status = 'pending' AND next_attempt_at <= $1 AND ($4::int[] IS NULL OR id = ANY($4::int[]))
       ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id, alert_id, url, format, attempts, payload`,
    [now, new Date(now.getTime() + LEASE_MS), opts.limit ?? 50, opts.ids ?? null],
  );
  const result: DeliveryRunResult = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  await Promise.all(
    claimed.rows.map(async (d) => {
      const attempt = await postWebhook(
        d.url,
        d.payload,
        { "x-rightsize-alert-id": String(d.alert_id), "x-rightsize-delivery-id": String(d.id) },
        opts.timeoutMs ?? 10_000,
      );
      const attempts = d.attempts + 1;
      result.attempted++;
      if (attempt.ok) {
        result.delivered++;
        await pool().query(
          `UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, last_attempt_at = $3, delivered_at = $3, next_attempt_at = NULL, last_error = NULL WHERE id = $1`,
          [d.id, attempts, now],
        );
        return;
      }
      const next = nextAttemptAt(attempts, now, policy);
      if (next) result.retrying++;
      else result.failed++;
      await pool().query(
        `UPDATE webhook_deliveries SET status = $2, attempts = $3, last_attempt_at = $4, next_attempt_at = $5, last_error = $6 WHERE id = $1`,
        [d.id, next ? "pending" : "failed", attempts, now, next, attempt.error],
      );
      if (!next) console.error(`Webhook delivery ${d.id} (alert ${d.alert_id}) to ${redact(d.url)} failed after ${attempts} attempts: ${attempt.error}`);
    }),
  );
  return result;
}

/** A failed delivery gets one more attempt now (the Retry button); returns false if it is not failed or pending. */
export async function retryDelivery(id: number, now = new Date()): Promise<boolean> {
  const updated = await pool().query(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2 WHERE id = $1 AND status IN ('failed', 'pending')`,
    [id, now],
  );
  return (updated.rowCount ?? 0) > 0;
}

/** Webhook URLs often carry their secret in the path (Slack): logs show only the host. */
export const redact = redactUrl;
