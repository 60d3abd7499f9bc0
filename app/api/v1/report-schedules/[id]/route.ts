import { withAuth } from "@/lib/api/with-auth";
import { pathId, readJsonBody } from "@/lib/budgets/request-input";
import { deleteSchedule, setScheduleEnabled } from "@/lib/schedules/schedule-store";
import { ToggleScheduleSchema } from "@/lib/schedules/schedule-schema";

export const dynamic = "force-dynamic";

// PATCH /api/v1/report-schedules/:id - {enabled} pause or resume (admin, finance)
export const PATCH = withAuth("manage_budgets", async ({ req, principal, params }) => {
  // The id first: a malformed path is named as such, whatever the body.
  const id = pathId(params.id, "report schedule");
  const input = ToggleScheduleSchema.parse(await readJsonBody(req));
  await setScheduleEnabled(id, input.enabled, `${principal.kind}:${principal.label}`);
  return new Response(null, { status: 204 });
});

// DELETE /api/v1/report-schedules/:id - delete a schedule and its delivery history (admin, finance)
export const DELETE = withAuth("manage_budgets", async ({ principal, params }) => {
  await deleteSchedule(pathId(params.id, "report schedule"), `${principal.kind}:${principal.label}`);
  return new Response(null, { status: 204 });
});
