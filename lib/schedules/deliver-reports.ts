import "server-only";
import { pool } from "@/lib/db/pool";
import { AppError, notFound } from "@/lib/errors";
import { postWebhook, type AttemptResult } from "@/lib/alerts/post-webhook";
import { redact } from "@/lib/alerts/deliver-webhooks";
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from "@/lib/alerts/retry-policy";
import type { DeliveryRunResult } from "@/lib/alerts/deliver-webhooks";
import { emailConfigured, sendEmail, SMTP_HELP } from "@/lib/email/smtp";
import { renderMonthlyReport } from "@/lib/reports/render-report";
import { SCHEDULE_PRINCIPAL } from "./compose-monthly";
import { emailHtml, emailText, webhookBody, type ReportMessage } from "./report-message";
import { deliveriesById } from "./schedule-store";

/** How long a claimed delivery stays invisible to other workers: longer than rendering and sending can take. */
const LEASE_MS = 5 * 60_000;

interface Claimed {
  id: number;
  schedule_id: number;
  channel: "email" | "slack" | "json";
  target: string;
  attempts: number;
  payload: ReportMessage;
}

/**
 * Sends the report deliveries that are due, with the alert machinery's rules (lib/alerts): claimed with a lease
 * and SKIP LOCKED so two processes never send the same attempt, the same webhook poster, and the same backoff
 * (retry-policy.ts) until "failed", which stays in the history with its error and a Retry button. Email without
 * SMTP_URL fails at once with how to enable it (retrying cannot help).
 */
export async function runDueReportDeliveries(opts: { now?: Date; policy?: RetryPolicy; ids?: number[]; limit?: number } = {}): Promise<DeliveryRunResult> {
  const now = opts.now ?? new Date();
  const policy = opts.policy ?? DEFAULT_RETRY_POLICY;
  const claimed = await pool().query<Claimed>(
    `UPDATE report_deliveries SET next_attempt_at = $2
     WHERE id IN (
       SELECT id FROM report_deliveries
       WHERE status = 'pending' AND next_attempt_at <= $1 AND ($4::int[] IS NULL OR id = ANY($4::int[]))
       ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id, schedule_id, channel, target, attempts, payload`,
    [now, new Date(now.getTime() + LEASE_MS), opts.limit ?? 20, opts.ids ?? null],
  );
  const result: DeliveryRunResult = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  // One at a time: a report PDF and CSV are rendered per email; several at once would compete for the database.
  for (const d of claimed.rows) {
    const attempt = await attemptDelivery(d);
    const attempts = d.attempts + 1;
    result.attempted++;
    if (attempt.ok) {
      result.delivered++;
      await pool().query(
        `UPDATE report_deliveries SET status = 'delivered', attempts = $2, last_attempt_at = $3, delivered_at = $3, next_attempt_at = NULL, last_error = NULL WHERE id = $1`,
        [d.id, attempts, now],
      );
      continue;
    }
    const hopeless = d.channel === "email" && !emailConfigured();
    const next = hopeless ? null : nextAttemptAt(attempts, now, policy);
    if (next) result.retrying++;
    else result.failed++;
    await pool().query(
      `UPDATE report_deliveries SET status = $2, attempts = $3, last_attempt_at = $4, next_attempt_at = $5, last_error = $6 WHERE id = $1`,
      [d.id, next ? "pending" : "failed", attempts, now, next, attempt.error],
    );
    if (!next) console.error(`Report delivery ${d.id} (schedule ${d.schedule_id}) to ${d.channel === "email" ? d.target : redact(d.target)} failed after ${attempts} attempt(s): ${attempt.error}`);
  }
  return result;
}

async function attemptDelivery(d: Claimed): Promise<AttemptResult> {
  if (d.channel !== "email") {
    return postWebhook(d.target, webhookBody(d.channel, d.payload), { "x-rightsize-report-schedule": String(d.schedule_id), "x-rightsize-delivery-id": String(d.id) });
  }
  if (!emailConfigured()) return { ok: false, error: SMTP_HELP };
  try {
    const attachments = [];
    for (const a of d.payload.attachments) {
      const file = await renderMonthlyReport(SCHEDULE_PRINCIPAL, a.month, a.format);
      attachments.push({ filename: file.filename, content: file.body, contentType: file.contentType });
    }
    return await sendEmail({ to: d.target.split(", "), subject: d.payload.subject, text: emailText(d.payload), html: emailHtml(d.payload), attachments });
  } catch (error) {
    return { ok: false, error: `could not build the attachments: ${(error as Error).message}` };
  }
}

/** The Retry button: one more attempt now, answered with the delivery's new state. */
export async function retryReportDelivery(id: number, now = new Date()) {
  const before = await pool().query<{ status: string }>("SELECT status FROM report_deliveries WHERE id = $1", [id]);
  if (!before.rows[0]) throw notFound(`delivery ${id}`);
  if (before.rows[0].status === "delivered") throw new AppError("conflict", `delivery ${id} was already delivered`);
  await pool().query(`UPDATE report_deliveries SET status = 'pending', next_attempt_at = $2 WHERE id = $1`, [id, now]);
  await runDueReportDeliveries({ ids: [id], now });
  return (await deliveriesById([id]))[0];
}
