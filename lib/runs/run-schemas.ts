import { z } from "zod";
import { FilterParams, RangeParams } from "@/lib/analytics/spend-query";

/** GET /api/v1/runs: runs that started in the range, per workload and the most expensive ones (public contract). */
export const RunsQuerySchema = z.object({
  ...RangeParams,
  team: FilterParams.team,
  workload: FilterParams.workload,
  limit: z.coerce.number().int().min(1).max(200).default(20).describe("how many of the most expensive runs to list (default 20)"),
});
export type RunsQuery = z.infer<typeof RunsQuerySchema>;

export const RUN_KINDS = { 1: "run", 2: "session", 3: "trace" } as const;
export type RunKindName = (typeof RUN_KINDS)[keyof typeof RUN_KINDS];

const usd = (what: string) => z.string().describe(`${what}; decimal string in USD, exact to the nano-dollar`);
const usdOrNull = (what: string) => usd(what).nullable();

export const RunRowSchema = z.object({
  runId: z.string(),
  kind: z.enum(["run", "session", "trace"]).describe("which id grouped the calls: an explicit run id, a session id or a trace id"),
  team: z.string().describe("team slug or `unattributed`"),
  workload: z.string().describe("workload slug or `unattributed`"),
  workloadLabel: z.string(),
  firstAt: z.string().describe("first call, ISO-8601"),
  lastAt: z.string().describe("last call, ISO-8601"),
  calls: z.number().int(),
  costUsd: usd("cost of all the run's calls"),
  unpricedCalls: z.number().int(),
  errorCalls: z.number().int(),
  models: z.array(z.string()).describe("models the run called, provider/name"),
  runaway: z.boolean().describe("cost above the p99 run cost of its workload in the range"),
});
export type RunRow = z.infer<typeof RunRowSchema>;

export const WorkloadRunStatsSchema = z.object({
  workload: z.string(),
  label: z.string(),
  runs: z.number().int(),
  calls: z.number().int(),
  costUsd: usd("cost of the runs"),
  callsPerRun: z.string().describe("mean calls per run (2 decimals)"),
  meanPerRunUsd: usdOrNull("mean cost per run"),
  p50Usd: usd("median run cost (nearest rank: an actual run's cost)"),
  p95Usd: usd("95th percentile run cost (nearest rank)"),
  p99Usd: usd("99th percentile run cost (nearest rank); runs above it are runaway"),
  maxUsd: usd("most expensive run"),
  runawayRuns: z.number().int(),
  costPerCallUsd: usdOrNull("cost / calls"),
  okCalls: z.number().int().describe("calls whose status is ok"),
  costPerOkCallUsd: usdOrNull("all cost / calls with status ok (failed calls' cost included)"),
  outcomeCalls: z.number().int().describe("calls carrying an `outcome` tag"),
  successfulOutcomes: z.number().int().describe("calls whose outcome is a success (resolved, completed...)"),
  costPerSuccessfulOutcomeUsd: usdOrNull("all cost / successful outcomes; null without outcomes"),
});
export type WorkloadRunStats = z.infer<typeof WorkloadRunStatsSchema>;

export const RunsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  workloads: z.array(WorkloadRunStatsSchema),
  top: z.array(RunRowSchema).describe("the most expensive runs, most expensive first"),
  runaway: z.array(RunRowSchema).describe("runs above their workload's p99, most expensive first (at most `limit`)"),
});
export type RunsResponse = z.infer<typeof RunsResponseSchema>;

export const RunCallSchema = z.object({
  at: z.string(),
  model: z.string(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: usdOrNull("the call's cost; null when unpriced"),
  status: z.string().nullable(),
  outcome: z.string().nullable(),
  latencyMs: z.number().int().nullable(),
});

export const RunDetailSchema = z.object({
  run: RunRowSchema.omit({ runaway: true }),
  byModel: z.array(z.object({ model: z.string(), calls: z.number().int(), inputTokens: z.number().int(), outputTokens: z.number().int(), costUsd: usd("") })),
  calls: z.array(RunCallSchema).describe("the run's calls in time order (at most 500)"),
  truncated: z.boolean(),
});
export type RunDetail = z.infer<typeof RunDetailSchema>;

/** A run id in the path (URL-decoded by Next.js): the id as sent, at most 256 characters. */
export const RunIdSchema = z.string({ message: "runId: is required" }).min(1, "runId: must not be empty").max(256, "runId: is longer than 256 characters");
