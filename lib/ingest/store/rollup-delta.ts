import type pg from "pg";
import { DAILY_INSERT, DAILY_UPSERT, USER_INSERT, USER_UPSERT } from "./columns";
import { INPUT_BUCKET_SQL, SHAPE_INSERT, SHAPE_UPSERT } from "./shape-rollup";
import { DIMENSION_INSERT, DIMENSION_UPSERT, dimensionRollupSelect, lockedDimensionKeys } from "./dimension-rollup";
import { SLOT_INSERT, SLOT_UPSERT, SLOTS_OF_DAYS, slotRollupSelect } from "./slot-rollup";
import { RUN_INSERT, RUN_UPSERT, runRollupSelect } from "./run-rollup";
import { outcomeFromTags } from "@/lib/runs/outcome";

/**
 * Moves stored events in or out of EVERY roll-up (usage_daily, usage_daily_user, usage_shape_daily and the
 * promoted tag keys' usage_daily_dimension, which reads the relation's `tags`) by signed
 * deltas: `relation` holds usage_events-shaped rows plus a `sign` column, -1 for a version to take out, +1 for
 * one to put in. Used where stored events change after ingestion: a usage-export bucket re-imported with new
 * totals (replace-changed.ts) and re-pricing (reprice-events.ts). The upserts are ingestion's own (columns.ts,
 * shape-rollup.ts), so the keys and sums are computed the same way; rows left with no events are deleted.
 *
 * A -1 row must describe the stored version exactly (read it back from usage_events before changing it), so the
 * roll-ups end up as if the old version had never been ingested: roll-up-equality tests check that.
 */
export async function applySignedRollups(client: pg.ClientBase, relation: string, params: unknown[] = []): Promise<void> {
  const day = `(e.occurred_at AT TIME ZONE 'UTC')::date`;
  const sums = `sum(e.sign), sum(e.sign * e.requests), sum(e.sign * e.input_tokens), sum(e.sign * e.cached_input_tokens),
    sum(e.sign * e.cache_write_tokens), sum(e.sign * e.output_tokens), sum(e.sign * e.reasoning_tokens), COALESCE(sum(e.sign * e.cost_nanos), 0)`;
  const unpriced = `COALESCE(sum(e.sign * e.requests) FILTER (WHERE e.cost_nanos IS NULL), 0)`;
  // Same meaning as columns.ts COUNTS_SQL, signed.
  const counts = `COALESCE(sum(e.sign) FILTER (WHERE e.cost_nanos IS NULL), 0), COALESCE(sum(e.sign) FILTER (WHERE e.requests = 0), 0),
    COALESCE(sum(e.sign * e.cost_nanos) FILTER (WHERE e.requests = 0), 0)`;
  await client.query(
    `${DAILY_INSERT}
     SELECT ${day}, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id, e.batch, ${sums},
       COALESCE(sum(e.sign * e.source_cost_nanos), 0), ${unpriced}, COALESCE(sum(e.sign * e.tool_cost_nanos), 0), ${counts}
     FROM ${relation} e GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5 ${DAILY_UPSERT}`,
    params,
  );
  await client.query(`${SLOT_INSERT} ${slotRollupSelect(relation, true)} ${SLOT_UPSERT}`, params);
  await client.query(
    `${USER_INSERT}
     SELECT ${day}, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.user_name, ${sums}, ${unpriced}, ${counts}
     FROM ${relation} e WHERE e.user_name IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 ${USER_UPSERT}`,
    params,
  );
  await client.query(
    `${SHAPE_INSERT}
     SELECT ${day}, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id, e.batch, COALESCE(e.service_tier, ''),
       ${INPUT_BUCKET_SQL}, e.cost_nanos IS NOT NULL, ${sums}, COALESCE(sum(e.sign * e.tool_cost_nanos), 0)
     FROM ${relation} e GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8 ${SHAPE_UPSERT}`,
    params,
  );
  const keys = await lockedDimensionKeys(client);
  if (keys.length > 0) {
    const at = params.length + 1;
    await client.query(`${DIMENSION_INSERT} ${dimensionRollupSelect(relation, `$${at}::text[]`, true)} ${DIMENSION_UPSERT}`, [...params, keys]);
  }
  await client.query(
    `${RUN_INSERT} ${runRollupSelect(`(SELECT r.*, ${outcomeFromTags("r.tags")} AS outcome FROM ${relation} r)`, true)} ${RUN_UPSERT}`,
    params,
  );
  // Runs whose calls all went away: their ids first, then the delete (Citus cannot join its tables with the
  // caller's temporary relation in a DELETE).
  const runIds = await client.query<{ ids: string[] | null }>(`SELECT array_agg(DISTINCT e.run_id) AS ids FROM ${relation} e WHERE e.run_id IS NOT NULL`, params);
  if (runIds.rows[0].ids) await client.query("DELETE FROM usage_runs WHERE run_id = ANY($1::text[]) AND calls = 0", [runIds.rows[0].ids]);
  // Only rows whose events all went away can reach zero; the day range keeps the clean-up to the touched days.
  const range = await client.query<{ first: string | null; last: string | null }>(
    `SELECT min(${day})::text AS first, max(${day})::text AS last FROM ${relation} e`,
    params,
  );
  const { first, last } = range.rows[0];
  if (first === null || last === null) return;
  for (const table of ["usage_daily", "usage_daily_user", "usage_shape_daily", "usage_daily_dimension"]) {
    await client.query(`DELETE FROM ${table} WHERE day BETWEEN $1::date AND $2::date AND events = 0`, [first, last]);
  }
  await client.query(`DELETE FROM usage_15min WHERE ${SLOTS_OF_DAYS} AND events = 0`, [first, last]);
}
