import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { AnomalyQuerySchema } from "@/lib/anomaly-scan/anomaly-query";
import { listAnomalies } from "@/lib/anomaly-scan/list-anomalies";

export const dynamic = "force-dynamic";

// GET /api/v1/anomalies - spend spikes and switches to pricier models per workload and team, largest first
export const GET = withAuth("read", async ({ req, principal }) => {
  const query = parseParams(AnomalyQuerySchema, req.nextUrl.searchParams);
  return Response.json(await listAnomalies(principal, query));
});
