import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { pipeline, Transform } from "node:stream";
import { openDatabase } from "../database";
import { parse, positiveInt, UsageError } from "../args";
import { fileProgress } from "./ingest-progress";
import { FORMAT_IDS, isFormatId, type FormatId } from "@/lib/ingest/formats";
import { DEFAULT_IMPORT_BATCH, importStream, type ImportResult } from "@/lib/ingest/import/import-stream";

export const help = `rightsize ingest FILE... [--format F] [--batch-size N] [--json]
Imports usage files: Rightsize events (NDJSON/JSON), OpenTelemetry traces (OTLP JSON or protobuf), OpenAI usage
exports, Anthropic usage reports, LiteLLM spend logs (CSV/JSON); gzip-compressed or not. The format is detected
from each file's content unless --format says it (${FORMAT_IDS.join(", ")}).
Files stream (memory stays flat whatever their size) and are written in atomic batches of --batch-size events
(default ${DEFAULT_IMPORT_BATCH.toLocaleString("en-US")}): an import stopped midway keeps its finished batches, and running it
again adds only what is missing. Importing a file twice adds nothing.
Prints a summary per file (--json: one JSON line per file on stdout, with the peak memory of the process) and
exits with 1 when any record was rejected, after listing the first rejected lines and why.`;

const SHOWN_ERRORS = 10;

export async function run(argv: string[]) {
  const { values, positionals } = parse(argv, { format: { type: "string" }, "batch-size": { type: "string" }, json: { type: "boolean" } }, true);
  if (positionals.length === 0) throw new UsageError("name at least one file to import");
  const format = values.format === undefined || values.format === "auto" ? undefined : values.format;
  if (format !== undefined && !isFormatId(format)) throw new UsageError(`--format must be one of ${FORMAT_IDS.join(", ")}, got "${format}"`);
  const batchSize = positiveInt(values["batch-size"], "batch-size", DEFAULT_IMPORT_BATCH);
  const sizes = positionals.map((file) => {
    try {
      return statSync(file).size;
    } catch {
      throw new UsageError(`cannot read ${file}: no such file`);
    }
  });

  const db = await openDatabase();
  let anyRejected = false;
  let anyFailed = false;
  try {
    for (const [i, file] of positionals.entries()) {
      try {
        const result = await importFile(file, sizes[i], format, batchSize, values.json === true);
        if (result.rejected > 0) anyRejected = true;
      } catch (error) {
        anyFailed = true;
        console.error(`${file}: ${(error as Error).message}`);
      }
    }
  } finally {
    await db.close();
  }
  return anyFailed || anyRejected ? 1 : 0;
}

async function importFile(file: string, size: number, format: FormatId | undefined, batchSize: number, json: boolean): Promise<ImportResult> {
  const label = path.basename(file);
  const progress = fileProgress(label, size);
  let bytes = 0;
  let events = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      progress.update(bytes, events);
      callback(null, chunk);
    },
  });
  const started = performance.now();
  let result: ImportResult;
  try {
    // pipeline, not pipe: a read error (a directory, a vanished file) must fail the import, not hang it.
    const input = pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), counter, () => {});
    result = await importStream(input, {
      format,
      filename: label,
      bytes: size,
      actor: "cli",
      batchSize,
      onProgress: (s) => {
        events = s.accepted + s.duplicates + s.replaced;
        progress.update(bytes, events);
      },
    });
  } finally {
    progress.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const stored = result.accepted + result.duplicates + result.replaced;
  if (json) {
    console.log(JSON.stringify({
      file, format: result.format, gzip: result.gzip, bytes: size, batchId: result.batchId,
      accepted: result.accepted, duplicates: result.duplicates, replaced: result.replaced, rejected: result.rejected, skipped: result.skipped,
      skipReasons: result.skipReasons, heuristic: result.heuristic,
      seconds: round(seconds), eventsPerSecond: Math.round(stored / seconds), maxRssMb: round(process.resourceUsage().maxRSS / 1024),
      cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
      errors: result.errors.slice(0, SHOWN_ERRORS), warnings: result.warnings,
    }));
  } else {
    const n = (v: number) => v.toLocaleString("en-US");
    console.log(
      `${file}: ${result.description}. ${n(result.accepted)} accepted, ${n(result.duplicates)} duplicates, ${n(result.replaced)} replaced, ` +
        `${n(result.rejected)} rejected, ${n(result.skipped)} skipped in ${round(seconds)} s (${n(Math.round(stored / seconds))} events/s).`,
    );
    const reasons = Object.entries(result.skipReasons);
    if (reasons.length > 0) console.log(`  skipped ${n(result.skipped)}: ${reasons.map(([reason, count]) => `${n(count)} ${reason}`).join("; ")}`);
    if (result.heuristic > 0) {
      console.log(`  ${n(result.heuristic)} event(s) priced through a last-resort heuristic (the source did not say whether input counts cached tokens)`);
    }
    for (const e of result.errors.slice(0, SHOWN_ERRORS)) console.log(`  line ${e.index}: ${e.field}: ${e.message}`);
    if (result.rejected > SHOWN_ERRORS) console.log(`  ... and ${n(result.rejected - SHOWN_ERRORS)} more rejected (see the import in the Ingestion page)`);
    for (const w of result.warnings) console.log(`  warning: ${w.message}`);
  }
  return result;
}

const round = (v: number) => Math.round(v * 10) / 10;
