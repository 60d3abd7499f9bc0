/**
 * Ingestion benchmarks (npm run bench:ingest), printing one JSON object. Against a fresh embedded PostgreSQL:
 * 1. cli:  `rightsize ingest` of N native NDJSON events from the demo company (default 1,000,000): parse,
 *          validate, price, dedupe, roll-ups. Target >= 100k events/s.
 * 2. http: POST /api/v1/events, 4 concurrent clients sending 5,000-event NDJSON batches, against a node:http
 *          server in its own process hosting the route handler (bench/ingest-server.ts). Target >= 50k events/s.
 * 3. otlp: OTLP protobuf requests of 1,000 GenAI spans from the SDK's serializer, 4 concurrent. Target >= 20k spans/s.
 * 4. rss:  `rightsize ingest` of a ~2 GB NDJSON file; peak RSS of the importing process. Target < 512 MB.
 * 5. reprice (needs cli): a price override for the most used model, valid over the whole history: the time to
 *          re-price its stored events and roll-ups (no target; reported so the cost of a price change is known).
 * Options: --events N, --only cli,http,otlp,rss, --rss-gb G (default 2), --batch-size N (CLI imports), --spans-per-trace N
 * (OTLP spans sharing a trace, i.e. a run; default 1: each span a run of its own), --spans-per-request N (default 1,000),
 * --keep (keep the database and files). BENCH_PG_STATEMENTS=1 loads pg_stat_statements (with planning time) and prints
 * the statements of the HTTP/OTLP phases that took PostgreSQL the most time, per request, to see what a request
 * costs beside its events.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { createHash, randomBytes } from "node:crypto";
import { demoLines, otlpRequests, syntheticLines, writeLines } from "./ingest-data";
import { childrenCpuMs, pgCpuMs, processCpuMs } from "./pg-cpu";
import { startMachineMeter } from "./machine";

const { values } = parseArgs({ options: { events: { type: "string" }, only: { type: "string" }, "rss-gb": { type: "string" }, keep: { type: "boolean" }, "batch-size": { type: "string" }, "spans-per-trace": { type: "string" }, "spans-per-request": { type: "string" } } });
const EVENTS = Number(values.events ?? 1_000_000);
/** OTLP spans per trace (each trace is one run): 1, the default, makes every span a run of its own (the costliest). */
const SPANS_PER_TRACE = Number(values["spans-per-trace"] ?? 1);
/** OTLP spans per export request (default 1,000; an SDK's batch processor sends up to 512 every 5 s, fewer when quiet). */
const SPANS_PER_REQUEST = Number(values["spans-per-request"] ?? 1000);
const ONLY = new Set((values.only ?? "cli,reprice,http,otlp,rss").split(","));
const RSS_GB = Number(values["rss-gb"] ?? 2);
const root = path.resolve(import.meta.dirname, "..");
const work = "/tmp/rs-bench-ingest";
const log = (line: string) => process.stderr.write(`${line}\n`);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const STATEMENTS = process.env.BENCH_PG_STATEMENTS === "1";
const db = await startEmbeddedPostgres({
  dataDir: path.join(work, "pg"),
  port: Number(process.env.BENCH_PG_PORT ?? 54391),
  database: "bench_ingest",
  flags: STATEMENTS ? ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=all", "-c", "pg_stat_statements.track_planning=on"] : [],
});
process.env.DATABASE_URL = db.url;
await migrate(db.url);
if (STATEMENTS) await pool().query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
// One attribution rule, as a real workspace has: batches then run the rule UPDATE too.
await pool().query(`INSERT INTO teams (slug, name) VALUES ('platform', 'Platform')`);
await pool().query(`INSERT INTO attribution_rules (position, name, match, team_id) VALUES (1, 'svc-3 is platform', '{"serviceName":"svc-3"}', (SELECT id FROM teams WHERE slug = 'platform'))`);

const pgDir = path.join(work, "pg", "pg");
// CLI imports and the ingest server run as children: once they exit, their CPU shows in this process's children's time.
const meter = startMachineMeter({ postgres: () => pgCpuMs(pgDir), "children (CLI imports, ingest server)": () => childrenCpuMs() });
const results: Record<string, unknown> = {};

