import { withAuth } from "@/lib/api/with-auth";
import { listUnpricedModels } from "@/lib/ingest/queries/unpriced-models";

export const dynamic = "force-dynamic";

// GET /api/v1/unpriced-models - models whose stored calls have no price, with their calls and tokens (team-scoped)
export const GET = withAuth("read", async ({ principal }) => Response.json({ models: await listUnpricedModels(principal) }));
