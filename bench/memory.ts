/**
 * npm run bench:memory - peak resident memory of the server for the worst request of each kind (issue 10, item 7),
 * printed as one JSON object. "Worst" means the largest body each endpoint accepts, a body past its limit sent
 * without Content-Length (so the limit must stop it mid-stream), and gzip that expands past the limit.
 *
 * Against ONE production server (`next start`, built first when sources changed) on a fresh embedded PostgreSQL in
 * /tmp, one fresh server per kind (idleRssMb: after its first, warm-up request). Before each request the server
 * tree's peak (VmHWM) is reset to its current resident set; after it, the peak is read back: `peakMb` is the most
 * the server held during that request, `growthMb` what the request added (the first request of a kind also loads
 * its route's code). Requests run one after another, so each peak is that request's own.
 * Options: --import-mb M (the streamed file import, default 100), --only events,otlp,... (kinds to run), --keep (keep
 * the database and the server log, /tmp/rs-bench-memory).
 */
import { rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { ChildProcess } from "node:child_process";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { maxRequestBytes } from "@/lib/ingest/limits";
import { MAX_JSON_BYTES } from "@/lib/api/read-json";
import { MAX_EVAL_UPLOAD_BYTES } from "@/lib/evals/read-upload";
import { MAX_BILL_BYTES } from "@/lib/reconcile/read-bill-upload";
import { MAX_METRICS_CSV_BYTES } from "@/lib/metrics/read-metrics-request";
import { MAX_OTLP_SPANS } from "@/lib/ingest/otlp/otlp-caps";
import { benchCredentials, log, mb, resetTreePeak, startProductionServer, stopServer, treePeak, treeRss } from "./bench-server";
import { otlpRequests } from "./ingest-data";

const { values } = parseArgs({ options: { "import-mb": { type: "string" }, only: { type: "string" }, keep: { type: "boolean" } } });
const ONLY = values.only ? new Set(values.only.split(",")) : null;
const IMPORT_MB = Number(values["import-mb"] ?? 100);
// The import limit of this server: above the streamed import, far below the gzip bomb's expansion.
const IMPORT_LIMIT_MB = IMPORT_MB + 50;
const work = "/tmp/rs-bench-memory";
const port = Number(process.env.BENCH_PORT ?? 3292);
const base = `http://localhost:${port}`;
const secret = "bench-memory-secret-0123456789abcdef";
const MB = 1024 * 1024;

type Body = Uint8Array | (() => ReadableStream<Uint8Array>);
interface Case {
  kind: string;
  request: string;
  path: string;
  auth: "key" | "session";
  contentType: string;
  gzip?: boolean;
  body: () => Body;
  /** What a correct server answers. */
  expect: number;
}

const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString();

/** A JSON array of native events, as close to `bytes` as whole events get. */
function eventsJson(bytes: number, prefix: string): Uint8Array {
  const parts: string[] = [];
  let size = 2;
  for (let n = 0; ; n++) {
    const event = JSON.stringify({ id: `${prefix}-${n}`, timestamp: day(n % 20), provider: "openai", model: "gpt-4o-mini", input_tokens: 800 + (n % 500), output_tokens: 120, team: `mem-${n % 4}`, workload: `mem-wl-${n % 9}` });
    if (size + event.length + 1 > bytes) break;
    parts.push(event);
    size += event.length + 1;
  }
  return new TextEncoder().encode(`[${parts.join(",")}]`);
}

/** NDJSON lines, streamed in 1 MB chunks without Content-Length (a chunked upload), until `bytes`. */
function ndjsonStream(bytes: number, prefix: string): () => ReadableStream<Uint8Array> {
  return () => {
    let sent = 0;
    let n = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes) return controller.close();
        const lines: string[] = [];
        let size = 0;
        while (size < MB && sent + size < bytes) {
          const line = JSON.stringify({ id: `${prefix}-${n}`, timestamp: day(n % 20), provider: "anthropic", model: "claude-haiku-4-5", input_tokens: 900 + (n % 700), output_tokens: 80 + (n % 90), team: `mem-${n % 4}`, workload: `mem-wl-${n % 9}` }) + "\n";
          n++;
          lines.push(line);
          size += line.length;
        }
        sent += size;
        controller.enqueue(new TextEncoder().encode(lines.join("")));
      },
    });
  };
}

