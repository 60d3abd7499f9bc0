import "server-only";
import { pool } from "@/lib/db/pool";
import { audit } from "@/lib/audit";
import { badRequest, notFound } from "@/lib/errors";
import { redact } from "@/lib/alerts/deliver-webhooks";
import { refusalAtSave } from "@/lib/net/webhook-target";
import { emailConfigured, SMTP_HELP } from "@/lib/email/smtp";
import { currentSlot, describeTiming, keyAfterEdit, nextRunDay } from "./schedule-slots";
import { CreateScheduleSchema, mergeSchedulePatch, type CreateSchedule, type DeliveryOut, type PatchSchedule, type ScheduleList, type ScheduleOut } from "./schedule-schema";

export interface ScheduleRecord {
  id: number;
  name: string;
  kind: "monthly_report" | "weekly_digest";
  dayOfMonth: number | null;
  weekday: number | null;
  attachment: "csv" | "focus" | null;
  teamId: number | null;
  teamSlug: string | null;
  teamName: string | null;
  emails: string[];
  webhooks: { url: string; format: "slack" | "json" }[];
  toTeamLeads: boolean;
  enabled: boolean;
  lastPeriodKey: string | null;
}

const SELECT = `SELECT s.id, s.name, s.kind, s.day_of_month AS "dayOfMonth", s.weekday, s.attachment, s.team_id AS "teamId",
  t.slug AS "teamSlug", t.name AS "teamName", COALESCE(s.emails, '{}') AS emails, s.webhooks, s.to_team_leads AS "toTeamLeads",
  s.enabled, s.last_period_key AS "lastPeriodKey"
  FROM report_schedules s LEFT JOIN teams t ON t.id = s.team_id`;

export async function loadSchedules(): Promise<ScheduleRecord[]> {
  return (await pool().query<ScheduleRecord>(`${SELECT} ORDER BY s.id`)).rows;
}

export async function loadSchedule(id: number): Promise<ScheduleRecord> {
  const row = (await pool().query<ScheduleRecord>(`${SELECT} WHERE s.id = $1`, [id])).rows[0];
  if (!row) throw notFound(`report schedule ${id}`);
  return row;
}

/**
 * Creates a schedule. Its current slot counts as sent, so the first automatic send is the NEXT day N / weekday
 * (creating a schedule on the 20th does not mail last month's report at once: "Send now" does that).
 */
export async function createSchedule(input: CreateSchedule, actor: string, now = new Date()): Promise<ScheduleOut> {
  const teamId = await checkTargets(input);
  const timing = { kind: input.kind, dayOfMonth: input.dayOfMonth ?? null, weekday: input.weekday ?? null };
  const row = await pool().query<{ id: number }>(
    `INSERT INTO report_schedules (name, kind, day_of_month, weekday, attachment, team_id, emails, webhooks, to_team_leads, last_period_key, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11) RETURNING id`,
    [input.name, input.kind, timing.dayOfMonth, timing.weekday, input.kind === "monthly_report" ? (input.attachment ?? "csv") : null, teamId,
      input.emails, JSON.stringify(input.webhooks), input.toTeamLeads, currentSlot(timing, now)?.key ?? null, actor],
  );
  await audit(actor, "report_schedule.create", `report_schedule:${row.rows[0].id}`, { name: input.name, kind: input.kind });
  return scheduleOut(await loadSchedule(row.rows[0].id), await recentDeliveries(row.rows[0].id), now);
}

/**
 * Edits a schedule: the changes laid over the stored one are validated by the create schema and the same save-time
 * checks (team exists, webhooks pass the SSRF guard). A changed timing keeps the slots already sent, and its current
 * slot counts as sent, as at create (keyAfterEdit), so an edit never re-sends a period or mails a past one at once.
 */
export async function updateSchedule(id: number, patch: PatchSchedule, actor: string, now = new Date()): Promise<ScheduleOut> {
  const before = await loadSchedule(id);
  const input = CreateScheduleSchema.parse(mergeSchedulePatch(asCreateBody(before), patch));
  const teamId = await checkTargets(input);
  const timing = { kind: input.kind, dayOfMonth: input.dayOfMonth ?? null, weekday: input.weekday ?? null };
  await pool().query(
    `UPDATE report_schedules SET name = $2, kind = $3, day_of_month = $4, weekday = $5, attachment = $6, team_id = $7, emails = $8,
       webhooks = $9::jsonb, to_team_leads = $10, enabled = COALESCE($11, enabled), last_period_key = $12 WHERE id = $1`,
    [id, input.name, input.kind, timing.dayOfMonth, timing.weekday, input.kind === "monthly_report" ? (input.attachment ?? "csv") : null, teamId,
      input.emails, JSON.stringify(input.webhooks), input.toTeamLeads, patch.enabled ?? null, keyAfterEdit(before, timing, now)],
  );
  const changed = Object.keys(patch).filter((k) => k !== "enabled");
  if (changed.length) await audit(actor, "report_schedule.update", `report_schedule:${id}`, { fields: changed });
  if (patch.enabled !== undefined && patch.enabled !== before.enabled) {
    await audit(actor, patch.enabled ? "report_schedule.enable" : "report_schedule.disable", `report_schedule:${id}`);
  }
  return scheduleOut(await loadSchedule(id), await recentDeliveries(id), now);
}

