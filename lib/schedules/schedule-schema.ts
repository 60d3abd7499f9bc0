import { z } from "zod";

/** Report schedules API (/api/v1/report-schedules) and the Reports page's Schedules tab. */
export const SCHEDULE_KINDS = ["monthly_report", "weekly_digest"] as const;
export const WEBHOOK_FORMATS = ["slack", "json"] as const;

const webhook = z.object({
  url: z.string().trim().url("must be a URL").refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL"),
  format: z.enum(WEBHOOK_FORMATS, { message: "must be slack or json" }).default("json"),
});

const ScheduleFields = z
  .object({
    name: z.string().trim().min(1, "give the schedule a name").max(120),
    kind: z.enum(SCHEDULE_KINDS, { message: "must be monthly_report or weekly_digest" }),
    dayOfMonth: z.number().int().min(1, "must be 1-28").max(28, "must be 1-28 (every month has it)").optional().describe("monthly_report: UTC day it is sent, about the month before"),
    weekday: z.number().int().min(1, "must be 1 (Monday) to 7 (Sunday)").max(7, "must be 1 (Monday) to 7 (Sunday)").optional().describe("weekly_digest: ISO weekday it is sent, about the 7 days before"),
    attachment: z.enum(["csv", "focus"], { message: "must be csv or focus" }).optional().describe("monthly_report: data file attached beside the PDF (default csv)"),
    team: z.string().trim().min(1).optional().describe("weekly_digest: the team slug it is about"),
    emails: z.array(z.string().trim().email("must be an email address")).max(50).default([]),
    webhooks: z.array(webhook).max(10).default([]).describe("Slack incoming webhooks (format slack) or any JSON endpoint"),
    toTeamLeads: z.boolean().default(false).describe("weekly_digest: also email the team's leads"),
  })
  .strict();

export const CreateScheduleSchema = ScheduleFields.superRefine((s, ctx) => {
    if (s.kind === "monthly_report") {
      if (s.dayOfMonth === undefined) ctx.addIssue({ code: "custom", path: ["dayOfMonth"], message: "a monthly report needs dayOfMonth (1-28)" });
      for (const f of ["weekday", "team"] as const) if (s[f] !== undefined) ctx.addIssue({ code: "custom", path: [f], message: `only for weekly_digest` });
      if (s.toTeamLeads) ctx.addIssue({ code: "custom", path: ["toTeamLeads"], message: "only for weekly_digest" });
    } else {
      if (s.weekday === undefined) ctx.addIssue({ code: "custom", path: ["weekday"], message: "a weekly digest needs weekday (1 = Monday ... 7 = Sunday)" });
      if (s.team === undefined) ctx.addIssue({ code: "custom", path: ["team"], message: "a weekly digest needs the team it is about" });
      for (const f of ["dayOfMonth", "attachment"] as const) if (s[f] !== undefined) ctx.addIssue({ code: "custom", path: [f], message: "only for monthly_report" });
    }
    if (s.emails.length === 0 && s.webhooks.length === 0 && !s.toTeamLeads) ctx.addIssue({ code: "custom", path: ["emails"], message: "give at least one email recipient or webhook" });
  });
export type CreateSchedule = z.infer<typeof CreateScheduleSchema>;

/**
 * PATCH /api/v1/report-schedules/{id}: {enabled} pauses or resumes; any field of the create body changes it (null
 * clears an optional one, e.g. dayOfMonth when switching to a weekly digest). The changed fields are laid over the
 * stored schedule and the result is checked by CreateScheduleSchema itself, so an edit is validated exactly like a
 * create (and its webhooks get the same SSRF check at save).
 */
export const PatchScheduleSchema = z
  .object({
    name: z.unknown().optional(),
    kind: z.unknown().optional(),
    dayOfMonth: z.unknown().optional(),
    weekday: z.unknown().optional(),
    attachment: z.unknown().optional(),
    team: z.unknown().optional(),
    emails: z.unknown().optional(),
    webhooks: z.unknown().optional(),
    toTeamLeads: z.unknown().optional(),
    enabled: z.boolean({ message: "enabled must be true or false" }).optional(),
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: "nothing to change: give enabled, or fields of the schedule (name, kind, dayOfMonth, weekday, attachment, team, emails, webhooks, toTeamLeads)" })
  .describe("any subset of the create body, and/or enabled");
export type PatchSchedule = z.infer<typeof PatchScheduleSchema>;

/** The stored schedule as a create body, the changes laid over it (null removes a field), for CreateScheduleSchema. */
export function mergeSchedulePatch(current: Record<string, unknown>, patch: PatchSchedule): Record<string, unknown> {
  const { enabled: _enabled, ...fields } = patch;
  void _enabled;
  const merged: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  return merged;
}

export const DeliverySchema = z.object({
  id: z.number().int(),
  periodKey: z.string(),
  trigger: z.enum(["schedule", "manual"]),
  channel: z.enum(["email", "slack", "json"]),
  target: z.string().describe("recipients, or the webhook's host (its path may hold a secret)"),
  subject: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryOut = z.infer<typeof DeliverySchema>;

export const ScheduleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(SCHEDULE_KINDS),
  dayOfMonth: z.number().int().nullable(),
  weekday: z.number().int().nullable(),
  attachment: z.enum(["csv", "focus"]).nullable(),
  team: z.string().nullable(),
  emails: z.array(z.string()),
  webhooks: z.array(z.object({ url: z.string(), format: z.enum(WEBHOOK_FORMATS) })),
  toTeamLeads: z.boolean(),
  enabled: z.boolean(),
  when: z.string().describe('e.g. "Monthly on day 3 (UTC), about the month before"'),
  nextRun: z.string().describe("UTC day of the next automatic send"),
  lastDeliveries: z.array(DeliverySchema).describe("the 10 most recent"),
});
export type ScheduleOut = z.infer<typeof ScheduleSchema>;

export const ScheduleListSchema = z.object({
  email: z.object({ configured: z.boolean(), help: z.string().nullable().describe("how to turn email on, when it is off") }),
  schedules: z.array(ScheduleSchema),
});
export type ScheduleList = z.infer<typeof ScheduleListSchema>;

export const SendNowResponseSchema = z.object({ periodKey: z.string(), deliveries: z.array(DeliverySchema) });

