import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { listOverSpecified } from "@/lib/recommendations/over-specified";
import { OverSpecifiedQuerySchema } from "@/lib/recommendations/recommendations-schema";

export const dynamic = "force-dynamic";

// GET /api/v1/recommendations/over-specified - workloads paying for more model than they need, money at stake first
export const GET = withAuth("read", async ({ req, principal }) =>
  Response.json(await listOverSpecified(principal, parseParams(OverSpecifiedQuerySchema, req.nextUrl.searchParams))),
);
