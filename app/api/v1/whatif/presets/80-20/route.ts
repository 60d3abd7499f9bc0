import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { build8020 } from "@/lib/whatif/server/preset-8020";
import { WindowQuerySchema } from "@/lib/whatif/window";

export const dynamic = "force-dynamic";

// GET /api/v1/whatif/presets/80-20 - the "80/20" scenario: routine workloads to their cheapest floor-meeting model
export const GET = withAuth("read", async ({ req, principal }) =>
  Response.json(await build8020(principal, parseParams(WindowQuerySchema, req.nextUrl.searchParams))),
);
