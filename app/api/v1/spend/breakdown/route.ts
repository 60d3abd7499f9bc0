import { withAuth } from "@/lib/api/with-auth";
import { queryBreakdown } from "@/lib/analytics/query-breakdown";
import { BreakdownQuerySchema } from "@/lib/analytics/breakdown-query";
import { parseParams } from "@/lib/analytics/parse-params";
import { checkFilterValues } from "@/lib/analytics/check-filters";
import { reportingCurrency } from "@/lib/currency/rates-store";

export const dynamic = "force-dynamic";

// GET /api/v1/spend/breakdown - rows by team/workload/model/provider/tier with tier mix and the previous period
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = parseParams(BreakdownQuerySchema, req.nextUrl.searchParams);
  await checkFilterValues(principal, query);
  return Response.json(await queryBreakdown(principal, query, new Date(), await reportingCurrency()));
});
