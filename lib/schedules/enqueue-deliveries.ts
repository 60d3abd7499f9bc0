import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/db/pool";
import { composeMonthly } from "./compose-monthly";
import { composeDigest } from "./compose-digest";
import type { Slot } from "./schedule-slots";
import type { ScheduleRecord } from "./schedule-store";
import type { ReportMessage } from "./report-message";

/** The message a schedule sends for a period (built once; every channel and retry sends the same). */
export async function composeFor(s: ScheduleRecord, slot: Slot, now = new Date()): Promise<ReportMessage> {
  if (slot.period.kind === "month") return composeMonthly(slot.period.month, s.attachment ?? "csv", now);
  return composeDigest({ id: s.teamId!, slug: s.teamSlug!, name: s.teamName! }, slot.period.from, slot.period.to, now);
}

/** Email recipients: the schedule's addresses plus, for a digest with toTeamLeads, the team's active leads now. */
export async function recipients(s: ScheduleRecord): Promise<string[]> {
  const emails = new Set(s.emails.map((e) => e.toLowerCase()));
  if (s.toTeamLeads && s.teamId !== null) {
    const leads = await pool().query<{ email: string }>(
      `SELECT u.email FROM users u JOIN user_teams ut ON ut.user_id = u.id WHERE ut.team_id = $1 AND u.role = 'lead' AND u.disabled_at IS NULL`,
      [s.teamId],
    );
    for (const l of leads.rows) emails.add(l.email.toLowerCase());
  }
  return [...emails].sort();
}

/**
 * One delivery row per channel: one email to all recipients, one per webhook. Inserted in the caller's transaction
 * (the timer claims the slot in the same one) and due at once.
 */
export async function insertDeliveries(db: PoolClient, s: ScheduleRecord, periodKey: string, trigger: "schedule" | "manual", message: ReportMessage, now: Date): Promise<number[]> {
  const to = await recipients(s);
  const rows: [string, string][] = [...(to.length ? [["email", to.join(", ")] as [string, string]] : []), ...s.webhooks.map((w) => [w.format, w.url] as [string, string])];
  const ids: number[] = [];
  for (const [channel, target] of rows) {
    const r = await db.query<{ id: number }>(
      `INSERT INTO report_deliveries (schedule_id, period_key, trigger, channel, target, payload, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING id`,
      [s.id, periodKey, trigger, channel, target, JSON.stringify(message), now],
    );
    ids.push(r.rows[0].id);
  }
  return ids;
}

export function periodLabel(slot: Slot): string {
  return slot.period.kind === "month" ? slot.period.month : `${slot.period.from}..${slot.period.to}`;
}
