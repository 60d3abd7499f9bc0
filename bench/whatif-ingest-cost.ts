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
import { DAILY_INSERT, DAILY_UPSERT, dailyRollupSelect } from "@/lib/ingest/store/columns";
import { SHAPE_INSERT, SHAPE_UPSERT, shapeRollupSelect } from "@/lib/ingest/store/shape-rollup";

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
    await pool().query(`TRUNCATE usage_events, usage_daily, usage_15min, usage_daily_user, usage_shape_daily, ingest_batches`);
    const started = performance.now();
    const session = await IngestSession.open({ source: "demo", format: "demo", actor: "bench", batchSize: 25_000 });
    let i = 0;
    for (const e of generateDemoEvents({ events, days: 30, endDate: new Date("2026-11-01T00:00:00Z"), seed: 7 })) await session.add(e, i++);
    const summary = await session.finish();
    const seconds = (performance.now() - started) / 1000;
    results.push(Math.round(summary.accepted / seconds));
  }
  // The marginal cost in isolation: each roll-up's upsert over the same 25k-event batches (as ingestion sends),
  // rolled back, timed on the server side of one connection. Less noisy than whole-ingestion timings on a busy box.
  const client = await pool().connect();
  const perBatch = { usageDailyMs: [] as number[], usageShapeDailyMs: [] as number[] };
  try {
    for (let k = 0; k < 8; k++) {
      await client.query("BEGIN");
      await client.query(`CREATE TEMP TABLE b ON COMMIT DROP AS SELECT * FROM usage_events ORDER BY dedup_key LIMIT 25000 OFFSET ${k * 25000}`);
      for (const [name, sql] of [
        ["usageDailyMs", `${DAILY_INSERT} ${dailyRollupSelect("b")} ${DAILY_UPSERT}`],
        ["usageShapeDailyMs", `${SHAPE_INSERT} ${shapeRollupSelect("b")} ${SHAPE_UPSERT}`],
      ] as const) {
        await client.query("SAVEPOINT s");
        const t = performance.now();
        await client.query(sql);
        perBatch[name].push(performance.now() - t);
        await client.query("ROLLBACK TO SAVEPOINT s");
      }
      await client.query("ROLLBACK");
    }
  } finally {
    client.release();
  }
  const med = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] * 10) / 10;
  const shapeRows = await pool().query<{ n: string }>("SELECT count(*)::text AS n FROM usage_shape_daily");
  const dailyRows = await pool().query<{ n: string }>("SELECT count(*)::text AS n FROM usage_daily");
  const sorted = [...results].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      events, runs: results, medianEventsPerSecond: sorted[Math.floor(sorted.length / 2)],
      usageDailyRows: Number(dailyRows.rows[0].n), usageShapeDailyRows: Number(shapeRows.rows[0].n),
      upsertPer25kBatchMs: { usageDaily: med(perBatch.usageDailyMs), usageShapeDaily: med(perBatch.usageShapeDailyMs) },
    }),
  );
} finally {
  await closePool();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
