import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { INPUT_BUCKET_SQL } from "@/lib/ingest/store/shape-rollup";
import { TOOL_CALLS_SQL } from "@/lib/pricing/server-tools";

/**
 * The month's usage at FOCUS grain, from usage_shape_daily: day x team x workload x model x batch x service tier x
 * input-size bucket x priced. Buckets never straddle a context-length price threshold (shape-rollup.ts), so every
 * call of a row is billed in the same tier and the row's average input size picks it. Caller's team scope applies.
 *
 * Server-side tool calls (web/file search) are not in the shape roll-up, so they are read from the month's raw
 * calls that carry a tool charge (usage_events.tool_cost_nanos <> 0, few) grouped by the same key, input-size
 * bucket included (INPUT_BUCKET_SQL), and joined to their shape row: each row knows exactly which part of its cost
 * is tool charges and how many searches it made (the FOCUS non-token charges, charge-meters.ts toolMeters).
 */
export interface ShapeUsageRow {
  day: string;
  team: string;
  teamName: string;
  workload: string;
  workloadName: string;
  provider: string;
  model: string;
  tier: string;
  batch: boolean;
  serviceTier: string;
  inputBucket: number;
  priced: boolean;
  events: number;
  requests: number;
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  costNanos: bigint;
  /** Server-side tool calls of the row and their cost (part of costNanos). */
  webSearches: number;
  fileSearches: number;
  toolCostNanos: bigint;
}

interface Raw {
  day: string; team: string; team_name: string; workload: string; workload_name: string; provider: string; model: string;
  tier: string; batch: boolean; service_tier: string; input_bucket: number; priced: boolean; events: string; requests: string;
  input: string; cached: string; cache_write: string; output: string; reasoning: string; cost: string;
  web: string; file: string; tool_cost: string;
}

/** A tag count as the pricer reads it (toolCallsFromTags: digits only), else 0. */
const count = (sql: string) => `CASE WHEN ${sql} ~ '^[0-9]{1,9}$' THEN (${sql})::bigint ELSE 0 END`;

export async function focusUsageRows(principal: Pick<Principal, "teamIds">, from: string, to: string): Promise<ShapeUsageRow[]> {
  const rows = await prisma().$queryRaw<Raw[]>`
    WITH tools AS (
      SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, COALESCE(e.team_id, 0) AS team_id, COALESCE(e.workload_id, 0) AS workload_id,
        e.model_id, e.batch, COALESCE(e.service_tier, '') AS service_tier, ${Prisma.raw(INPUT_BUCKET_SQL)} AS input_bucket,
        sum(${Prisma.raw(count(TOOL_CALLS_SQL.webSearches))}) AS web, sum(${Prisma.raw(count(TOOL_CALLS_SQL.fileSearches))}) AS file,
        sum(e.tool_cost_nanos) AS cost
      FROM usage_events e
      WHERE e.occurred_at >= ${from}::date AT TIME ZONE 'UTC' AND e.occurred_at < (${to}::date + 1) AT TIME ZONE 'UTC'
        AND e.tool_cost_nanos <> 0 AND ${teamScope(principal, Prisma.raw("e.team_id"))}
      GROUP BY 1, 2, 3, 4, 5, 6, 7)
    SELECT d.day::text AS day, COALESCE(t.slug, 'unattributed') AS team, COALESCE(t.name, 'Unattributed') AS team_name,
      COALESCE(w.slug, 'unattributed') AS workload, COALESCE(w.name, 'Unattributed') AS workload_name,
      m.provider, m.name AS model, COALESCE(m.tier, 'unknown') AS tier, d.batch, d.service_tier, d.input_bucket, d.priced,
      sum(d.events)::text AS events, sum(d.requests)::text AS requests, sum(d.input_tokens)::text AS input,
      sum(d.cached_input_tokens)::text AS cached, sum(d.cache_write_tokens)::text AS cache_write,
      sum(d.output_tokens)::text AS output, sum(d.reasoning_tokens)::text AS reasoning, sum(d.cost_nanos)::text AS cost,
      COALESCE(sum(tl.web), 0)::text AS web, COALESCE(sum(tl.file), 0)::text AS file, COALESCE(sum(tl.cost), 0)::text AS tool_cost
    FROM usage_shape_daily d JOIN models m ON m.id = d.model_id
    LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id
    LEFT JOIN tools tl ON d.priced AND tl.day = d.day AND tl.team_id = d.team_id AND tl.workload_id = d.workload_id AND tl.model_id = d.model_id
      AND tl.batch = d.batch AND tl.service_tier = d.service_tier AND tl.input_bucket = d.input_bucket
    WHERE d.day BETWEEN ${from}::date AND ${to}::date AND ${teamScope(principal)}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    ORDER BY 1, 2, 4, 6, 7, 9, 10, 11, 12`;
  return rows.map((r) => ({
    day: r.day,
    team: r.team,
    teamName: r.team_name,
    workload: r.workload,
    workloadName: r.workload_name,
    provider: r.provider,
    model: r.model,
    tier: r.tier,
    batch: r.batch,
    serviceTier: r.service_tier,
    inputBucket: r.input_bucket,
    priced: r.priced,
    events: Number(r.events),
    requests: Number(r.requests),
    inputTokens: Number(r.input),
    cachedInputTokens: Number(r.cached),
    cacheWriteTokens: Number(r.cache_write),
    outputTokens: Number(r.output),
    reasoningTokens: Number(r.reasoning),
    costNanos: BigInt(r.cost),
    webSearches: Number(r.web),
    fileSearches: Number(r.file),
    toolCostNanos: BigInt(r.tool_cost),
  }));
}
