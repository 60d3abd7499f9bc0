/**
 * One entry point for reading an import file as a stream of records, whatever its format. Nothing reads the
 * whole file: each format has a streaming splitter, and gzip is decompressed on the fly. Every record carries
 * the 1-based line it starts on (for protobuf files, the ResourceSpans ordinal), so errors can point at it.
 *
 * value per format:
 * - native-ndjson, native-json, otlp-json, openai-usage, anthropic-usage, litellm-json: the parsed JSON
 *   value of one line / array element / document;
 * - litellm-csv: an object keyed by the header's column names, all values text;
 * - otlp-protobuf: the bytes of one ResourceSpans, itself a valid ExportTraceServiceRequest (Uint8Array);
 * - an UnreadableRecord when the record cannot be read (bad JSON line, truncated file).
 */
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { AppError } from "@/lib/errors";
import { byteLimit, formatBytes } from "../http/request-body";
import { maxImportBytes } from "../limits";
import { readCsvRows } from "./csv";
import { isFormatId, type DetectedFormat, type FormatId } from "./format-ids";
import { readJsonValues } from "./json-values";
import { readLineBatches } from "./ndjson";
import { readProtobufFrames } from "./protobuf-frames";
import { UnreadableRecord } from "./unreadable";

export interface FileRecord {
  line: number;
  value: unknown;
  /** The record's JSON text (JSON formats), so a rejection inside it can name its own line (line-of-path.ts). */
  text?: string;
}

export async function* readRecords(stream: Readable, format: FormatId | DetectedFormat): AsyncGenerator<FileRecord> {
  for await (const batch of readRecordBatches(stream, format)) yield* batch;
}

/**
 * The records of the file, a batch at a time: NDJSON gives the records of each chunk read together (the ingestion
 * hot path: one async step per chunk, not per record), the other formats one record per batch.
 */
export async function* readRecordBatches(stream: Readable, format: FormatId | DetectedFormat): AsyncGenerator<FileRecord[]> {
  const detected: DetectedFormat = typeof format === "string" ? { format, gzip: false, description: format } : format;
  if (!isFormatId(detected.format)) throw new Error(`unknown import format: ${String(detected.format)}`);
  let source: AsyncIterable<Uint8Array | string> = stream;
  if (detected.gzip) {
    const gunzip = createGunzip();
    // A gzip bomb (a small file that expands without end) stops at the import limit, counted after decompression.
    const limit = maxImportBytes();
    const cap = byteLimit(limit, () => new AppError("payload_too_large", `the file decompresses to more than ${formatBytes(limit)} (RIGHTSIZE_MAX_IMPORT_MB)`));
    // pipe() does not forward errors; without these a failed upload or corrupt gzip would hang the import.
    stream.on("error", (error) => gunzip.destroy(error));
    gunzip.on("error", (error) => cap.destroy(error));
    source = stream.pipe(gunzip).pipe(cap);
  }

  switch (detected.format) {
    case "native-ndjson":
      for await (const lines of readLineBatches(source)) {
        yield lines.map(({ line, text, tooLong }) =>
          tooLong ? { line, value: new UnreadableRecord("the line is too long to be one event") } : { line, value: parseJson(text), text },
        );
      }
      return;
    case "litellm-csv":
      for await (const record of csvRecords(source)) yield [record];
      return;
    case "otlp-protobuf":
      for await (const frame of readProtobufFrames(source)) {
        yield [{ line: frame.ordinal, value: frame.error ? new UnreadableRecord(frame.error) : frame.bytes }];
      }
      return;
    default:
      // JSON arrays stream element by element; single documents and NDJSON pages yield whole documents.
      for await (const piece of readJsonValues(source)) {
        yield [piece.error ? { line: piece.line, value: new UnreadableRecord(piece.error) } : { line: piece.line, value: parseJson(piece.text), text: piece.text }];
      }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return new UnreadableRecord(`not valid JSON: ${(error as Error).message}`);
  }
}

async function* csvRecords(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<FileRecord> {
  let columns: string[] | null = null;
  for await (const row of readCsvRows(source)) {
    if (row.error) {
      yield { line: row.line, value: new UnreadableRecord(row.error) };
      return;
    }
    if (columns === null) {
      columns = row.fields.map((c) => c.trim());
      continue;
    }
    const record: Record<string, string> = {};
    for (let i = 0; i < columns.length && i < row.fields.length; i++) {
      if (columns[i] !== "" && columns[i] !== "__proto__") record[columns[i]] = row.fields[i];
    }
    yield { line: row.line, value: record };
  }
}
