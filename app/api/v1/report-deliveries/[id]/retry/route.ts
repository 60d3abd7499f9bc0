import { withAuth } from "@/lib/api/with-auth";
import { pathId } from "@/lib/budgets/request-input";
import { retryReportDelivery } from "@/lib/schedules/deliver-reports";

export const dynamic = "force-dynamic";

// POST /api/v1/report-deliveries/:id/retry - one more attempt now for a failed or pending delivery (admin, finance)
export const POST = withAuth("manage_budgets", async ({ params }) => Response.json(await retryReportDelivery(pathId(params.id, "delivery"))));
