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

export const NO_DRIFT = { usage_daily: [], usage_15min: [], usage_daily_user: [], usage_shape_daily: [], usage_daily_dimension: [], usage_runs: [] };
