// Splits one batch write into its statements and times each, on a table that already holds `pre` events.
import { rmSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { closePool, pool } from "@/lib/db/pool";
import { IngestSession } from "@/lib/ingest/ingest-session";
import { generateDemoEvents } from "@/lib/demo/generate";
import { EVENT_COLUMNS, DAILY_INSERT, DAILY_UPSERT, USER_INSERT, USER_UPSERT, dailyRollupSelect, userRollupSelect } from "@/lib/ingest/store/columns";
import { SHAPE_INSERT, SHAPE_UPSERT, shapeRollupSelect } from "@/lib/ingest/store/shape-rollup";
import { formatEventRow } from "@/lib/ingest/store/format-event";
import { createPricer } from "@/lib/pricing";

const dataDir = "/tmp/rsprof/pg2";
rmSync(dataDir, { recursive: true, force: true });
const db = await startEmbeddedPostgres({ dataDir, port: 54387, database: "prof" });
process.env.DATABASE_URL = db.url;
await migrate(db.url);
const pre = Number(process.argv[2] ?? 500_000);
const s = await IngestSession.open({ source: "demo", format: "demo", actor: "prof", batchSize: 25_000 });
let i = 0;
for (const e of generateDemoEvents({ events: pre, days: 30, endDate: new Date(), seed: 9 })) await s.add(e, i++);
await s.finish();
const pricer = createPricer([]);
const rows: string[] = [];
for (const e of generateDemoEvents({ events: 25_000, days: 30, endDate: new Date(), seed: 10 })) rows.push(formatEventRow(e, { modelId: 1, teamId: 1, workloadId: 1, apiKeyId: null, price: pricer.price({ ...e }), batchId: 1 }));
import pg from "pg";
const c = new pg.Client({ connectionString: db.url });
await c.connect();
const bpid = (await c.query("SELECT pg_backend_pid() AS p")).rows[0].p;
const { readFileSync } = await import("node:fs");
const cpu = () => { const t = readFileSync(`/proc/${bpid}/stat`, "utf8"); const f = t.slice(t.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const totals = new Map<string, number>();
const t = async (label: string, f: () => Promise<unknown>) => { const a = cpu(); await f(); const d = cpu() - a; totals.set(label, (totals.get(label) ?? 0) + d); };
const mode = process.argv[3] ?? "default";
if (process.argv[4] === "tempbuf") await c.query("SET temp_buffers = '128MB'");
for (let round = 0; round < 12; round++) {
const rows2 = rows.map((r) => { const k = r.slice(0, 36); const nk = (round.toString(16) + k.slice(1)); return nk + r.slice(36); });
await c.query("BEGIN");
await t("create temp", () => c.query(`CREATE TEMP TABLE IF NOT EXISTS staging_events (LIKE usage_events INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`));
await t("copy", () => pipeline(Readable.from([rows2.join("\n") + "\n"]), c.query(copyFrom(`COPY staging_events (${EVENT_COLUMNS.join(", ")}) FROM STDIN`))));
if (mode === "default") {
  await t("insert on conflict returning", () => c.query(`CREATE TEMP TABLE ins ON COMMIT DROP AS WITH i AS (INSERT INTO usage_events SELECT * FROM staging_events ORDER BY dedup_key ON CONFLICT (dedup_key) DO NOTHING RETURNING occurred_at, team_id, workload_id, model_id, batch, service_tier, user_name, requests, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos, source_cost_nanos) SELECT * FROM i`));
} else if (mode === "antijoin") {
  await t("delete dups", () => c.query(`DELETE FROM staging_events s USING usage_events e WHERE e.dedup_key = s.dedup_key`));
  await t("plain insert", () => c.query(`INSERT INTO usage_events SELECT * FROM staging_events ORDER BY dedup_key`));
  await c.query(`CREATE TEMP VIEW ins AS SELECT * FROM staging_events`);
} else if (mode === "nestloop") {
  await c.query("SET LOCAL enable_hashjoin = off"); await c.query("SET LOCAL enable_mergejoin = off");
  await t("delete dups", () => c.query(`DELETE FROM staging_events s WHERE EXISTS (SELECT 1 FROM usage_events e WHERE e.dedup_key = s.dedup_key)`));
  await t("plain insert", () => c.query(`INSERT INTO usage_events SELECT * FROM staging_events ORDER BY dedup_key`));
  await c.query(`CREATE TEMP VIEW ins AS SELECT * FROM staging_events`);
} else if (mode === "nosort") {
  await t("delete dups", () => c.query(`DELETE FROM staging_events s USING usage_events e WHERE e.dedup_key = s.dedup_key`));
  await t("plain insert unsorted", () => c.query(`INSERT INTO usage_events SELECT * FROM staging_events`));
  await c.query(`CREATE TEMP VIEW ins AS SELECT * FROM staging_events`);
}
await t("daily", () => c.query(`${DAILY_INSERT} ${dailyRollupSelect("ins")} ${DAILY_UPSERT}`));
await t("user", () => c.query(`${USER_INSERT} ${userRollupSelect("ins")} ${USER_UPSERT}`));
await t("shape", () => c.query(`${SHAPE_INSERT} ${shapeRollupSelect("ins")} ${SHAPE_UPSERT}`));
await t("commit", () => c.query("COMMIT"));
if (mode !== "default") await c.query("DROP VIEW IF EXISTS ins");
}
for (const [k, v] of totals) console.log(`${(v / 12).toFixed(0).padStart(5)} ms cpu/batch  ${k}`);
await c.end();

await closePool();
await db.stop();
