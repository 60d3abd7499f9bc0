import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { measuresFromRaw, type Measures, type RawMeasures } from "@/lib/analytics/measures";

/**
 * The month's usage at export grain: one row per day x team x workload x model x batch, from the daily roll-ups
 * with the caller's team scope, in a stable order (day, team, workload, provider, model). The CSV merges the batch
 * split; FOCUS keeps it (batch calls have their own price).
 */
/** Row counts added for issue 9.3; optional so rows built elsewhere (tests, FOCUS) stay valid: absent = 0. */
type RowCounts = "unpricedEvents" | "uncountedEvents" | "uncountedCostNanos";

export interface UsageRow extends Omit<Measures, RowCounts>, Partial<Pick<Measures, RowCounts>> {
  day: string;
  team: string;
  teamName: string;
  workload: string;
  workloadName: string;
  provider: string;
  model: string;
  tier: string;
  batch: boolean;
  /** The part of costNanos that is server-side tool calls, not tokens (non-token-charges.ts); usageRows always sets it. */
  toolCostNanos?: bigint;
}

interface Raw extends RawMeasures {
  day: string;
  team: string;
  team_name: string;
  workload: string;
  workload_name: string;
  provider: string;
  model: string;
  tier: string;
  batch: boolean;
  tool_cost: string;
}

export async function usageRows(principal: Pick<Principal, "teamIds">, from: string, to: string): Promise<UsageRow[]> {
  const rows = await prisma().$queryRaw<Raw[]>`
    SELECT d.day::text AS day, COALESCE(t.slug, 'unattributed') AS team, COALESCE(t.name, 'Unattributed') AS team_name,
      COALESCE(w.slug, 'unattributed') AS workload, COALESCE(w.name, 'Unattributed') AS workload_name,
      m.provider, m.name AS model, COALESCE(m.tier, 'unknown') AS tier, d.batch,
      sum(d.requests)::text AS requests, sum(d.input_tokens)::text AS input, sum(d.cached_input_tokens)::text AS cached,
      sum(d.cache_write_tokens)::text AS cache_write, sum(d.output_tokens)::text AS output,
      sum(d.reasoning_tokens)::text AS reasoning, sum(d.cost_nanos)::text AS cost, sum(d.unpriced_requests)::text AS unpriced,
      sum(d.unpriced_events)::text AS unpriced_events, sum(d.uncounted_events)::text AS uncounted, sum(d.uncounted_cost_nanos)::text AS uncounted_cost,
      sum(d.tool_cost_nanos)::text AS tool_cost
    FROM usage_daily d JOIN models m ON m.id = d.model_id
    LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id
    WHERE d.day BETWEEN ${from}::date AND ${to}::date AND ${teamScope(principal)}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ORDER BY 1, 2, 4, 6, 7, 9`;
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
    toolCostNanos: BigInt(r.tool_cost),
    ...measuresFromRaw(r),
  }));
}

