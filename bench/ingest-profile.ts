/**
 * Where ingestion's CPU goes (issue 17.1), for `npm run bench:ingest-profile [-- --events N]`: a CLI import of N demo
 * events (default 200,000) into a throwaway PostgreSQL with pg_stat_statements loaded, the importer run under
 * `node --cpu-prof`. Prints JSON: the import's CPU per event (node, PostgreSQL), the statements that took the most
 * server time, the functions with the most self time in the importer, and EXPLAIN (ANALYZE, BUFFERS, WAL) of the
 * batch write for 25,000 events (after the timed import, so EXPLAIN's overhead stays out of the CPU figures).
 * --keep keeps the files and the profile.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { to as copyTo } from "pg-copy-streams";
import type pg from "pg";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { closePool, pool } from "@/lib/db/pool";
import { demoLines, writeLines } from "./ingest-data";
import { pgCpuMs } from "./pg-cpu";
import { startMachineMeter } from "./machine";

const { values } = parseArgs({ options: { events: { type: "string" }, keep: { type: "boolean" } } });
const EVENTS = Number(values.events ?? 200_000);
const root = path.resolve(import.meta.dirname, "..");
const work = "/tmp/rs-bench-ingest-profile";
const log = (line: string) => process.stderr.write(`${line}\n`);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const db = await startEmbeddedPostgres({
  dataDir: path.join(work, "pg"),
  port: Number(process.env.BENCH_PG_PORT ?? 54392),
  database: "bench_profile",
  flags: ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=all"],
});
const pgDir = path.join(work, "pg", "pg");
try {
  process.env.DATABASE_URL = db.url;
  await migrate(db.url);
  await pool().query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  await pool().query(`INSERT INTO teams (slug, name) VALUES ('platform', 'Platform')`);
  await pool().query(`INSERT INTO attribution_rules (position, name, match, team_id) VALUES (1, 'svc-3 is platform', '{"serviceName":"svc-3"}', (SELECT id FROM teams WHERE slug = 'platform'))`);
  const file = path.join(work, "events.ndjson");
  log(`writing ${EVENTS.toLocaleString("en-US")} demo events...`);
  await writeLines(file, demoLines(EVENTS, 101));
  await pool().query("SELECT pg_stat_statements_reset()");
  const meter = startMachineMeter({ postgres: () => pgCpuMs(pgDir) });
  const pgBefore = pgCpuMs(pgDir);
  log("importing under --cpu-prof...");
  const profDir = path.join(work, "prof");
  const out = cliImport(file, ["--cpu-prof", `--cpu-prof-dir=${profDir}`]);
  const pgMs = pgCpuMs(pgDir) - pgBefore;
  const stored = out.accepted + out.duplicates;
  const statements = await pool().query<{ query: string; calls: string; ms: number; rows: string }>(
    `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query, calls, round(total_exec_time)::int AS ms, rows
     FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 12`,
  );
  const profile = JSON.parse(readFileSync(path.join(profDir, readdirSync(profDir)[0]), "utf8"));
  const result = {
    events: stored,
    cpuUsPerEvent: { node: round((out.cpuMs * 1000) / stored), postgres: round((pgMs * 1000) / stored) },
    nodeSelfTime: topSelf(profile, 25),
    postgresStatements: statements.rows.map((s) => ({ ms: s.ms, usPerEvent: round((s.ms * 1000) / stored), calls: Number(s.calls), rows: Number(s.rows), query: s.query })),
    explainBatch: await explainBatchWrite(),
    machine: meter.finish(),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await closePool();
  await db.stop();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

/** Functions by self time (ms and share of samples) from a .cpuprofile (Chrome DevTools format). */
function topSelf(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] }, n: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i])!;
    const f = node.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(node_modules|wt\/[^/]+)\//, "")}:${f.lineNumber + 1}`;
    const dt = profile.timeDeltas[i] / 1000;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, ms]) => ({ ms: Math.round(ms), share: round((ms / total) * 100), fn }));
}

function cliImport(file: string, nodeFlags: string[] = []) {
  const r = spawnSync(
    process.execPath,
    [...nodeFlags, "--conditions=react-server", "--import", "tsx", path.join(root, "cli/main.ts"), "ingest", "--json", file],
    { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: db.url, RIGHTSIZE_ROOT: root, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") }, maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

/**
 * EXPLAIN (ANALYZE, BUFFERS, WAL) of the batch write's statements (rules UPDATE, the insert with its roll-up
 * upserts) for 25,000 stored events taken out and written again through writeBatch itself, so the plans are of the
 * statements ingestion runs: its client prefixes those statements with EXPLAIN (which still executes them).
 */
async function explainBatchWrite(): Promise<string[]> {
  const { writeBatch } = await import("@/lib/ingest/store/write-batch");
  const { EVENT_COLUMNS } = await import("@/lib/ingest/store/columns");
  const { loadCompiledRules } = await import("@/lib/attribution/load-rules");
  const client = await pool().connect();
  try {
    // 25,000 random stored events as COPY text rows, then removed, so writing them again inserts them all.
    const rows: string[] = [];
    const out = client.query(copyTo(`COPY (SELECT ${EVENT_COLUMNS.join(", ")} FROM usage_events ORDER BY random() LIMIT 25000) TO STDOUT`));
    let rest = "";
    for await (const chunk of out as AsyncIterable<Buffer>) {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop()!;
      rows.push(...lines);
    }
    await client.query(`DELETE FROM usage_events WHERE dedup_key = ANY($1::uuid[])`, [rows.map((r) => r.slice(0, r.indexOf("\t")))]);
    const plans: string[] = [];
    const query = client.query.bind(client) as (text: unknown, values?: unknown) => unknown;
    // Not async: writeBatch's COPY must get the stream itself back.
    (client as { query: unknown }).query = (text: unknown, values?: unknown) => {
      // The insert is a named statement ({ name, text, values }): explained by its text, unnamed.
      const named = typeof text === "object" && text !== null && "text" in text ? (text as { text: string; values?: unknown }) : null;
      const sql = named ? named.text : text;
      if (typeof sql !== "string" || !/^\s*(WITH ins AS|UPDATE staging_events)/.test(sql)) return query(text, values);
      return (query(`EXPLAIN (ANALYZE, BUFFERS, WAL) ${sql}`, named ? named.values : values) as Promise<pg.QueryResult>).then((r) => {
        plans.push(...r.rows.map((row) => row["QUERY PLAN"] as string), "");
        return { rows: [{ inserted: 0 }], rowCount: 0 };
      });
    };
    await writeBatch(client, rows, await loadCompiledRules(pool()));
    return plans;
  } finally {
    client.release(true);
  }
}

function round(x: number) {
  return Math.round(x * 10) / 10;
}
