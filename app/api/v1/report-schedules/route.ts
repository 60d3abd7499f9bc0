import { withAuth } from "@/lib/api/with-auth";
import { readJsonValue } from "@/lib/api/read-json";
import { CreateScheduleSchema } from "@/lib/schedules/schedule-schema";
import { createSchedule, listSchedules } from "@/lib/schedules/schedule-store";

export const dynamic = "force-dynamic";

// GET /api/v1/report-schedules - schedules with their recent deliveries, and whether email is configured (admin, finance)
export const GET = withAuth("manage_budgets", async () => Response.json(await listSchedules()));

// POST /api/v1/report-schedules - {name, kind, dayOfMonth | weekday + team, attachment?, emails, webhooks, toTeamLeads?} (admin, finance)
export const POST = withAuth("manage_budgets", async ({ req, principal }) => {
  const input = CreateScheduleSchema.parse(await readJsonValue(req));
  return Response.json(await createSchedule(input, `${principal.kind}:${principal.label}`), { status: 201 });
});
