import type pg from "pg";
import type { IngestSummary } from "../ingest-session";

/**
 * The ingest_batches row of a run, which the Ingestion page lists. A file import gets a row of its own; API and
 * OTLP requests with a `streamKey` share one row per key and hour, their counts added up (a gateway posting
 * every second would otherwise bury the imports under thousands of rows). A stream row keeps the errors of the
 * latest request that had any.
 *
 * finished_at stays NULL while a run is going; a run whose process died keeps it NULL ("interrupted").
 */
export const STORED_ERRORS = 1000;

interface BatchContext {
  source: string;
  format: string;
  filename?: string | null;
  actor: string;
  bytes?: number | null;
  streamKey?: string | null;
}

export async function openBatchRecord(db: Pick<pg.Pool, "query">, ctx: BatchContext): Promise<number> {
  if (ctx.streamKey) {
    // Every request of the hour but the first finds the row: read it, write nothing (DO UPDATE would write a new
    // version of the row per request, and a commit that must reach the disk). A row another request is inserting
    // right now is not visible to this statement's snapshot yet: then ask again, once it has committed (the INSERT
    // waited for it). Bounded, so a database that never shows the row fails the request instead of spinning.
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await db.query<{ id: number }>(
        `WITH created AS (
           INSERT INTO ingest_batches (source, format, actor, stream_key) VALUES ($1, $2, $3, $4) ON CONFLICT (stream_key) DO NOTHING RETURNING id
         )
         SELECT id FROM created UNION ALL SELECT id FROM ingest_batches WHERE stream_key = $4`,
        [ctx.source, ctx.format, ctx.actor, ctx.streamKey],
      );
      if (row.rows.length > 0) return row.rows[0].id;
    }
    throw new Error(`ingest_batches: the row of stream ${ctx.streamKey} neither inserted nor found`);
  }
  const row = await db.query<{ id: number }>(
    `INSERT INTO ingest_batches (source, format, filename, actor, bytes) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [ctx.source, ctx.format, ctx.filename ?? null, ctx.actor, ctx.bytes ?? null],
  );
  return row.rows[0].id;
}

/** Records the run's counts; `finished` false leaves finished_at NULL (the run broke off). */
export async function closeBatchRecord(db: Pick<pg.Pool, "query">, ctx: BatchContext, s: IngestSummary, finished = true): Promise<void> {
  const errors = JSON.stringify(s.errors.slice(0, STORED_ERRORS));
  const warnings = s.warnings.length === 0 ? null : JSON.stringify(s.warnings);
  if (ctx.streamKey) {
    if (!finished && s.accepted + s.replaced === 0) return;
    await db.query(
      `UPDATE ingest_batches SET finished_at = now(), accepted = accepted + $2, duplicates = duplicates + $3, replaced = replaced + $4,
         rejected = rejected + $5, skipped = skipped + $6, errors = CASE WHEN $5 > 0 THEN $7::jsonb ELSE errors END,
         skip_reasons = ${ADD_REASONS}, heuristic_events = heuristic_events + $9, warnings = COALESCE($10::jsonb, warnings)
       WHERE id = $1`,
      [s.batchId, s.accepted, s.duplicates, s.replaced, s.rejected, s.skipped, errors, JSON.stringify(s.skipReasons), s.heuristic, warnings],
    );
    return;
  }
  // now() or NULL chosen here, not by CASE in SQL: Citus refuses non-immutable functions inside CASE in a write to a
  // reference table (each node would evaluate its own now()); a bare now() it evaluates once on the coordinator.
  await db.query(
    `UPDATE ingest_batches SET finished_at = ${finished ? "now()" : "NULL"}, accepted = $2, duplicates = $3, replaced = $4, rejected = $5,
       skipped = $6, errors = $7, skip_reasons = $8::jsonb, heuristic_events = $9, warnings = $10::jsonb WHERE id = $1`,
    [s.batchId, s.accepted, s.duplicates, s.replaced, s.rejected, s.skipped, errors, reasonsJson(s.skipReasons), s.heuristic, warnings],
  );
}

/** Adds this request's skip reasons ($8, a JSON object of counts) to the stream row's. */
const ADD_REASONS = `(SELECT jsonb_object_agg(k, n) FROM (
    SELECT k, sum(n)::int AS n FROM (
      SELECT key AS k, value::int AS n FROM jsonb_each_text(COALESCE(skip_reasons, '{}'::jsonb))
      UNION ALL SELECT key, value::int FROM jsonb_each_text($8::jsonb)
    ) parts GROUP BY k
  ) sums)`;

function reasonsJson(reasons: Record<string, number>): string | null {
  return Object.keys(reasons).length === 0 ? null : JSON.stringify(reasons);
}

/** A file import's counts so far, after each committed batch (the import list shows progress and what a crash kept). */
export async function recordProgress(db: Pick<pg.Pool, "query">, s: IngestSummary): Promise<void> {
  await db.query(
    `UPDATE ingest_batches SET accepted = $2, duplicates = $3, replaced = $4, rejected = $5, skipped = $6 WHERE id = $1 AND finished_at IS NULL`,
    [s.batchId, s.accepted, s.duplicates, s.replaced, s.rejected, s.skipped],
  );
}

/** "api:key:12:2026-11-23T15": the hourly row of one caller's API or OTLP traffic. */
export function streamKey(source: "api" | "otlp", caller: { kind: "api_key" | "user"; id: number }, now = new Date()): string {
  return `${source}:${caller.kind === "api_key" ? "key" : "user"}:${caller.id}:${now.toISOString().slice(0, 13)}`;
}
