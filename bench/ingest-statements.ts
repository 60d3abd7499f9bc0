/**
 * PostgreSQL CPU of each statement of one ingest batch write (issue 17.1), for `npm run bench:ingest-statements
 * [-- --events N --rounds R --batch B]`: imports N demo events (default 200,000) through the CLI into a throwaway
 * PostgreSQL, then R times (default 6) takes B stored events (default 25,000) out of usage_events as COPY BINARY and
 * writes them again through writeBatch itself, reading the backend's CPU time from /proc around every statement.
 * The roll-ups keep their rows, so their upserts update existing rows as a steady import does. Prints µs per event
 * for each statement kind (the sum is what one batch costs PostgreSQL, commit included).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { to as copyTo } from "pg-copy-streams";
import type pg from "pg";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { closePool, pool } from "@/lib/db/pool";
import { demoLines, writeLines } from "./ingest-data";
import type { BinaryRows } from "@/lib/ingest/store/copy-binary";

const { values } = parseArgs({ options: { events: { type: "string" }, rounds: { type: "string" }, batch: { type: "string" }, keep: { type: "boolean" } } });
const EVENTS = Number(values.events ?? 200_000);
const ROUNDS = Number(values.rounds ?? 6);
const BATCH = Number(values.batch ?? 25_000);
const root = path.resolve(import.meta.dirname, "..");
const work = "/tmp/rs-bench-ingest-statements";
const log = (line: string) => process.stderr.write(`${line}\n`);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const db = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), port: Number(process.env.BENCH_PG_PORT ?? 54397), database: "bench_statements" });
try {
  process.env.DATABASE_URL = db.url;
  await migrate(db.url);
  await pool().query(`INSERT INTO teams (slug, name) VALUES ('platform', 'Platform')`);
  await pool().query(`INSERT INTO attribution_rules (position, name, match, team_id) VALUES (1, 'svc-3 is platform', '{"serviceName":"svc-3"}', (SELECT id FROM teams WHERE slug = 'platform'))`);
  const file = path.join(work, "events.ndjson");
  log(`importing ${EVENTS.toLocaleString("en-US")} demo events...`);
  await writeLines(file, demoLines(EVENTS, 101));
  const r = spawnSync(process.execPath, [path.join(root, "cli/bin.mjs"), "ingest", "--json", file], { encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url }, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr.slice(-2000)}`);
  await pool().query("VACUUM ANALYZE");
  const totals = new Map<string, number>();
  let events = 0;
  // One unmeasured round first: a new connection plans the batch statements and creates its staging table once,
  // which a long import or a busy server pays once per pooled connection, not per batch.
  await rewriteBatch();
  for (let round = 0; round < ROUNDS; round++) {
    const { ms, rows } = await rewriteBatch();
    events += rows;
    for (const [k, v] of ms) totals.set(k, (totals.get(k) ?? 0) + v);
    log(`round ${round + 1}: ${rows} events, ${[...ms.values()].reduce((a, b) => a + b, 0)} ms`);
  }
  const usPerEvent = Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round((v * 10000) / events) / 10]));
  const total = Math.round(([...totals.values()].reduce((a, b) => a + b, 0) * 10000) / events) / 10;
  console.log(JSON.stringify({ events, batch: BATCH, usPerEvent, total, loadAverage: (await import("node:os")).loadavg() }, null, 2));
} finally {
  await closePool();
  await db.stop();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

/** Backend CPU (ms) of one PostgreSQL process so far. */
function backendCpuMs(pid: number): number {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
}

/** Statement kind for the table: its first words, or the name the ingest code gives it. */
function kind(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (/^WITH ins AS/.test(t)) return "insert events + roll-ups";
  if (/^COPY/.test(t)) return "COPY staging";
  if (/^UPDATE staging_events e SET team_id = COALESCE/.test(t)) return "rules UPDATE";
  return t.slice(0, 60);
}

async function rewriteBatch(): Promise<{ ms: Map<string, number>; rows: number }> {
  const { writeBatch } = await import("@/lib/ingest/store/write-batch");
  const { EVENT_COLUMNS } = await import("@/lib/ingest/store/columns");
  const { loadCompiledRules } = await import("@/lib/attribution/load-rules");
  const client = await pool().connect();
  const originalQuery = client.query;
  try {
    const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    // BATCH consecutive stored events from a random point in time (a file import's batch covers a stretch of time,
    // which decides how many roll-up rows it touches), as one COPY BINARY stream, taken out so writing them again
    // inserts them all.
    const keys = (
      await client.query<{ k: string; t: Date }>(
        `SELECT dedup_key::text AS k, occurred_at AS t FROM usage_events
         WHERE occurred_at >= (SELECT min(occurred_at) + random() * (max(occurred_at) - min(occurred_at)) * 0.8 FROM usage_events)
         ORDER BY occurred_at LIMIT ${BATCH}`,
      )
    ).rows;
    const chunks: Buffer[] = [];
    const out = client.query(copyTo(`COPY (SELECT ${EVENT_COLUMNS.join(", ")} FROM usage_events WHERE dedup_key = ANY('{${keys.map((k) => k.k).join(",")}}'::uuid[]) ORDER BY occurred_at, dedup_key) TO STDOUT (FORMAT binary)`));
    for await (const chunk of out as AsyncIterable<Buffer>) chunks.push(chunk);
    const months = new Set(keys.map((k) => k.t.toISOString().slice(0, 7)));
    await client.query(`DELETE FROM usage_events WHERE dedup_key = ANY($1::uuid[])`, [keys.map((k) => k.k)]);
    const rows = { binary: true, count: keys.length, months, chunks: () => [Buffer.concat(chunks)] } as unknown as BinaryRows;
    const ms = new Map<string, number>();
    const query = client.query.bind(client) as (text: unknown, values?: unknown) => unknown;
    const add = (k: string, v: number) => ms.set(k, (ms.get(k) ?? 0) + v);
    // Not async: writeBatch's COPY must get its stream back. CPU is read when each statement's promise settles.
    (client as { query: unknown }).query = (text: unknown, values?: unknown) => {
      const sql = typeof text === "string" ? text : ((text as { text?: string }).text ?? "COPY");
      const before = backendCpuMs(pid);
      const result = query(text, values) as Promise<pg.QueryResult> | { on(e: string, f: () => void): void };
      const done = () => add(kind(sql), backendCpuMs(pid) - before);
      if (result instanceof Promise) return result.finally(done);
      result.on("finish", done);
      result.on("error", done);
      return result;
    };
    await writeBatch(client, rows, await loadCompiledRules(pool()));
    return { ms, rows: keys.length };
  } finally {
    client.query = originalQuery; // the pool hands the connection out again: warm, without the CPU probe
    client.release();
  }
}
