import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { pool } from "@/lib/db/pool";
import type { CallGroup } from "../types";
import type { WhatIfDims } from "./dimensions";
import { bucketRange } from "@/lib/ingest/store/shape-rollup";

/**
 * The window's traffic as engine call groups, from the usage_shape_daily roll-up (one group per day, team,
 * workload, model, batch, service tier and input-size bucket; lib/ingest/store/shape-rollup.ts), scoped to the
 * caller's teams. Rows are read as arrays and mapped once: this is the hot path of a 30-day what-if.
 * Unattributed traffic (team/workload 0) comes back with null slugs; calls stored without a cost get a null
 * baseline, which the engine leaves out and reports.
 *
 * A group counts its calls (requests: a usage-export row stands for many), and each call is priced at the tier of
 * the group's input bucket (one call's size, shape-rollup.ts). Rows whose call count is unknown (negative buckets)
 * count one call per stored row: the tier still comes from the bucket, and per-token prices are linear within a
 * tier, so only per-request fees depend on that count.
 */
export async function loadCallGroups(
  principal: Pick<Principal, "teamIds">,
  dims: WhatIfDims,
  window: { from: string; to: string; workloadIds?: number[] },
): Promise<CallGroup[]> {
  const only = window.workloadIds ? Prisma.sql`AND s.workload_id = ANY(${window.workloadIds}::int[])` : Prisma.empty;
  const q = Prisma.sql`SELECT s.day, s.team_id, s.workload_id, s.model_id, s.batch, s.service_tier, s.input_bucket, s.priced,
      ${CALLS_SQL} AS calls, s.input_tokens, s.cached_input_tokens, s.cache_write_tokens, s.output_tokens, s.cost_nanos, s.tool_cost_nanos
    FROM usage_shape_daily s
    WHERE s.day BETWEEN ${window.from}::date AND ${window.to}::date AND s.events > 0
      AND ${teamScope(principal, Prisma.raw("s.team_id"))} ${only}`;
  const res = await pool().query<GroupRow>({ text: q.text, values: q.values, rowMode: "array" });
  return groupsOfRows(res.rows, dims);
}

/**
 * A row's calls: its requests, or for rows whose call count is unknown (negative buckets, or no requests
 * recorded) one call per stored event. Computed in SQL so it can be summed (load-merged-groups.ts).
 */
export const CALLS_SQL = Prisma.sql`CASE WHEN s.input_bucket < 0 OR s.requests = 0 THEN s.events ELSE s.requests END`;

/** day, team, workload, model, batch, service tier, input bucket, priced, calls, 4 token sums, cost, tool cost. */
export type GroupRow = [string, number, number, number, boolean, string, number, boolean, string, string, string, string, string, string, string];

/** Rows (read as arrays: this is the hot path of a 30-day what-if) mapped once to engine call groups. */
export function groupsOfRows(rows: readonly GroupRow[], dims: WhatIfDims): CallGroup[] {
  const groups: CallGroup[] = new Array(rows.length);
  let n = 0;
  for (const row of rows) {
    const [day, teamId, workloadId, modelId, batch, serviceTier, bucket, priced, calls, input, cached, write, output, cost, tools] = row;
    const model = dims.models.get(modelId);
    if (!model) continue; // a model added after dims were read: the next run sees it
    const workload = workloadId === 0 ? null : dims.workloads.get(workloadId);
    if (workload === undefined) continue; // created after dims were read: the next run sees it
    groups[n++] = {
      day,
      workloadSlug: workload?.slug ?? null,
      teamSlug: teamId === 0 ? null : (dims.teams.get(teamId)?.slug ?? null),
      taskClass: workload?.taskClass ?? null,
      provider: model.provider,
      model: model.name,
      calls: Number(calls),
      inputTokens: Number(input),
      cachedInputTokens: Number(cached),
      cacheWriteTokens: Number(write),
      outputTokens: Number(output),
      baselineCostNanos: priced ? BigInt(cost) : null,
      toolCostNanos: priced ? BigInt(tools) : 0n,
      batch,
      serviceTier: serviceTier === "" ? null : serviceTier,
      sizeBucket: bucket,
      tierInputTokens: bucketRange(bucket).from,
    };
  }
  groups.length = n;
  return groups;
}
