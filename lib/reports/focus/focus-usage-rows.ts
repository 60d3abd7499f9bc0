import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";

/**
 * The month's usage at FOCUS grain, from usage_shape_daily: day x team x workload x model x batch x service tier x
 * input-size bucket x priced. Buckets never straddle a context-length price threshold (shape-rollup.ts), so every
 * call of a row is billed in the same tier and the row's average input size picks it. Caller's team scope applies.
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
}

interface Raw {
  day: string; team: string; team_name: string; workload: string; workload_name: string; provider: string; model: string;
  tier: string; batch: boolean; service_tier: string; input_bucket: number; priced: boolean; events: string; requests: string;
  input: string; cached: string; cache_write: string; output: string; reasoning: string; cost: string;
}

export async function focusUsageRows(principal: Pick<Principal, "teamIds">, from: string, to: string): Promise<ShapeUsageRow[]> {
  const rows = await prisma().$queryRaw<Raw[]>`
    SELECT d.day::text AS day, COALESCE(t.slug, 'unattributed') AS team, COALESCE(t.name, 'Unattributed') AS team_name,
      COALESCE(w.slug, 'unattributed') AS workload, COALESCE(w.name, 'Unattributed') AS workload_name,
      m.provider, m.name AS model, COALESCE(m.tier, 'unknown') AS tier, d.batch, d.service_tier, d.input_bucket, d.priced,
      sum(d.events)::text AS events, sum(d.requests)::text AS requests, sum(d.input_tokens)::text AS input,
      sum(d.cached_input_tokens)::text AS cached, sum(d.cache_write_tokens)::text AS cache_write,
      sum(d.output_tokens)::text AS output, sum(d.reasoning_tokens)::text AS reasoning, sum(d.cost_nanos)::text AS cost
    FROM usage_shape_daily d JOIN models m ON m.id = d.model_id
    LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id
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
  }));
}
