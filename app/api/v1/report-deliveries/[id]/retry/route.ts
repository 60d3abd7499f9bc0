import { withAuth } from "@/lib/api/with-auth";
import { idParam } from "@/lib/api/read-json";
import { retryReportDelivery } from "@/lib/schedules/deliver-reports";

export const dynamic = "force-dynamic";

// POST /api/v1/report-deliveries/:id/retry - one more attempt now for a failed or pending delivery (admin, finance)
export const POST = withAuth("manage_budgets", async ({ params }) => Response.json(await retryReportDelivery(idParam(params.id, "delivery id"))));
