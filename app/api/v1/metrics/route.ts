import { withAuth } from "@/lib/api/with-auth";
import { readMetricsRequest } from "@/lib/metrics/read-metrics-request";
import { listMetricSeries, storeMetrics } from "@/lib/metrics/store-metrics";

export const dynamic = "force-dynamic";

// GET /api/v1/metrics - the business-metric series there are (name x team x workload) the caller may see
export const GET = withAuth("read", async ({ principal }) => Response.json({ series: await listMetricSeries(principal) }));

// POST /api/v1/metrics - {date, name, value, team?, workload?}, an array of them, or a CSV (text/csv); a resend replaces
export const POST = withAuth("ingest", async ({ req, principal }) => Response.json(await storeMetrics(principal, await readMetricsRequest(req))));
