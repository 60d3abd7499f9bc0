import "server-only";
import { readBodyBuffer } from "@/lib/ingest/http/request-body";
import { readJsonValue } from "@/lib/api/read-json";
import { badRequest } from "@/lib/errors";
import { MetricsBodySchema, type MetricInput } from "./metric-schema";
import { parseMetricsCsv } from "./metrics-csv";

/** A CSV of 10,000 metric lines is well under this. */
export const MAX_METRICS_CSV_BYTES = 2 * 1024 * 1024;

/** POST /api/v1/metrics body: JSON (one metric or an array) or a CSV file (Content-Type text/csv). */
export async function readMetricsRequest(req: Request): Promise<MetricInput[]> {
  if ((req.headers.get("content-type") ?? "").startsWith("text/csv")) {
    const text = (await readBodyBuffer(req, MAX_METRICS_CSV_BYTES)).toString("utf8");
    if (!text.trim()) throw badRequest("send a CSV with a header line: date,name,value,team,workload");
    return parseMetricsCsv(text);
  }
  return MetricsBodySchema.parse(await readJsonValue(req));
}
