import { withAuth } from "@/lib/api/with-auth";
import { idParam } from "@/lib/api/read-json";
import { sendScheduleNow } from "@/lib/schedules/run-schedules";

export const dynamic = "force-dynamic";

// POST /api/v1/report-schedules/:id/send - "Send now": the latest complete period to every channel, with outcomes (admin, finance)
export const POST = withAuth("manage_budgets", async ({ params }) => Response.json(await sendScheduleNow(idParam(params.id, "report schedule id"))));
