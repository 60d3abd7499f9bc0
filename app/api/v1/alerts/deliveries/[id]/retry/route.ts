import { withAuth } from "@/lib/api/with-auth";
import { idParam } from "@/lib/api/read-json";
import { retryDeliveryNow } from "@/lib/alerts/retry-delivery";

export const dynamic = "force-dynamic";

// POST /api/v1/alerts/deliveries/:id/retry - one more attempt of a failed (or waiting) webhook delivery, now
export const POST = withAuth("manage_budgets", async ({ params }) => Response.json(await retryDeliveryNow(idParam(params.id, "delivery id"))));
