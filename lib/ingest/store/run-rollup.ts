import type { ClientBase } from "pg";
import { outcomeFromTags, outcomeSql } from "@/lib/runs/outcome";

/**
 * The usage_runs roll-up (lib/runs): calls grouped by run id and the team/workload they ran in. Maintained by the
 * same statement that inserts events (write-batch.ts) and by signed deltas (rollup-delta.ts), like usage_daily.
 * `from` rows need usage_events columns plus `outcome` (the call's outcome tag, run/outcome.ts) and, for signed
 * deltas, `sign`. first_at/last_at only widen: a delta that takes a call out (re-pricing) leaves the span as is,
 * which is right because re-pricing and bucket replacement never move a call in time.
 */
export const RUN_INSERT = `INSERT INTO usage_runs (run_id, team_id, workload_id, run_kind, first_at, last_at, calls, input_tokens, output_tokens,
  cost_nanos, unpriced_calls, ok_calls, error_calls, outcome_calls, success_outcomes, model_ids)`;

export function runRollupSelect(from: string, signed = false): string {
  const s = signed ? "e.sign * " : "";
  const o = outcomeSql("e");
  return `SELECT e.run_id, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), min(e.run_kind), min(e.occurred_at), max(e.occurred_at),
    sum(${s}1), sum(${s}e.input_tokens), sum(${s}e.output_tokens), COALESCE(sum(${s}e.cost_nanos), 0),
    COALESCE(sum(${s}1) FILTER (WHERE e.cost_nanos IS NULL), 0), sum(${s}${o.ok}), sum(${s}${o.error}), sum(${s}${o.outcome}), sum(${s}${o.success}),
    array_agg(DISTINCT e.model_id ORDER BY e.model_id)
  FROM ${from} e WHERE e.run_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

const sums = ["calls", "input_tokens", "output_tokens", "cost_nanos", "unpriced_calls", "ok_calls", "error_calls", "outcome_calls", "success_outcomes"]
  .map((c) => `${c} = usage_runs.${c} + EXCLUDED.${c}`)
  .join(", ");

/**
 * model_ids only grows by the models a batch adds (`@>` and `||` only: Citus accepts nothing but immutable
 * operators in an upsert's SET, so no sub-select to sort and de-duplicate here). The array is a set: it may hold a
 * model twice or out of order; readers use it as a set (`= ANY`, `IN (unnest ...)`).
 */
export const RUN_UPSERT = `ON CONFLICT (run_id, team_id, workload_id) DO UPDATE SET ${sums},
  first_at = LEAST(usage_runs.first_at, EXCLUDED.first_at), last_at = GREATEST(usage_runs.last_at, EXCLUDED.last_at),
  run_kind = LEAST(usage_runs.run_kind, EXCLUDED.run_kind),
  model_ids = CASE WHEN usage_runs.model_ids @> EXCLUDED.model_ids THEN usage_runs.model_ids ELSE usage_runs.model_ids || EXCLUDED.model_ids END`;

/**
 * Recomputes usage_runs for every run with a call on the UTC days firstDay..lastDay, from all of its calls (a run
 * may reach outside those days). The slow, repairing path of re-attribution ("rebuild").
 */
export async function rebuildRunRollup(client: ClientBase, firstDay: string, lastDay: string): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS rebuilt_runs (run_id text PRIMARY KEY) ON COMMIT DROP`,
  );
  await client.query("TRUNCATE rebuilt_runs");
  await client.query(
    `INSERT INTO rebuilt_runs SELECT DISTINCT run_id FROM usage_events
     WHERE run_id IS NOT NULL AND occurred_at >= ($1::date::timestamp AT TIME ZONE 'UTC') AND occurred_at < (($2::date + 1)::timestamp AT TIME ZONE 'UTC')`,
    [firstDay, lastDay],
  );
  await client.query("DELETE FROM usage_runs u USING rebuilt_runs r WHERE u.run_id = r.run_id");
  await client.query(
    `${RUN_INSERT} ${runRollupSelect(`(SELECT e.*, ${outcomeFromTags("e.tags")} AS outcome FROM usage_events e JOIN rebuilt_runs r ON r.run_id = e.run_id)`)}`,
  );
}
