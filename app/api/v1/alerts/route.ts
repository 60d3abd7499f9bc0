import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { AlertListQuerySchema } from "@/lib/alerts/alert-schema";
import { listAlerts } from "@/lib/alerts/list-alerts";

export const dynamic = "force-dynamic";

// GET /api/v1/alerts - alert history (budget thresholds, forecast over budget, anomalies) with webhook delivery status
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = parseParams(AlertListQuerySchema, req.nextUrl.searchParams);
  return Response.json(await listAlerts(principal, query));
});
