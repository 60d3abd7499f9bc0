import { withAuth } from "@/lib/api/with-auth";
import { querySeries } from "@/lib/analytics/series";
import { SeriesQuerySchema } from "@/lib/analytics/series-query";
import { parseParams } from "@/lib/analytics/parse-params";
import { checkFilterValues } from "@/lib/analytics/check-filters";

export const dynamic = "force-dynamic";

// GET /api/v1/spend/series - spend per day/week/month stacked by one dimension, zero-filled
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = parseParams(SeriesQuerySchema, req.nextUrl.searchParams);
  await checkFilterValues(principal, query);
  return Response.json(await querySeries(principal, query));
});