/** A stored schedule as the body that would create it (what an edit is laid over). */
function asCreateBody(s: ScheduleRecord): Record<string, unknown> {
  return {
    name: s.name,
    kind: s.kind,
    ...(s.dayOfMonth !== null ? { dayOfMonth: s.dayOfMonth } : {}),
    ...(s.weekday !== null ? { weekday: s.weekday } : {}),
    ...(s.attachment !== null ? { attachment: s.attachment } : {}),
    ...(s.teamSlug !== null ? { team: s.teamSlug } : {}),
    emails: s.emails,
    webhooks: s.webhooks,
    toTeamLeads: s.toTeamLeads,
  };
}

/** Save-time checks shared by create and edit: the team exists; webhooks pass the SSRF guard. Returns the team id. */
async function checkTargets(input: CreateSchedule): Promise<number | null> {
  let teamId: number | null = null;
  if (input.team) {
    const t = await pool().query<{ id: number }>("SELECT id FROM teams WHERE slug = $1", [input.team]);
    if (!t.rows[0]) throw badRequest(`team: no team "${input.team}"`);
    teamId = t.rows[0].id;
  }
  // Same guard as budget webhooks (SECURITY.md): no internal addresses, checked here and again at delivery.
  for (const [i, hook] of input.webhooks.entries()) {
    const refusal = await refusalAtSave(hook.url);
    if (refusal) throw badRequest(`webhooks[${i}].url: ${refusal}`);
  }
  return teamId;
}

export async function deleteSchedule(id: number, actor: string): Promise<void> {
  const deleted = await pool().query("DELETE FROM report_schedules WHERE id = $1", [id]);
  if (!deleted.rowCount) throw notFound(`report schedule ${id}`);
  await audit(actor, "report_schedule.delete", `report_schedule:${id}`);
}

export async function listSchedules(now = new Date()): Promise<ScheduleList> {
  const schedules = await loadSchedules();
  const out = await Promise.all(schedules.map(async (s) => scheduleOut(s, await recentDeliveries(s.id), now)));
  return { email: { configured: emailConfigured(), help: emailConfigured() ? null : SMTP_HELP }, schedules: out };
}

export function scheduleOut(s: ScheduleRecord, deliveries: DeliveryOut[], now: Date): ScheduleOut {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    dayOfMonth: s.dayOfMonth,
    weekday: s.weekday,
    attachment: s.attachment,
    team: s.teamSlug,
    emails: s.emails,
    webhooks: s.webhooks,
    toTeamLeads: s.toTeamLeads,
    enabled: s.enabled,
    when: describeTiming(s),
    nextRun: s.enabled ? nextRunDay(s, now) : "paused",
    lastDeliveries: deliveries,
  };
}

interface RawDelivery {
  id: number;
  period_key: string;
  trigger: "schedule" | "manual";
  channel: "email" | "slack" | "json";
  target: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
  subject: string;
}

export async function recentDeliveries(scheduleId: number, limit = 10): Promise<DeliveryOut[]> {
  const rows = await pool().query<RawDelivery>(
    `SELECT id, period_key, trigger, channel, target, status, attempts, last_error, next_attempt_at, delivered_at, created_at, payload->>'subject' AS subject
     FROM report_deliveries WHERE schedule_id = $1 ORDER BY id DESC LIMIT $2`,
    [scheduleId, limit],
  );
  return rows.rows.map(deliveryOut);
}

export async function deliveriesById(ids: number[]): Promise<DeliveryOut[]> {
  const rows = await pool().query<RawDelivery>(
    `SELECT id, period_key, trigger, channel, target, status, attempts, last_error, next_attempt_at, delivered_at, created_at, payload->>'subject' AS subject
     FROM report_deliveries WHERE id = ANY($1::int[]) ORDER BY id`,
    [ids],
  );
  return rows.rows.map(deliveryOut);
}

function deliveryOut(d: RawDelivery): DeliveryOut {
  return {
    id: d.id,
    periodKey: d.period_key,
    trigger: d.trigger,
    channel: d.channel,
    // Webhook URLs often carry their secret in the path (Slack): show the host only.
    target: d.channel === "email" ? d.target : redact(d.target),
    subject: d.subject,
    status: d.status,
    attempts: d.attempts,
    lastError: d.last_error,
    nextAttemptAt: d.next_attempt_at?.toISOString() ?? null,
    deliveredAt: d.delivered_at?.toISOString() ?? null,
    createdAt: d.created_at.toISOString(),
  };
}
