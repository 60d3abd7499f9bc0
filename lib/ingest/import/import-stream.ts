import "server-only";
import { Readable } from "node:stream";
import { badRequest } from "@/lib/errors";
import { detectFormat, FormatDetectionError, FORMAT_DESCRIPTIONS, readRecordBatches, toEvents, type DetectedFormat, type FormatId } from "../formats";
import { promotedKeySet } from "@/lib/dimensions/promoted-keys";
import { IngestSession, type IngestSummary } from "../ingest-session";
import { lineOfPath } from "../formats/line-of-path";

/**
 * Imports one file, whatever its size, from a stream: detects the format from the first 64 KiB (unless given),
 * streams its records through the source parsers and writes atomic batches. Used by POST /api/v1/imports (the
 * Ingestion page's upload) and `rightsize ingest`. Memory stays flat: one chunk, the current record and at most
 * two batches of formatted rows at a time.
 *
 * Each batch commits on its own, so an import killed midway keeps the batches it finished; importing the same
 * file again adds only what is missing (idempotency keys), and usage-export buckets that changed are replaced.
 */
export interface ImportOptions {
  /** Skip detection (gzip is still recognised by its magic bytes). */
  format?: FormatId;
  filename?: string | null;
  bytes?: number | null;
  actor: string;
  apiKeyId?: number | null;
  apiKeyTeamId?: number | null;
  batchSize?: number;
  maxErrors?: number;
  now?: Date;
  onProgress?: (summary: IngestSummary) => void;
  /** Called once the format is known, before anything is written. */
  onDetected?: (format: DetectedFormat) => void;
}

export interface ImportResult extends IngestSummary {
  format: FormatId;
  gzip: boolean;
  description: string;
}

export const DEFAULT_IMPORT_BATCH = 25_000;
const HEAD_BYTES = 64 * 1024;

/** The Source an event of each format is recorded under (ingest_batches.source). */
const SOURCE_OF: Record<FormatId, string> = {
  "native-ndjson": "file",
  "native-json": "file",
  "otlp-json": "otlp",
  "otlp-protobuf": "otlp",
  "openai-usage": "openai",
  "anthropic-usage": "anthropic",
  "litellm-csv": "litellm",
  "litellm-json": "litellm",
  "langfuse-json": "langfuse",
  "helicone-json": "helicone",
};

export async function importStream(input: Readable, options: ImportOptions): Promise<ImportResult> {
  const { head, rest } = await peek(input, HEAD_BYTES);
  if (head.length === 0) throw badRequest("the file is empty");
  const detected = detect(head, options);
  options.onDetected?.(detected);
  const now = options.now ?? new Date();
  const session = await IngestSession.open({
    source: SOURCE_OF[detected.format],
    format: detected.format,
    filename: options.filename ?? null,
    bytes: options.bytes ?? null,
    actor: options.actor,
    apiKeyId: options.apiKeyId ?? null,
    apiKeyTeamId: options.apiKeyTeamId ?? null,
    batchSize: options.batchSize ?? DEFAULT_IMPORT_BATCH,
    maxErrors: options.maxErrors ?? 1000,
    onProgress: options.onProgress,
  });
  try {
    const dimensionKeys = detected.format.startsWith("otlp") ? await promotedKeySet() : undefined;
    for await (const records of readRecordBatches(rest, detected)) {
      for (const { line, value, text } of records) {
        const batch = toEvents(detected.format, value, line, now, dimensionKeys);
        for (const error of batch.rejected) session.reject(text === undefined ? error : { ...error, index: rejectedLine(text, line, value, error.field) });
        if (batch.skipped) session.skipAll(batch.skipReasons);
        if (batch.warnings) session.warn(batch.warnings);
        for (const event of batch.events) {
          // add() answers a promise only when it must wait (a new name, a full batch): no await per event.
          const waiting = session.add(event, line);
          if (waiting) await waiting;
        }
      }
    }
  } catch (error) {
    await session.abandon();
    throw error;
  }
  const summary = await session.finish();
  return { ...summary, format: detected.format, gzip: detected.gzip, description: detected.description };
}

/**
 * The line a rejection inside a multi-line JSON record is on. Fields are paths into the record
 * ("data[0].results[3].output_tokens"); OTLP rejections say "span[N].attribute" (N counted across the request),
 * which is turned into the span's path first.
 */
function rejectedLine(text: string, line: number, value: unknown, field: string): number {
  if (!text.includes("\n")) return line;
  const span = /^span\[(\d+)\]/.exec(field);
  return lineOfPath(text, line, span ? (otlpSpanPath(value, Number(span[1])) ?? "") : field);
}

function otlpSpanPath(value: unknown, ordinal: number): string | null {
  const rs = (value as { resourceSpans?: { scopeSpans?: { spans?: unknown[] }[] }[] })?.resourceSpans;
  if (!Array.isArray(rs)) return null;
  let n = 0;
  for (let r = 0; r < rs.length; r++) {
    const scopes = Array.isArray(rs[r]?.scopeSpans) ? rs[r].scopeSpans! : [];
    for (let s = 0; s < scopes.length; s++) {
      const spans = Array.isArray(scopes[s]?.spans) ? scopes[s].spans! : [];
      if (ordinal < n + spans.length) return `resourceSpans[${r}].scopeSpans[${s}].spans[${ordinal - n}]`;
      n += spans.length;
    }
  }
  return null;
}

function detect(head: Buffer, options: ImportOptions): DetectedFormat {
  if (options.format) {
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    return { format: options.format, gzip, description: `${FORMAT_DESCRIPTIONS[options.format]}, chosen${gzip ? ", gzip-compressed" : ""}`, confidence: "chosen" };
  }
  try {
    return detectFormat(head, options.filename ?? undefined);
  } catch (error) {
    if (error instanceof FormatDetectionError) throw badRequest(`cannot import this file: ${error.message}`);
    throw error;
  }
}

/** Reads the first `bytes` of a stream and gives back a stream that still yields everything from the start. */
export async function peek(input: Readable, bytes: number): Promise<{ head: Buffer; rest: Readable }> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === "string" ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    size += chunk.length;
  }
  const rest = Readable.from(
    (async function* () {
      yield* chunks;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
    { objectMode: false },
  );
  return { head: Buffer.concat(chunks).subarray(0, bytes), rest };
}
