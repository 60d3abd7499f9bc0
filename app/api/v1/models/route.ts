import { withAuth } from "@/lib/api/with-auth";
import { listModels } from "@/lib/analytics/model-tiers";

export const dynamic = "force-dynamic";

// GET /api/v1/models - every model seen, with its tier (and whether an admin set it) and the price-derived default
export const GET = withAuth("read", async () => Response.json({ models: await listModels() }));
