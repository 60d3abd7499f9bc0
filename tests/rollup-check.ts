import { pool } from "@/lib/db/pool";
import { dailyRollupSelect, userRollupSelect } from "@/lib/ingest/store/columns";
import { slotRollupSelect } from "@/lib/ingest/store/slot-rollup";
import { shapeRollupSelect } from "@/lib/ingest/store/shape-rollup";
import { dimensionRollupSelect } from "@/lib/ingest/store/dimension-rollup";
import { runRollupSelect } from "@/lib/ingest/store/run-rollup";
import { outcomeFromTags } from "@/lib/runs/outcome";

/**
 * Rows where a roll-up differs from a fresh recomputation from usage_events (ingestion's own roll-up SELECTs):
 * an empty list for every table means the roll-ups are exactly what re-ingesting everything would give.
 */
export async function rollupDrift(): Promise<Record<string, unknown[]>> {
  // On Citus the histogram is not maintained (lib/db/citus.ts drops its triggers): it must then be empty.
  const histogram = await pool().query("SELECT 1 FROM pg_trigger WHERE tgname = 'usage_runs_hist_insert'");
  const runsByBucket = histogram.rowCount
    ? `SELECT (first_at AT TIME ZONE 'UTC')::date, team_id, workload_id, run_cost_bucket(cost_nanos), count(*), sum(calls), sum(cost_nanos),
         sum(ok_calls), sum(outcome_calls), sum(success_outcomes) FROM usage_runs GROUP BY 1, 2, 3, 4`
    : "SELECT * FROM usage_runs_hist WHERE FALSE";
  const tables: [string, string, string?][] = [
    ["usage_daily", dailyRollupSelect("usage_events")],
    ["usage_15min", slotRollupSelect("usage_events")],
    ["usage_daily_user", userRollupSelect("usage_events")],
    ["usage_shape_daily", shapeRollupSelect("usage_events")],
    // every promoted tag key (none: both sides empty)
    ["usage_daily_dimension", dimensionRollupSelect("usage_events", "ARRAY(SELECT tag_key FROM dimensions)")],
    // model_ids is a set (run-rollup.ts): compared sorted and without repeats.
    [
      "usage_runs",
      runRollupSelect(`(SELECT e.*, ${outcomeFromTags("e.tags")} AS outcome FROM usage_events e)`),
      `(SELECT run_id, team_id, workload_id, run_kind, first_at, last_at, calls, input_tokens, output_tokens, cost_nanos, unpriced_calls,
         ok_calls, error_calls, outcome_calls, success_outcomes, ARRAY(SELECT DISTINCT m FROM unnest(model_ids) AS m ORDER BY m) AS model_ids
       FROM usage_runs)`,
    ],
    // The runs histogram from usage_runs (itself checked above); rows whose runs moved away and left zeros are no drift.
    [
      "usage_runs_hist",
      runsByBucket,
      `(SELECT * FROM usage_runs_hist WHERE (runs, calls, cost_nanos, ok_calls, outcome_calls, success_outcomes) <> (0, 0, 0, 0, 0, 0))`,
    ],
  ];
  const out: Record<string, unknown[]> = {};
  for (const [name, select, stored = name] of tables) {
    const diff = await pool().query(
      `(SELECT 'missing' AS side, * FROM (${select}) x EXCEPT SELECT 'missing', * FROM ${stored} s)
       UNION ALL
       (SELECT 'extra', * FROM ${stored} s EXCEPT SELECT 'extra', * FROM (${select}) y)`,
    );
    out[name] = diff.rows;
  }
  return out;
}

export const NO_DRIFT = { usage_daily: [], usage_15min: [], usage_daily_user: [], usage_shape_daily: [], usage_daily_dimension: [], usage_runs: [], usage_runs_hist: [] };
