import { CreateScheduleSchema, DeliverySchema, ScheduleListSchema, ScheduleSchema, SendNowResponseSchema, PatchScheduleSchema } from "@/lib/schedules/schedule-schema";
import type { ApiOperation } from "./operation";

export const scheduleOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/report-schedules",
    tag: "Reports",
    summary: "Report schedules with their recent deliveries, and whether email is configured",
    description: "email.help says how to turn email on (SMTP_URL) when it is off. Admin and finance.",
    permission: "manage_budgets",
    response: ScheduleListSchema,
  },
  {
    method: "post",
    path: "/api/v1/report-schedules",
    tag: "Reports",
    summary: "Create a report schedule",
    description:
      "monthly_report: on dayOfMonth (1-28, UTC) the previous month's report PDF plus CSV or FOCUS CSV (attachment) by email; " +
      "webhooks get a summary. weekly_digest: on weekday (1 = Monday, UTC) a team's last 7 days (spend, biggest changes, " +
      "over-specified workloads, budget status) to emails, webhooks and, with toTeamLeads, the team's leads. The first " +
      "automatic send is the next day N / weekday after creation; use Send now for the period just past.",
    permission: "manage_budgets",
    body: CreateScheduleSchema,
    response: ScheduleSchema,
  },
  {
    method: "patch",
    path: "/api/v1/report-schedules/{id}",
    tag: "Reports",
    summary: "Edit, pause or resume a schedule",
    description:
      "{enabled} pauses or resumes. Any field of the create body changes the schedule; null removes an optional one " +
      '(e.g. {"kind":"weekly_digest","dayOfMonth":null,"attachment":null,"weekday":1,"team":"search"}). The stored ' +
      "schedule with the changes laid over it is validated exactly like a create (same messages, webhooks checked " +
      "against internal addresses at save). A new timing keeps what was already sent; its current period counts as sent.",
    permission: "manage_budgets",
    body: PatchScheduleSchema,
    response: ScheduleSchema,
  },
  {
    method: "delete",
    path: "/api/v1/report-schedules/{id}",
    tag: "Reports",
    summary: "Delete a schedule and its delivery history",
    permission: "manage_budgets",
  },
  {
    method: "post",
    path: "/api/v1/report-schedules/{id}/send",
    tag: "Reports",
    summary: "Send now: the latest complete period (last month; the 7 days to yesterday) to every channel",
    description: "Answers each delivery's outcome after the first attempt; failures are retried with backoff (30 s, 1 m, 2 m, ... 8 attempts).",
    permission: "manage_budgets",
    response: SendNowResponseSchema,
  },
  {
    method: "post",
    path: "/api/v1/report-deliveries/{id}/retry",
    tag: "Reports",
    summary: "One more attempt now for a failed or pending report delivery (409 if delivered)",
    permission: "manage_budgets",
    response: DeliverySchema,
  },
];

