import type pg from "pg";
import { SOURCE_CODES } from "./dedup-key";
import { applySignedRollups } from "./rollup-delta";
import { eventKeyCondition, storedEventsByKey } from "./event-keys";
import { wantsCitus } from "@/lib/db/citus";
import { AppError } from "@/lib/errors";

/**
 * Usage exports (OpenAI Usage API, Anthropic usage report) name a time bucket, not a call: the bucket of the
 * current hour or day keeps filling up, and exporting it again brings new totals under the same idempotency
 * key. So for these sources a staged row whose key is already stored:
 * - with the same content is a duplicate (left alone; the INSERT ... ON CONFLICT DO NOTHING counts it);
 * - with different content REPLACES the stored row: the stored version is taken out of every roll-up
 *   (rollup-delta.ts) and deleted here, and the INSERT that follows stores the new version and adds it to the
 *   roll-ups like any new event. All of it inside the batch's transaction, so a crash leaves the old version.
 * Other sources keep "first write wins": a call that happened does not change.
 *
 * "Content" is everything the event says about usage, cost and attribution; where and how it arrived
 * (ingest_batch_id, api_key_id) is not content, so importing the same export through another key is a duplicate.
 */
export const REPLACEABLE_SOURCE_CODES = [SOURCE_CODES.openai, SOURCE_CODES.anthropic];

const CONTENT_COLUMNS = [
  "occurred_at", "model_id", "team_id", "workload_id", "user_name", "source_team", "source_workload", "source_key",
  "input_tokens", "cached_input_tokens", "cache_write_tokens", "cache_write_1h_tokens", "output_tokens", "reasoning_tokens", "requests", "batch",
  "service_tier", "cost_nanos", "source_cost_nanos", "price_source", "price_override_id", "latency_ms", "status", "tags",
];

const row = (alias: string) => `(${CONTENT_COLUMNS.map((c) => `${alias}.${c}`).join(", ")})`;

/**
 * Takes out stored versions of changed buckets (see above) before the batch's INSERT. Returns how many.
 * `onlyKeyId`: a team-bound key's import replaces only rows that key stored; another writer's row with the same
 * idempotency key stays and the new version counts as a duplicate.
 */
export async function replaceChanged(client: pg.ClientBase, staging = "staging_events", onlyKeyId: number | null = null): Promise<number> {
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS replaced_events (LIKE usage_events) ON COMMIT DELETE ROWS`);
  // Stored rows are looked up key by key (event-keys.ts): a plain join with the (unanalysed) staging table may be
  // planned as a scan of all of usage_events. The key is (occurred_at, dedup_key): a bucket's id names its start.
  const citus = await wantsCitus(client);
  const stored = `SELECT e.* FROM ${storedEventsByKey(`(SELECT s.occurred_at, s.dedup_key FROM ${staging} s WHERE s.source = ANY($1::smallint[]))`, citus)} e
       WHERE ($2::int IS NULL OR e.api_key_id = $2::int)`;
  const changed = `SELECT e.occurred_at, e.dedup_key FROM stored e JOIN ${staging} s ON s.dedup_key = e.dedup_key AND s.occurred_at = e.occurred_at
       WHERE ${row("e")} IS DISTINCT FROM ${row("s")}`;
  const params = [REPLACEABLE_SOURCE_CODES, onlyKeyId];
  const removed = citus
    ? await removeOnCitus(client, stored, changed, params)
    : await client.query(
        `WITH stored AS (${stored}), changed AS (${changed}), old AS (
           DELETE FROM usage_events e WHERE ${eventKeyCondition("e", "changed")} RETURNING e.*
         )
         INSERT INTO replaced_events SELECT * FROM old`,
        params,
      );
  const replaced = removed.rowCount ?? 0;
  if (replaced > 0) await applySignedRollups(client, `(SELECT -1 AS sign, r.* FROM replaced_events r)`);
  return replaced;
}

/**
 * Citus cannot run the DELETE inside a data-modifying CTE that reads sharded rows and a temp table: there the stored
 * versions are copied first, then deleted by key in a second statement. A concurrent import deleting one of them in
 * between would make the counts differ: refused, as re-attribution does, so the roll-ups never lose a row twice.
 */
async function removeOnCitus(client: pg.ClientBase, stored: string, changed: string, params: unknown[]): Promise<{ rowCount: number }> {
  const copied = await client.query(
    `INSERT INTO replaced_events WITH stored AS (${stored}), changed AS (${changed}) SELECT e.* FROM stored e JOIN changed c USING (occurred_at, dedup_key)`,
    params,
  );
  const deleted = await client.query(`DELETE FROM usage_events e WHERE ${eventKeyCondition("e", "replaced_events")}`);
  if (deleted.rowCount !== copied.rowCount) {
    throw new AppError("conflict", "Usage changed while a re-exported bucket was being replaced (another import of the same export). Nothing was changed; import again.");
  }
  return { rowCount: copied.rowCount ?? 0 };
}
