import { withAuth } from "@/lib/api/with-auth";
import { querySeries } from "@/lib/analytics/series";
import { SeriesQuerySchema } from "@/lib/analytics/series-query";
import { parseParams } from "@/lib/analytics/parse-params";
import { splitTagParams } from "@/lib/analytics/tag-params";
import { checkFilterValues } from "@/lib/analytics/check-filters";
import { reportingCurrency } from "@/lib/currency/rates-store";

export const dynamic = "force-dynamic";

// GET /api/v1/spend/series - spend per day/week/month stacked by one dimension (or a promoted tag key), zero-filled
export const GET = withAuth("read", async ({ req, principal }) => {
  const { rest, tag } = splitTagParams(req.nextUrl.searchParams);
  const query = { ...parseParams(SeriesQuerySchema, rest), tag };
  await checkFilterValues(principal, query);
  return Response.json(await querySeries(principal, query, new Date(), await reportingCurrency()));
});
