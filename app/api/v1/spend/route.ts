import { withAuth } from "@/lib/api/with-auth";
import { querySpend } from "@/lib/analytics/spend";
import { SpendQuerySchema } from "@/lib/analytics/spend-query";
import { parseParams } from "@/lib/analytics/parse-params";
import { splitTagParams } from "@/lib/analytics/tag-params";
import { checkFilterValues } from "@/lib/analytics/check-filters";
import { reportingCurrency } from "@/lib/currency/rates-store";

export const dynamic = "force-dynamic";

// GET /api/v1/spend - spend grouped by one dimension (or a promoted tag key: groupBy=tag:<key>, tag.<key>=<value>),
// scoped to the caller's teams
export const GET = withAuth("read", async ({ req, principal }) => {
  const { rest, tag } = splitTagParams(req.nextUrl.searchParams);
  const query = { ...parseParams(SpendQuerySchema, rest), tag };
  await checkFilterValues(principal, query);
  return Response.json(await querySpend(principal, query, new Date(), await reportingCurrency()));
});
