import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { DAILY_INSERT, DAILY_UPSERT, EVENT_COLUMNS, USER_INSERT, USER_UPSERT, dailyRollupSelect, userRollupSelect } from "./columns";
import { ruleCaseExpressions, type CompiledRule } from "@/lib/attribution/rule-sql";
import { SHAPE_INSERT, SHAPE_UPSERT, shapeRollupSelect } from "./shape-rollup";

/**
 * Writes one batch of formatted COPY rows atomically: COPY into a per-connection temp table, fill missing
 * team/workload from attribution rules, then one statement inserts new events (ON CONFLICT DO NOTHING on the
 * idempotency key) and adds exactly those inserted rows to the roll-ups. Either the whole batch lands with its
 * roll-ups, or nothing does; re-sending it adds nothing.
 */
export async function writeBatch(client: pg.PoolClient, rows: string[], rules: CompiledRule[]): Promise<{ inserted: number }> {
  if (rows.length === 0) return { inserted: 0 };
  await client.query("BEGIN");
  try {
    await client.query(`CREATE TEMP TABLE IF NOT EXISTS staging_events (LIKE usage_events INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`);
    const copy = client.query(copyFrom(`COPY staging_events (${EVENT_COLUMNS.join(", ")}) FROM STDIN`));
    await pipeline(Readable.from(chunked(rows)), copy);
    if (rules.length > 0) {
      const params: unknown[] = [];
      const cases = ruleCaseExpressions(rules, params);
      await client.query(
        `UPDATE staging_events e SET team_id = COALESCE(e.team_id, ${cases.team}), workload_id = COALESCE(e.workload_id, ${cases.workload})
         FROM models m WHERE m.id = e.model_id AND (e.team_id IS NULL OR e.workload_id IS NULL)`,
        params,
      );
      // A workload given by a rule brings its owner team when the rule named none.
      await client.query(
        `UPDATE staging_events e SET team_id = w.team_id FROM workloads w WHERE e.team_id IS NULL AND e.workload_id = w.id AND w.team_id IS NOT NULL`,
      );
    }
    const result = await client.query<{ inserted: number }>(`
      WITH ins AS (
        INSERT INTO usage_events SELECT * FROM staging_events ORDER BY dedup_key ON CONFLICT (dedup_key) DO NOTHING
        RETURNING occurred_at, team_id, workload_id, model_id, batch, service_tier, user_name, requests, input_tokens, cached_input_tokens,
          cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos, source_cost_nanos
      ), daily AS (
        ${DAILY_INSERT} ${dailyRollupSelect("ins")} ${DAILY_UPSERT}
      ), users AS (
        ${USER_INSERT} ${userRollupSelect("ins")} ${USER_UPSERT}
      ), shapes AS (
        ${SHAPE_INSERT} ${shapeRollupSelect("ins")} ${SHAPE_UPSERT}
      )
      SELECT count(*)::int AS inserted FROM ins`);
    await client.query("COMMIT");
    return { inserted: result.rows[0].inserted };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

function* chunked(rows: string[]): Generator<string> {
  // ~1 MB writes keep COPY fast without building one giant string.
  let buffer = "";
  for (const row of rows) {
    buffer += row + "\n";
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}
