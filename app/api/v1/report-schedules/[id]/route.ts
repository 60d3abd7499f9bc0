import { withAuth } from "@/lib/api/with-auth";
import { idParam, readJsonValue } from "@/lib/api/read-json";
import { deleteSchedule, updateSchedule } from "@/lib/schedules/schedule-store";
import { PatchScheduleSchema } from "@/lib/schedules/schedule-schema";

export const dynamic = "force-dynamic";

// PATCH /api/v1/report-schedules/:id - {enabled} pause or resume, and/or any create field to edit; validated like a create (admin, finance)
export const PATCH = withAuth("manage_budgets", async ({ req, principal, params }) => {
  // The id first: a malformed path is named as such, whatever the body.
  const id = idParam(params.id, "report schedule id");
  const input = PatchScheduleSchema.parse(await readJsonValue(req));
  return Response.json(await updateSchedule(id, input, `${principal.kind}:${principal.label}`));
});

// DELETE /api/v1/report-schedules/:id - delete a schedule and its delivery history (admin, finance)
export const DELETE = withAuth("manage_budgets", async ({ principal, params }) => {
  await deleteSchedule(idParam(params.id, "report schedule id"), `${principal.kind}:${principal.label}`);
  return new Response(null, { status: 204 });
});
