import { z } from "zod";
import { RunDetailSchema, RunsQuerySchema, RunsResponseSchema } from "@/lib/runs/run-schemas";
import { MetricInputSchema, MetricSeriesSchema, MetricsResultSchema, MAX_METRICS_PER_REQUEST } from "@/lib/metrics/metric-schema";
import { UnitCostQuerySchema, UnitCostResponseSchema } from "@/lib/metrics/unit-cost-schema";
import { CommitmentPlanSchema, CommitmentRequestSchema } from "@/lib/commitments/commitment-schema";
import type { ApiOperation } from "./operation";

/** Issue 13: runs and sessions, business metrics and unit costs, the commitment planner. */
export const unitEconomicsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/runs",
    tag: "Runs",
    summary: "Runs (calls sharing a run, session or trace id) per workload: p50/p95/p99/max cost per run, runaway runs, cost per successful outcome",
    description:
      "Runs are counted in the range where they started. Percentiles are nearest rank on the exact cost of each run (an actual run's cost); " +
      "a run is runaway when it costs more than its workload's p99 in the range (a workload needs 100 runs for that to flag anything). " +
      "Which id groups calls: native events run_id > session_id > trace_id; OTLP rightsize.run_id > gen_ai.conversation.id / session.id > trace id; " +
      "LiteLLM spend_logs_metadata.run_id > session_id > metadata.trace_id. Team scope applies.",
    permission: "read",
    query: RunsQuerySchema,
    response: RunsResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/runs/{runId}",
    tag: "Runs",
    summary: "One run: its cost, its calls by model and each call in time order (at most 500)",
    description: "404 when no part of the run is in the caller's teams.",
    permission: "read",
    response: RunDetailSchema,
  },
  {
    method: "get",
    path: "/api/v1/metrics",
    tag: "Unit costs",
    summary: "The business-metric series there are (name x team x workload) the caller may see",
    permission: "read",
    response: z.object({ series: z.array(MetricSeriesSchema) }),
  },
  {
    method: "post",
    path: "/api/v1/metrics",
    tag: "Unit costs",
    summary: "Send business metrics: {date, name, value, team?, workload?}, an array of them, or a CSV",
    description:
      `Idempotent: the same date, name, team and workload sent again replaces the value. Values are exact decimals (9 places). ` +
      `A CSV (Content-Type text/csv) has the header date,name,value[,team][,workload]; all or nothing, a bad line is a 400 naming it. ` +
      `At most ${MAX_METRICS_PER_REQUEST} values per request. A team-bound key may only send metrics of its team.`,
    permission: "ingest",
    body: z.union([MetricInputSchema, z.array(MetricInputSchema)]),
    bodyContentTypes: ["application/json", "text/csv"],
    response: MetricsResultSchema,
  },
  {
    method: "get",
    path: "/api/v1/metrics/unit-cost",
    tag: "Unit costs",
    summary: "Spend per unit of a business metric over time (per day or month), exact",
    description:
      "The spend is the metric's scope: its workload (and team) when it names one, else its team, else the organisation (all-teams callers only). " +
      "Only days with a value count, so spend and units cover the same days. Default range: 90 days to today.",
    permission: "read",
    query: UnitCostQuerySchema,
    response: UnitCostResponseSchema,
  },
  {
    method: "post",
    path: "/api/v1/plans/commitment",
    tag: "What-if",
    summary: "Weigh a commitment / provisioned-throughput offer against pay-as-you-go on the model's observed hourly load",
    description:
      "Reserved capacity serves up to capacityTokensPerMinute each hour; tokens above it are paid as you go at that hour's price. Observed-window " +
      "costs are exact; term figures are estimates (the window repeated), with a range from projecting each observed week alone. With scenarioId, " +
      "the saved scenario reroutes first and the offer is weighed on what remains. Non-batch calls only; team scope applies.",
    permission: "read",
    body: CommitmentRequestSchema,
    response: CommitmentPlanSchema,
  },
];
