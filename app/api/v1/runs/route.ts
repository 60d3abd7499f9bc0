import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { RunsQuerySchema } from "@/lib/runs/run-schemas";
import { querySummary } from "@/lib/runs/run-summary";

export const dynamic = "force-dynamic";

// GET /api/v1/runs - runs per workload (p50/p95/max cost per run, runaway runs) and the most expensive runs
export const GET = withAuth("read", async ({ req, principal }) => Response.json(await querySummary(principal, parseParams(RunsQuerySchema, req.nextUrl.searchParams))));
