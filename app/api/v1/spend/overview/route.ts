import { withAuth } from "@/lib/api/with-auth";
import { queryOverview } from "@/lib/analytics/overview";
import { OverviewQuerySchema } from "@/lib/analytics/overview-query";
import { parseParams } from "@/lib/analytics/parse-params";
import { checkFilterValues } from "@/lib/analytics/check-filters";
import { reportingCurrency } from "@/lib/currency/rates-store";

export const dynamic = "force-dynamic";

// GET /api/v1/spend/overview - KPIs of a range (coverage, tier shares, vs previous period) and this month's pace
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = parseParams(OverviewQuerySchema, req.nextUrl.searchParams);
  await checkFilterValues(principal, query);
  return Response.json(await queryOverview(principal, query, new Date(), await reportingCurrency()));
});
