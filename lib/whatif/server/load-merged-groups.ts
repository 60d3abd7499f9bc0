import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { pool } from "@/lib/db/pool";
import { mergeAcrossDays, segmentStarts } from "../merge-days";
import type { CallGroup } from "../types";
import type { WhatIfDims } from "./dimensions";
import { CALLS_SQL, groupsOfRows, type GroupRow } from "./load-groups";

/**
 * The priced traffic of `workloadIds` in the window as call groups merged across the days that price alike: the
 * same groups as `mergeAcrossDays(loadCallGroups(...), from, breaks)` minus the unpriced ones (which re-pricing
 * skips), summed by PostgreSQL. A 30-day window on 10M calls has ~12,000 day groups but ~540 merged ones, and
 * parsing the day rows in Node cost more than the whole rest of a recommendations request.
 *
 * Each day goes to the segment starting on the last of `from` and `breaks` on or before it; the groups are then
 * merged again by mergeAcrossDays, which also folds rows that differ only by an id the dimensions name alike (a
 * team deleted since), exactly as it would the day groups.
 */
export async function loadMergedCallGroups(
  principal: Pick<Principal, "teamIds">,
  dims: WhatIfDims,
  window: { from: string; to: string; workloadIds: number[]; breaks: readonly string[] },
): Promise<CallGroup[]> {
  const segment = segmentSql(segmentStarts(window.from, window.breaks));
  const q = Prisma.sql`SELECT ${segment} AS day, s.team_id, s.workload_id, s.model_id, s.batch, s.service_tier, s.input_bucket, s.priced,
      SUM(${CALLS_SQL})::bigint, SUM(s.input_tokens)::bigint, SUM(s.cached_input_tokens)::bigint, SUM(s.cache_write_tokens)::bigint,
      SUM(s.output_tokens)::bigint, SUM(s.cost_nanos)::bigint, SUM(s.tool_cost_nanos)::bigint
    FROM usage_shape_daily s
    WHERE s.day BETWEEN ${window.from}::date AND ${window.to}::date AND s.events > 0 AND s.priced
      AND ${teamScope(principal, Prisma.raw("s.team_id"))} AND s.workload_id = ANY(${window.workloadIds}::int[])
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
  const res = await pool().query<GroupRow>({ text: q.text, values: q.values, rowMode: "array" });
  return mergeAcrossDays(groupsOfRows(res.rows, dims), window.from, window.breaks);
}

/**
 * The first day of the segment `s.day` falls in: a constant without breaks (the usual case), else the latest
 * start on or before it. (A CASE over the few starts: width_bucket over a date array cost ~0.5 us a row.)
 */
function segmentSql(starts: readonly string[]): Prisma.Sql {
  const [first, ...later] = starts;
  if (later.length === 0) return Prisma.sql`${first}::date`;
  const arms = later.reverse().map((d) => Prisma.sql`WHEN s.day >= ${d}::date THEN ${d}::date`);
  return Prisma.sql`CASE ${Prisma.join(arms, " ")} ELSE ${first}::date END`;
}
