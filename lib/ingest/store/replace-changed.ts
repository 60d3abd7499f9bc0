import type pg from "pg";
import { SOURCE_CODES } from "./dedup-key";
import { applySignedRollups } from "./rollup-delta";
import { eventKeyCondition, storedEventsByKey } from "./event-keys";

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
  const removed = await client.query(
    `WITH stored AS (
       SELECT e.* FROM ${storedEventsByKey(`(SELECT s.occurred_at, s.dedup_key FROM ${staging} s WHERE s.source = ANY($1::smallint[]))`)} e
       WHERE ($2::int IS NULL OR e.api_key_id = $2::int)
     ), changed AS (
       SELECT e.occurred_at, e.dedup_key FROM stored e JOIN ${staging} s ON s.dedup_key = e.dedup_key AND s.occurred_at = e.occurred_at
       WHERE ${row("e")} IS DISTINCT FROM ${row("s")}
     ), old AS (
       DELETE FROM usage_events e WHERE ${eventKeyCondition("e", "changed")} RETURNING e.*
     )
     INSERT INTO replaced_events SELECT * FROM old`,
    [REPLACEABLE_SOURCE_CODES, onlyKeyId],
  );
  const replaced = removed.rowCount ?? 0;
  if (replaced > 0) await applySignedRollups(client, `(SELECT -1 AS sign, r.* FROM replaced_events r)`);
  return replaced;
}
