/**
 * What the usage_shape_daily roll-up costs ingestion: loads N generated demo events through IngestSession into a
 * fresh embedded database, several times, and prints events/second as JSON. Run once before and once after a
 * change to lib/ingest/store/write-batch.ts:  npx tsx bench/whatif-ingest-cost.ts [events] [runs]
 */
import { rmSync } from "node:fs";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { closePool, pool } from "@/lib/db/pool";
import { IngestSession } from "@/lib/ingest/ingest-session";
import { generateDemoEvents } from "@/lib/demo/generate";

const events = Number(process.argv[2] ?? 300_000);
const runs = Number(process.argv[3] ?? 3);
const dataDir = "/tmp/rs-ingest-cost";
rmSync(dataDir, { recursive: true, force: true });
const db = await startEmbeddedPostgres({ dataDir, port: 54393, database: "ingest_cost" });
process.env.DATABASE_URL = db.url;
await migrate(db.url);
const results: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    await pool().query(`TRUNCATE usage_events, usage_daily, usage_daily_user, usage_shape_daily, ingest_batches`);
    const started = performance.now();
    const session = await IngestSession.open({ source: "demo", format: "demo", actor: "bench", batchSize: 25_000 });
    let i = 0;
    for (const e of generateDemoEvents({ events, days: 30, endDate: new Date("2026-11-01T00:00:00Z"), seed: 7 })) await session.add(e, i++);
    const summary = await session.finish();
    const seconds = (performance.now() - started) / 1000;
    results.push(Math.round(summary.accepted / seconds));
  }
  const shapeRows = await pool().query<{ n: string }>("SELECT count(*)::text AS n FROM usage_shape_daily");
  const dailyRows = await pool().query<{ n: string }>("SELECT count(*)::text AS n FROM usage_daily");
  const sorted = [...results].sort((a, b) => a - b);
  console.log(
    JSON.stringify({ events, runs: results, medianEventsPerSecond: sorted[Math.floor(sorted.length / 2)], usageDailyRows: Number(dailyRows.rows[0].n), usageShapeDailyRows: Number(shapeRows.rows[0].n) }),
  );
} finally {
  await closePool();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