/**
 * gzip of `head` followed by spaces up to `expandsTo` bytes: about 1/1000 of that on the wire. The head makes the
 * body look like what the endpoint reads (a JSON array, an NDJSON file), so the server must read on until its
 * decompressed-size limit stops it, instead of refusing the first bytes.
 */
function gzipBomb(head: string, expandsTo: number): Uint8Array {
  const plain = Buffer.alloc(expandsTo, 0x20);
  plain.write(head);
  return new Uint8Array(gzipSync(plain, { level: 9 }));
}
const FIRST_EVENT = JSON.stringify({ id: "mem-bomb-0", timestamp: new Date().toISOString(), provider: "openai", model: "gpt-4o-mini", input_tokens: 10, output_tokens: 1 });

function evalCsv(bytes: number): Uint8Array {
  const lines = ["task_id,model,passed,input_tokens,output_tokens"];
  let size = lines[0].length + 1;
  for (let n = 0; ; n++) {
    const line = `t-${Math.floor(n / 2)},${n % 2 ? "gpt-5" : "gpt-5-mini"},${n % 7 ? "true" : "false"},${600 + (n % 400)},${90 + (n % 50)}`;
    if (size + line.length + 1 > bytes) break;
    lines.push(line);
    size += line.length + 1;
  }
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

/** An OpenAI costs export page (the bills import), with as many daily line items as fit in `bytes`. */
function openaiBill(bytes: number): Uint8Array {
  const start = Date.UTC(2026, 9, 1) / 1000;
  const buckets: string[] = [];
  let size = 40;
  outer: for (let d = 0; d < 31; d++) {
    const results: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const r = JSON.stringify({ object: "organization.costs.result", amount: { value: 0.0125 + (i % 10) / 1000, currency: "usd" }, line_item: `gpt-4o-2024-08-06, input`, project_id: `proj_${i}` });
      if (size + r.length + 1 > bytes) {
        buckets.push(JSON.stringify({ object: "bucket", start_time: start + d * 86_400, end_time: start + (d + 1) * 86_400, results: results.map((x) => JSON.parse(x)) }));
        break outer;
      }
      results.push(r);
      size += r.length + 1;
    }
    buckets.push(JSON.stringify({ object: "bucket", start_time: start + d * 86_400, end_time: start + (d + 1) * 86_400, results: results.map((x) => JSON.parse(x)) }));
    size += 100;
  }
  return new TextEncoder().encode(`{"object":"page","data":[${buckets.join(",")}],"has_more":false}`);
}

function metricsCsv(bytes: number): Uint8Array {
  const lines = ["date,name,value,team"];
  for (let n = 0; lines.length <= 10_000; n++) lines.push(`${day(n % 60).slice(0, 10)},tickets_resolved_${n % 200},${100 + n},mem-${n % 4}`);
  const text = lines.join("\n") + "\n";
  if (text.length > bytes) throw new Error("the metrics CSV outgrew its limit");
  return new TextEncoder().encode(text);
}

/** A what-if request whose JSON fills the JSON limit (many rules): read, parsed, then refused by validation or run. */
function bigWhatIf(bytes: number): Uint8Array {
  const rule = { select: { workload: "mem-wl-1" }, batchShare: 0.5 };
  const one = JSON.stringify(rule).length + 1;
  const count = Math.floor((bytes - 100) / one);
  return new TextEncoder().encode(JSON.stringify({ from: day(29).slice(0, 10), to: day(0).slice(0, 10), rules: Array.from({ length: count }, () => rule) }));
}

