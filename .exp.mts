import pg from "pg";
import { DAILY_INSERT, DAILY_UPSERT, dailyRollupSelect } from "@/lib/ingest/store/columns";
import { SHAPE_INSERT, SHAPE_UPSERT, shapeRollupSelect, INPUT_BUCKET_SQL } from "@/lib/ingest/store/shape-rollup";
const c = new pg.Client({ connectionString: "postgresql://rightsize:rightsize@127.0.0.1:54390/rightsize" });
await c.connect();
const variants: Record<string, string> = {
  daily: `${DAILY_INSERT} ${dailyRollupSelect("b")} ${DAILY_UPSERT}`,
  shape: `${SHAPE_INSERT} ${shapeRollupSelect("b")} ${SHAPE_UPSERT}`,
  shapeSelectOnly: `SELECT count(*) FROM (${shapeRollupSelect("b")}) x`,
  dailySelectOnly: `SELECT count(*) FROM (${dailyRollupSelect("b")}) x`,
  bucketOnly: `SELECT sum(${INPUT_BUCKET_SQL}) FROM b e`,
};
const times: Record<string, number[]> = {};
for (let k = 0; k < 6; k++) {
  await c.query("BEGIN");
  await c.query(`CREATE TEMP TABLE b ON COMMIT DROP AS SELECT * FROM usage_events WHERE occurred_at >= now() - interval '${k + 2} days' LIMIT 25000`);
  for (const [name, sql] of Object.entries(variants)) {
    await c.query("SAVEPOINT s");
    const t = performance.now();
    await c.query(sql);
    (times[name] ??= []).push(performance.now() - t);
    await c.query("ROLLBACK TO SAVEPOINT s");
  }
  await c.query("ROLLBACK");
}
for (const [k, v] of Object.entries(times)) console.log(k, v.map((x) => Math.round(x)).join(" "));
await c.query("BEGIN");
await c.query(`CREATE TEMP TABLE b ON COMMIT DROP AS SELECT * FROM usage_events WHERE occurred_at >= now() - interval '3 days' LIMIT 25000`);
const plan = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${variants.shape}`);
console.log(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"));
await c.query("ROLLBACK");
await c.end();
