import type pg from "pg";
import { createHash } from "node:crypto";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { DAILY_INSERT, DAILY_UPSERT, EVENT_COLUMNS, USER_INSERT, USER_UPSERT, dailyRollupSelect, userRollupSelect } from "./columns";
import { ruleCaseExpressions, type CompiledRule } from "@/lib/attribution/rule-sql";
import { SHAPE_INSERT, SHAPE_UPSERT, shapeRollupSelect } from "./shape-rollup";
import { RUN_INSERT, RUN_UPSERT, runRollupSelect } from "./run-rollup";
import { SLOT_INSERT, SLOT_UPSERT, slotRollupSelect } from "./slot-rollup";
import { outcomeFromTags } from "@/lib/runs/outcome";
import { ensureCurrentPricing, type PricingState } from "./pricing-guard";
import { replaceChanged } from "./replace-changed";
import type { BinaryRows } from "./copy-binary";
import { DIMENSION_INSERT, DIMENSION_UPSERT, dimensionRollupSelect, lockedDimensionKeys } from "./dimension-rollup";
import { ensureEventPartitions, forgetEventPartitions, isMissingPartition } from "@/lib/db/event-partitions";

/**
 * Writes one batch of formatted COPY rows atomically: COPY into a per-connection temp table, fill missing
 * team/workload from attribution rules, then one statement inserts new events (ON CONFLICT DO NOTHING on the
 * idempotency key) and adds exactly those inserted rows to the roll-ups. Either the whole batch lands with its
 * roll-ups, or nothing does; re-sending it adds nothing.
 *
 * usage_events is partitioned by month: the months of the batch get their partitions first, in a transaction
 * of their own (lib/db/event-partitions.ts); the idempotency key is (occurred_at, dedup_key).
 */
export interface WriteBatchOptions {
  /** The prices the rows were computed with: re-checked under the pricing lock before insert (pricing-guard.ts). */
  pricedWith?: PricingState;
  /** Usage-export buckets (OpenAI, Anthropic): replace stored rows whose content changed (replace-changed.ts). */
  replaceChanged?: boolean;
  /** With replaceChanged: only stored rows written by this API key may be replaced (a team-bound key's import). */
  replaceOnlyKeyId?: number | null;
}

export interface WriteBatchResult {
  /** Rows stored, replacements included. */
  inserted: number;
  /** Stored rows taken out because their bucket came again with new totals (each was then inserted again). */
  replaced: number;
  /** The prices in force at commit (pricedWith unless overrides changed meanwhile). */
  pricing?: PricingState;
  /** Rows left out because their month is before the raw-data retention floor (not stored, not duplicates). */
  expired?: number;
}

/** `rows`: COPY text rows (format-event.ts) or a COPY BINARY batch (copy-binary.ts, what ingestion sends). */
export async function writeBatch(client: pg.PoolClient, rows: string[] | BinaryRows, rules: CompiledRule[], options: WriteBatchOptions = {}): Promise<WriteBatchResult> {
  const text = Array.isArray(rows);
  if ((text ? rows.length : rows.count) === 0) return { inserted: 0, replaced: 0, pricing: options.pricedWith };
  const months = text ? new Set(rows.map((r) => r.split("\t", 2)[1].slice(0, 7))) : rows.months;
  const first = await ensureEventPartitions(client, months);
  try {
    return await writeOnce(client, rows, rules, options, first.refusedBefore);
  } catch (error) {
    // A month this process knew was dropped since (retention in another process): create it and write again,
    // or, if it is before the retention floor now, write the batch without its events of that month.
    if (!isMissingPartition(error)) throw error;
    forgetEventPartitions(client);
    const again = await ensureEventPartitions(client, months);
    return await writeOnce(client, rows, rules, options, again.refusedBefore);
  }
}