function cases(): Case[] {
  const requestLimit = maxRequestBytes();
  return [
    { kind: "events", request: `JSON array at the request limit (${mb(requestLimit)} MB)`, path: "/api/v1/events", auth: "key", contentType: "application/json", body: () => eventsJson(requestLimit - 1024, "mem-json"), expect: 200 },
    { kind: "events", request: `chunked NDJSON past the limit (sends ${mb(requestLimit) * 4} MB, no Content-Length)`, path: "/api/v1/events", auth: "key", contentType: "application/x-ndjson", body: () => ndjsonStream(requestLimit * 4, "mem-over"), expect: 413 },
    { kind: "events", request: `gzip expanding to ${mb(requestLimit) * 10} MB`, path: "/api/v1/events", auth: "key", contentType: "application/json", gzip: true, body: () => gzipBomb(`[${FIRST_EVENT},`, requestLimit * 10), expect: 413 },
    { kind: "otlp", request: `protobuf, ${MAX_OTLP_SPANS.toLocaleString("en-US")} spans (the cap)`, path: "/api/otlp/v1/traces", auth: "key", contentType: "application/x-protobuf", body: () => otlpRequests(1, MAX_OTLP_SPANS)[0], expect: 200 },
    { kind: "otlp", request: `JSON, ${MAX_OTLP_SPANS.toLocaleString("en-US")} spans (the cap)`, path: "/api/otlp/v1/traces", auth: "key", contentType: "application/json", body: () => otlpRequests(1, MAX_OTLP_SPANS, "json")[0], expect: 200 },
    { kind: "otlp", request: `protobuf, ${(MAX_OTLP_SPANS + 1).toLocaleString("en-US")} spans (one over the cap)`, path: "/api/otlp/v1/traces", auth: "key", contentType: "application/x-protobuf", body: () => otlpRequests(1, MAX_OTLP_SPANS + 1)[0], expect: 413 },
    { kind: "imports", request: `${IMPORT_MB} MB NDJSON file, streamed (chunked)`, path: "/api/v1/imports?filename=big.ndjson", auth: "key", contentType: "application/x-ndjson", body: () => ndjsonStream(IMPORT_MB * MB, "mem-import"), expect: 200 },
    { kind: "imports", request: `gzip file expanding to ${IMPORT_LIMIT_MB * 4} MB (limit ${IMPORT_LIMIT_MB} MB)`, path: "/api/v1/imports?filename=bomb.ndjson.gz", auth: "key", contentType: "application/gzip", body: () => gzipBomb(`${FIRST_EVENT}\n`, IMPORT_LIMIT_MB * 4 * MB), expect: 413 },
    { kind: "evals", request: `CSV at the upload limit (${mb(MAX_EVAL_UPLOAD_BYTES)} MB)`, path: "/api/v1/evals?set=mem-evals", auth: "session", contentType: "text/csv", body: () => evalCsv(MAX_EVAL_UPLOAD_BYTES - 1024), expect: 201 },
    { kind: "evals", request: `chunked CSV past the limit (sends ${mb(MAX_EVAL_UPLOAD_BYTES) * 2} MB)`, path: "/api/v1/evals?set=mem-evals-over", auth: "session", contentType: "text/csv", body: () => ndjsonStream(MAX_EVAL_UPLOAD_BYTES * 2, "mem-eval-over"), expect: 413 },
    { kind: "bills", request: `OpenAI costs export at the limit (${mb(MAX_BILL_BYTES)} MB)`, path: "/api/v1/bills?provider=openai", auth: "session", contentType: "application/json", body: () => openaiBill(MAX_BILL_BYTES - 4096), expect: 201 },
    { kind: "metrics", request: "CSV of 10,000 metric lines (the row cap)", path: "/api/v1/metrics", auth: "session", contentType: "text/csv", body: () => metricsCsv(MAX_METRICS_CSV_BYTES), expect: 200 },
    { kind: "json", request: `what-if body at the JSON limit (${mb(MAX_JSON_BYTES)} MB)`, path: "/api/v1/whatif", auth: "session", contentType: "application/json", body: () => bigWhatIf(MAX_JSON_BYTES - 1024), expect: 400 },
    { kind: "json", request: `what-if body past the JSON limit (chunked, ${mb(MAX_JSON_BYTES) * 8} MB)`, path: "/api/v1/whatif", auth: "session", contentType: "application/json", body: () => ndjsonStream(MAX_JSON_BYTES * 8, "mem-json-over"), expect: 413 },
  ];
}

