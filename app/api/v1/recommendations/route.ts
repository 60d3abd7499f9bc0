import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { listRecommendations } from "@/lib/recommendations/list-recommendations";
import { RecommendationsQuerySchema } from "@/lib/recommendations/recommendations-schema";

export const dynamic = "force-dynamic";

// GET /api/v1/recommendations - per workload, the cheapest model meeting its quality floor on the evidence
export const GET = withAuth("read", async ({ req, principal }) =>
  Response.json(await listRecommendations(principal, parseParams(RecommendationsQuerySchema, req.nextUrl.searchParams))),
);
