import { withAuth } from "@/lib/api/with-auth";
import { querySpend } from "@/lib/analytics/spend";
import { SpendQuerySchema } from "@/lib/analytics/spend-query";

export const dynamic = "force-dynamic";

// GET /api/v1/spend - spend grouped by one dimension, scoped to the caller's teams
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = SpendQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  return Response.json(await querySpend(principal, query));
});