function cliImport(file: string) {
  const started = performance.now();
  const pgBefore = pgCpuMs(pgDir);
  const batch = values["batch-size"] ? ["--batch-size", values["batch-size"]] : [];
  const r = spawnSync(process.execPath, [path.join(root, "cli/bin.mjs"), "ingest", "--json", ...batch, file], { encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url }, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`rightsize ingest failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
  const stored = out.accepted + out.duplicates;
  return {
    ...out,
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    cpuUsPerEvent: { node: Math.round((out.cpuMs * 1000) / stored * 10) / 10, postgres: Math.round(((pgCpuMs(pgDir) - pgBefore) * 1000) / stored * 10) / 10 },
  };
}

/** BENCH_PG_STATEMENTS: the statements that took the most PostgreSQL time (planning + execution), in µs per request. */
async function topStatements(requests: number) {
  const rows = await pool().query<{ query: string; calls: string; us: number }>(
    `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS query, calls, round((total_plan_time + total_exec_time) * 1000)::bigint AS us
     FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_plan_time + total_exec_time DESC LIMIT 15`,
  );
  return rows.rows.map((r) => ({ usPerRequest: Math.round(Number(r.us) / requests), callsPerRequest: Math.round((Number(r.calls) / requests) * 10) / 10, query: r.query }));
}

try {
  if (ONLY.has("cli")) {
    const file = path.join(work, "events.ndjson");
    log(`cli: writing ${EVENTS.toLocaleString("en-US")} demo events...`);
    await writeLines(file, demoLines(EVENTS, 101));
    log("cli: importing...");
    const r = cliImport(file);
    results.cli = { events: r.accepted, bytes: r.bytes, seconds: r.seconds, eventsPerSecond: r.eventsPerSecond, wallSeconds: r.wallSeconds, maxRssMb: r.maxRssMb, cpuUsPerEvent: r.cpuUsPerEvent, loadAverage: (await import("node:os")).loadavg()[0], target: ">= 100000 events/s" };
    log(`cli: ${JSON.stringify(results.cli)}`);
  }

  if (ONLY.has("http") || ONLY.has("otlp")) {
    // An ingest key, stored as lib/auth/api-keys.ts stores them (that module is server-only; this script is not).
    const key = `rs_bench_${randomBytes(16).toString("hex")}`;
    await pool().query("INSERT INTO api_keys (name, prefix, hash, scopes) VALUES ('bench', 'rs_bench', $1, '{ingest}')", [createHash("sha256").update(key).digest("hex")]);
    // BENCH_SERVER_PROFILE=<dir>: write a CPU profile of the server (node --cpu-prof) to look at its hot spots.
    const profile = process.env.BENCH_SERVER_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : [];
    const server = spawn(process.execPath, [...profile, "--conditions=react-server", "--import", "tsx", path.join(root, "bench/ingest-server.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
      server.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
    });
    const auth = { authorization: `Bearer ${key}` };
    /** Sends the bodies with `clients` concurrent loops; returns items/s over the whole run. */
    const run = async (bodies: Uint8Array[], perBody: number, endpoint: string, type: string, clients = 4) => {
      let next = 0;
      if (STATEMENTS) await pool().query("SELECT pg_stat_statements_reset()");
      const started = performance.now();
      const serverBefore = processCpuMs(server.pid!);
      const pgBefore = pgCpuMs(pgDir);
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < bodies.length) {
            const body = bodies[next++];
            const res = await fetch(`${url}${endpoint}`, { method: "POST", body: body as BodyInit, headers: { ...auth, "content-type": type } });
            const answer = await res.arrayBuffer();
            if (res.status !== 200) throw new Error(`${endpoint}: ${res.status} ${new TextDecoder().decode(answer).slice(0, 300)}`);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const items = bodies.length * perBody;
      const cpu = { server: Math.round(((processCpuMs(server.pid!) - serverBefore) * 10000) / items) / 10, postgres: Math.round(((pgCpuMs(pgDir) - pgBefore) * 10000) / items) / 10 };
      const statements = STATEMENTS ? await topStatements(bodies.length) : undefined;
      return { items, seconds: Math.round(seconds * 10) / 10, perSecond: Math.round(items / seconds), cpuUsPerItem: cpu, statements };
    };
    try {
      if (ONLY.has("http")) {
        const BATCH = 5000;
        const total = Math.max(100_000, Math.round(EVENTS / 5 / BATCH) * BATCH);
        const lines = [...demoLines(total, 202)];
        const bodies: Uint8Array[] = [];
        for (let i = 0; i < lines.length; i += BATCH) bodies.push(new TextEncoder().encode(lines.slice(i, i + BATCH).join("\n") + "\n"));
        log(`http: ${bodies.length} requests of ${BATCH} events, 4 clients...`);
        await run(bodies.slice(0, 2), BATCH, "/api/v1/events", "application/x-ndjson", 2); // warm-up (module load, first plans)
        const r = await run(bodies.slice(2), BATCH, "/api/v1/events", "application/x-ndjson");
        results.http = { server: "node:http hosting the route handler, separate process", clients: 4, batch: BATCH, events: r.items, seconds: r.seconds, eventsPerSecond: r.perSecond, cpuUsPerEvent: r.cpuUsPerItem, statements: r.statements, target: ">= 50000 events/s" };
        log(`http: ${JSON.stringify(results.http)}`);
      }
      if (ONLY.has("otlp")) {
        const SPANS = SPANS_PER_REQUEST;
        const requests = otlpRequests(Math.max(60, Math.round(EVENTS / 10 / SPANS)), SPANS, "protobuf", SPANS_PER_TRACE);
        log(`otlp: ${requests.length} protobuf requests of ${SPANS} spans, 4 clients...`);
        await run(requests.slice(0, 2), SPANS, "/api/otlp/v1/traces", "application/x-protobuf", 2);
        const r = await run(requests.slice(2), SPANS, "/api/otlp/v1/traces", "application/x-protobuf");
        results.otlp = { server: "node:http hosting the route handler, separate process", clients: 4, spansPerRequest: SPANS, spansPerTrace: SPANS_PER_TRACE, spans: r.items, seconds: r.seconds, spansPerSecond: r.perSecond, cpuUsPerSpan: r.cpuUsPerItem, statements: r.statements, target: ">= 20000 spans/s" };
        log(`otlp: ${JSON.stringify(results.otlp)}`);
      }
    } finally {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
  }

  // After the HTTP phases: the re-price UPDATEs leave dead rows whose autovacuum would slow whatever runs next.
  if (ONLY.has("reprice") && ONLY.has("cli")) {
    const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "bench/ingest-reprice.ts")], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: db.url, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") },
    });
    if (r.status !== 0) throw new Error(`re-pricing failed: ${r.stderr.slice(-2000)}`);
    results.reprice = JSON.parse(r.stdout.trim().split("\n").pop()!);
    log(`reprice: ${JSON.stringify(results.reprice)}`);
  }

  if (ONLY.has("rss")) {
    const file = path.join(work, "big.ndjson");
    log(`rss: writing a ${RSS_GB} GB file...`);
    await writeLines(file, syntheticLines("big"), RSS_GB * 1024 ** 3);
    log(`rss: importing ${(statSync(file).size / 1024 ** 3).toFixed(2)} GB...`);
    const r = cliImport(file);
    results.rss = { bytes: r.bytes, events: r.accepted, seconds: r.seconds, eventsPerSecond: r.eventsPerSecond, maxRssMb: r.maxRssMb, cpuUsPerEvent: r.cpuUsPerEvent, target: "< 512 MB" };
    log(`rss: ${JSON.stringify(results.rss)}`);
  }
  results.machine = meter.finish();
  console.log(JSON.stringify(results, null, 2));
} finally {
  await disconnectPrisma().catch(() => {});
  await closePool();
  await db.stop();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
