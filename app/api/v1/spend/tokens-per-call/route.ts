import { withAuth } from "@/lib/api/with-auth";
import { queryTokensPerCall } from "@/lib/analytics/tokens-per-call";
import { TokensQuerySchema } from "@/lib/analytics/tokens-query";
import { parseParams } from "@/lib/analytics/parse-params";
import { checkFilterValues } from "@/lib/analytics/check-filters";

export const dynamic = "force-dynamic";

// GET /api/v1/spend/tokens-per-call - input/cached/output tokens per call of a workload: percentiles and histogram
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = parseParams(TokensQuerySchema, req.nextUrl.searchParams);
  await checkFilterValues(principal, query);
  return Response.json(await queryTokensPerCall(principal, query));
});