async function send(c: Case, body: Body, creds: { cookie: string; key: string }): Promise<{ status: number | string; bytesSent: number | null; answer: string }> {
  const headers: Record<string, string> = { "content-type": c.contentType, origin: base };
  if (c.auth === "key") headers.authorization = `Bearer ${creds.key}`;
  else headers.cookie = creds.cookie;
  if (c.gzip) headers["content-encoding"] = "gzip";
  const init: RequestInit & { duplex?: "half" } = { method: "POST", headers };
  if (typeof body === "function") {
    init.body = body();
    init.duplex = "half";
  } else {
    init.body = body as Uint8Array<ArrayBuffer>;
  }
  try {
    const res = await fetch(`${base}${c.path}`, init);
    const text = await res.text();
    return { status: res.status, bytesSent: typeof body === "function" ? null : body.length, answer: text.slice(0, 160) };
  } catch (error) {
    // A server that answers 413 and closes while a chunked body is still being sent can end the upload with a socket error.
    return { status: `connection closed: ${(error as Error).cause ?? (error as Error).message}`, bytesSent: null, answer: "" };
  }
}

async function main() {
  rmSync(work, { recursive: true, force: true });
  const db = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), port: Number(process.env.BENCH_PG_PORT ?? 54394), database: "bench_memory" });
  let server: ChildProcess | undefined;
  try {
    await migrate(db.url);
    const creds = await benchCredentials(db.url, secret, "memory");
    const results = [];
    const idleRssMb: Record<string, number> = {};
    const selected = cases().filter((x) => !ONLY || ONLY.has(x.kind));
    // A fresh server per kind, so a kind's peak is not hidden by heap an earlier kind left behind.
    for (const kind of [...new Set(selected.map((c) => c.kind))]) {
      // Every body of the kind is built before its server starts and requests follow one another at once: a body
      // built between two requests can take longer than the server's keep-alive timeout (5 s), and the next
      // request would then go out on a pooled connection the server has just closed (EPIPE).
      const prepared = selected.filter((x) => x.kind === kind).map((c) => ({ c, body: c.body() }));
      server = await startProductionServer({ url: db.url, port, secret, env: { RIGHTSIZE_MAX_IMPORT_MB: String(IMPORT_LIMIT_MB) }, logFile: path.join(work, "server.log") });
      await fetch(`${base}/api/v1/budgets`, { headers: { cookie: creds.cookie } }).then((r) => r.text());
      idleRssMb[kind] = mb(treeRss(server.pid!));
      for (const { c, body } of prepared) {
        log(`${c.kind}: ${c.request}...`);
        const before = treeRss(server.pid!);
        resetTreePeak(server.pid!);
        const started = performance.now();
        const answer = await send(c, body, creds);
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        const peak = treePeak(server.pid!);
        const result = { kind: c.kind, request: c.request, status: answer.status, expected: c.expect, ok: answer.status === c.expect, seconds, rssBeforeMb: mb(before), peakMb: mb(peak), growthMb: mb(peak - before), ...(answer.status === c.expect ? {} : { answer: answer.answer }) };
        log(`  ${JSON.stringify(result)}`);
        results.push(result);
      }
      await stopServer(server);
      server = undefined;
    }
    const worst = results.reduce((a, b) => (b.peakMb > a.peakMb ? b : a));
    console.log(
      JSON.stringify(
        {
          machine: { cpus: cpus().length, node: process.version, loadAvg1m: Math.round(loadavg()[0] * 100) / 100 },
          limits: { requestMb: mb(maxRequestBytes()), importMb: IMPORT_LIMIT_MB, jsonMb: mb(MAX_JSON_BYTES), evalMb: mb(MAX_EVAL_UPLOAD_BYTES), billMb: mb(MAX_BILL_BYTES), otlpSpans: MAX_OTLP_SPANS },
          idleRssMb,
          worst: { kind: worst.kind, request: worst.request, peakMb: worst.peakMb },
          requests: results,
        },
        null,
        2,
      ),
    );
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    if (server) await stopServer(server);
    await db.stop();
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