async function writeOnce(client: pg.PoolClient, rows: string[] | BinaryRows, rules: CompiledRule[], options: WriteBatchOptions, dropBefore: string | null): Promise<WriteBatchResult> {
  const text = Array.isArray(rows);
  try {
    // One round trip for both: a request of a few dozen events pays more for each statement than for its rows.
    await client.query(`BEGIN; CREATE TEMP TABLE IF NOT EXISTS staging_events (LIKE usage_events INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`);
    const copy = client.query(copyFrom(`COPY staging_events (${EVENT_COLUMNS.join(", ")}) FROM STDIN${text ? "" : " (FORMAT binary)"}`));
    await pipeline(Readable.from(text ? chunked(rows) : rows.chunks()), copy);
    // Events of months whose raw rows retention dropped (lib/db/retention.ts); the session skips them up front,
    // this catches a retention run that happened while the batch was being built.
    const expired = dropBefore === null ? 0 : ((await client.query(`DELETE FROM staging_events WHERE occurred_at < $1::timestamptz`, [`${dropBefore}-01T00:00:00Z`])).rowCount ?? 0);
    if (rules.length > 0) {
      const params: unknown[] = [];
      const cases = ruleCaseExpressions(rules, params);
      // Only rows a rule gives something to are written: rewriting every row without a workload (all of an OTLP
      // export, usually) to the same values cost PostgreSQL ~3-4 us a row for nothing.
      await client.query(
        `UPDATE staging_events e SET team_id = COALESCE(e.team_id, ${cases.team}), workload_id = COALESCE(e.workload_id, ${cases.workload})
         FROM models m WHERE m.id = e.model_id
           AND ((e.team_id IS NULL AND (${cases.team}) IS NOT NULL) OR (e.workload_id IS NULL AND (${cases.workload}) IS NOT NULL))`,
        params,
      );
      // A workload given by a rule brings its owner team when the rule named none.
      await client.query(
        `UPDATE staging_events e SET team_id = w.team_id FROM workloads w WHERE e.team_id IS NULL AND e.workload_id = w.id AND w.team_id IS NOT NULL`,
      );
    }
    const pricing = options.pricedWith && (await ensureCurrentPricing(client, "staging_events", options.pricedWith));
    // Promoted tag keys, locked to the end of the transaction (dimension-rollup.ts): their roll-up is written in
    // the same statement as the events, so a promotion's back-fill and this batch never both miss rows.
    const keys = await lockedDimensionKeys(client);
    const replaced = options.replaceChanged ? await replaceChanged(client, "staging_events", options.replaceOnlyKeyId ?? null) : 0;
    const dimensions = keys.length === 0 ? "" : `, dims AS (${DIMENSION_INSERT} ${dimensionRollupSelect("ins", "$1::text[]")} ${DIMENSION_UPSERT})`;
    // Named, so each connection plans this big statement once (~2 ms a plan) instead of once per batch; the text
    // differs by ON CONFLICT and promoted keys, so the name carries a hash of it.
    const statement = (onConflict: string) => {
      const text = insertEventsSql(onConflict, dimensions, keys.length > 0);
      return { name: `rs_insert_events_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`, text, values: keys.length > 0 ? [keys] : [] };
    };
    // Almost every batch is all new calls. A plain INSERT costs PostgreSQL ~40% less CPU per row than ON CONFLICT
    // DO NOTHING (speculative insertion: a key probe, then heap insert, index insert and a confirm record; measured
    // 8-9 us against 14 us per row), so try it first under a savepoint. The primary key still rules: any key
    // already stored (a re-send, a concurrent import of the same calls) makes it fail as a whole, and the batch is
    // written again with ON CONFLICT DO NOTHING, which skips exactly the stored calls.
    await client.query("SAVEPOINT all_new");
    let result: pg.QueryResult<{ inserted: number }>;
    try {
      result = await client.query<{ inserted: number }>(statement("")); // COMMIT releases the savepoint
    } catch (error) {
      if (!isDuplicateEvent(error)) throw error;
      await client.query("ROLLBACK TO SAVEPOINT all_new");
      result = await client.query<{ inserted: number }>(statement("ON CONFLICT (occurred_at, dedup_key) DO NOTHING"));
    }
    await client.query("COMMIT");
    return { inserted: result.rows[0].inserted, replaced, pricing, expired };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * The statement that inserts the staged rows into usage_events and adds exactly the inserted ones to every roll-up;
 * `$1` is the promoted tag keys (only when there are some); `onConflict` empty (the all-new fast path) or the DO
 * NOTHING clause. RETURNING reads the tags only where a roll-up needs them: each jsonb lookup is paid per row
 * (the outcome tags for every call and the promoted keys as an empty array measured ~0.9 us an event).
 */
function insertEventsSql(onConflict: string, dimensions: string, promoted: boolean): string {
  return `
      WITH ins AS (
        INSERT INTO usage_events SELECT * FROM staging_events ORDER BY occurred_at, dedup_key ${onConflict}
        RETURNING occurred_at, team_id, workload_id, model_id, batch, service_tier, user_name, requests, input_tokens, cached_input_tokens,
          cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos, source_cost_nanos, tool_cost_nanos,
          run_id, run_kind, status,
          -- the outcome only for calls of a run: the run roll-up is the one reader
          CASE WHEN run_id IS NOT NULL THEN ${outcomeFromTags("tags")} END AS outcome,
          -- only the tags the roll-ups read (one call's size of a usage bucket for the shape roll-up; promoted keys
          -- for the dimension roll-up), not every tag of every row
          CASE ${promoted ? "WHEN tags ?| $1::text[] THEN tags" : ""}
            WHEN tags ? 'anthropic.context_window' THEN jsonb_build_object('anthropic.context_window', tags->'anthropic.context_window') END AS tags
      ), daily AS (
        ${DAILY_INSERT} ${dailyRollupSelect("ins")} ${DAILY_UPSERT}
      ), slots AS (
        ${SLOT_INSERT} ${slotRollupSelect("ins")} ${SLOT_UPSERT}
      ), users AS (
        ${USER_INSERT} ${userRollupSelect("ins")} ${USER_UPSERT}
      ), shapes AS (
        ${SHAPE_INSERT} ${shapeRollupSelect("ins")} ${SHAPE_UPSERT}
      ), runs AS (
        ${RUN_INSERT} ${runRollupSelect("ins")} ${RUN_UPSERT}
      )${dimensions}
      SELECT count(*)::int AS inserted FROM ins`;
}

/**
 * A unique violation: the batch holds a call already stored. Only usage_events' key can raise it in that
 * statement (the roll-ups upsert), and any other would raise again on the ON CONFLICT path, so the code is enough
 * (Citus reports a worker's violation under the shard's table name).
 */
function isDuplicateEvent(error: unknown): boolean {
  return (error as { code?: string }).code === "23505";
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
