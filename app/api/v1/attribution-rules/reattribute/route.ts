import { withAuth } from "@/lib/api/with-auth";
import { reattributeNow } from "@/lib/attribution/change-rules";

export const dynamic = "force-dynamic";

// POST /api/v1/attribution-rules/reattribute - recompute history against the current rules (e.g. after teams changed)
export const POST = withAuth("manage_settings", async ({ principal }) => Response.json(await reattributeNow(`user:${principal.label}`)));
