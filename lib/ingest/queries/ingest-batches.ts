import "server-only";
import type { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { pool } from "@/lib/db/pool";
import { notFound } from "@/lib/errors";
import type { IngestBatchDetailSchema, IngestBatchSchema } from "../api-schemas";
import { runIsLive } from "../store/run-liveness";

type Batch = z.infer<typeof IngestBatchSchema>;
type BatchDetail = z.infer<typeof IngestBatchDetailSchema>;

const COLUMNS = `id, source, format, filename, actor, started_at, finished_at, bytes::text, accepted, duplicates, replaced, rejected, skipped, skip_reasons, heuristic_events, stream_key, warnings,
  ${runIsLive("ingest_batches")} AS live`;

interface Row {
  id: number;
  source: string;
  format: string;
  filename: string | null;
  actor: string | null;
  started_at: Date;
  finished_at: Date | null;
  bytes: string | null;
  accepted: number;
  duplicates: number;
  replaced: number;
  rejected: number;
  skipped: number;
  skip_reasons: Record<string, number> | null;
  heuristic_events: number;
  stream_key: string | null;
  warnings: Batch["warnings"] | null;
  live: boolean;
}

/**
 * Whose runs the caller may read. The history names people (actors are user emails) and quotes rejected
 * records, so an API key sees only the runs it made itself (actor = its label, "key rs_…"); signed-in users
 * with the ingest permission (administrators) see every run.
 */
export type BatchReader = Pick<Principal, "kind" | "label">;
const ownActor = (caller: BatchReader) => (caller.kind === "api_key" ? caller.label : null);

/** Recent ingestion runs, newest first: file imports, and API/OTLP traffic as one row per key and hour. */
export async function listIngestBatches(caller: BatchReader, opts: { limit: number; kind: "all" | "files" | "streams" }): Promise<Batch[]> {
  const kind = opts.kind === "files" ? "stream_key IS NULL" : opts.kind === "streams" ? "stream_key IS NOT NULL" : "TRUE";
  const rows = await pool().query<Row>(
    `SELECT ${COLUMNS} FROM ingest_batches WHERE ${kind} AND ($2::text IS NULL OR actor = $2) ORDER BY started_at DESC, id DESC LIMIT $1`,
    [opts.limit, ownActor(caller)],
  );
  return rows.rows.map(toBatch);
}

/** One run with its rejected records; another caller's run is as good as missing (404). */
export async function getIngestBatch(caller: BatchReader, id: number): Promise<BatchDetail> {
  const rows = await pool().query<Row & { errors: BatchDetail["errors"] | null }>(
    `SELECT ${COLUMNS}, errors FROM ingest_batches WHERE id = $1 AND ($2::text IS NULL OR actor = $2)`,
    [id, ownActor(caller)],
  );
  const row = rows.rows[0];
  if (!row) throw notFound(`import ${id}`);
  return { ...toBatch(row), errors: row.errors ?? [] };
}

function toBatch(r: Row): Batch {
  return {
    id: r.id,
    source: r.source,
    format: r.format,
    filename: r.filename,
    actor: r.actor,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    // No finish time and no live process holding the run: it was interrupted (killed, crashed, broken off).
    status: r.finished_at ? "done" : r.live ? "running" : "failed",
    bytes: r.bytes === null ? null : Number(r.bytes),
    accepted: r.accepted,
    duplicates: r.duplicates,
    replaced: r.replaced,
    rejected: r.rejected,
    skipped: r.skipped,
    skipReasons: r.skip_reasons ?? {},
    heuristic: r.heuristic_events,
    stream: r.stream_key !== null,
    warnings: r.warnings ?? [],
  };
}
