import "server-only";
import type { z } from "zod";
import { pool } from "@/lib/db/pool";
import { notFound } from "@/lib/errors";
import type { IngestBatchDetailSchema, IngestBatchSchema } from "../api-schemas";

type Batch = z.infer<typeof IngestBatchSchema>;
type BatchDetail = z.infer<typeof IngestBatchDetailSchema>;

const COLUMNS = `id, source, format, filename, actor, started_at, finished_at, bytes::text, accepted, duplicates, replaced, rejected, skipped, skip_reasons, heuristic_events, stream_key, warnings`;

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
}

/** Recent ingestion runs, newest first: file imports, and API/OTLP traffic as one row per key and hour. */
export async function listIngestBatches(opts: { limit: number; kind: "all" | "files" | "streams" }): Promise<Batch[]> {
  const where = opts.kind === "files" ? "WHERE stream_key IS NULL" : opts.kind === "streams" ? "WHERE stream_key IS NOT NULL" : "";
  const rows = await pool().query<Row>(`SELECT ${COLUMNS} FROM ingest_batches ${where} ORDER BY started_at DESC, id DESC LIMIT $1`, [opts.limit]);
  return rows.rows.map(toBatch);
}

export async function getIngestBatch(id: number): Promise<BatchDetail> {
  const rows = await pool().query<Row & { errors: BatchDetail["errors"] | null }>(`SELECT ${COLUMNS}, errors FROM ingest_batches WHERE id = $1`, [id]);
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
    status: r.finished_at ? "done" : "unfinished",
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
