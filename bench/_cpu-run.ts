import { spawnSync } from "node:child_process";
import pg from "pg";
import { pgCpuMs } from "./pg-cpu";
const url = "postgresql://rightsize:rightsize@127.0.0.1:54391/bench_ingest";
const file = process.argv[2] ?? "/tmp/rs-bench-ingest/events.ndjson";
for (let i = 0; i < Number(process.argv[3] ?? 2); i++) {
  const c = new pg.Client(url); await c.connect(); await c.query("TRUNCATE usage_events, usage_daily, usage_daily_user, usage_shape_daily"); await c.query("CHECKPOINT"); await c.end();
  const before = pgCpuMs("/tmp/rs-bench-ingest/pg/pg");
  const r = spawnSync(process.execPath, ["/work/main/cli/bin.mjs", "ingest", "--json", file], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
  const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
  const n = out.accepted + out.duplicates;
  console.log(JSON.stringify({ eps: out.eventsPerSecond, rss: out.maxRssMb, nodeUs: +(out.cpuMs * 1000 / n).toFixed(1), pgUs: +((pgCpuMs("/tmp/rs-bench-ingest/pg/pg") - before) * 1000 / n).toFixed(1), load: (await import("node:os")).loadavg()[0] }));
}
