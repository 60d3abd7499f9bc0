import { rmSync } from "node:fs";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { closePool, pool } from "@/lib/db/pool";
import { IngestSession } from "@/lib/ingest/ingest-session";
import { generateDemoEvents } from "@/lib/demo/generate";

const dataDir = "/tmp/rsprof/pg";
rmSync(dataDir, { recursive: true, force: true });
const db = await startEmbeddedPostgres({ dataDir, port: 54388, database: "prof" });
process.env.DATABASE_URL = db.url;
await migrate(db.url);
const p = pool();
await p.query(`INSERT INTO teams (slug, name) VALUES ('platform', 'Platform')`);
await p.query(`INSERT INTO attribution_rules (position, name, match, team_id) VALUES (1, 'r', '{"serviceName":"svc-3"}', 1)`);
// time every statement by its first words
const times = new Map<string, number>();
const origConnect = p.connect.bind(p);
(p as any).connect = async (cb?: any) => {
  if (cb) return origConnect(cb);
  const c = await origConnect();
  if (!(c as any).__wrapped) {
    const q = c.query.bind(c);
    (c as any).query = (...args: any[]) => {
      const text = typeof args[0] === "string" ? args[0] : args[0]?.text ?? "COPY";
      const key = text.trim().replace(/\s+/g, " ").slice(0, 50);
      const t = performance.now();
      const r = q(...args);
      if (r && typeof r.then === "function") return r.then((v: any) => { times.set(key, (times.get(key) ?? 0) + performance.now() - t); return v; });
      if (r && typeof r.on === "function") { r.on("finish", () => times.set("COPY stream", (times.get("COPY stream") ?? 0) + performance.now() - t)); }
      return r;
    };
    (c as any).__wrapped = true;
  }
  return c;
};
const N = Number(process.argv[2] ?? 500_000);
const started = performance.now();
const session = await IngestSession.open({ source: "demo", format: "demo", actor: "prof", batchSize: Number(process.argv[3] ?? 25_000) });
let i = 0;
for (const e of generateDemoEvents({ events: N, days: 30, endDate: new Date(), seed: 9 })) await session.add(e, i++);
await session.finish();
const total = performance.now() - started;
console.log(JSON.stringify({ N, seconds: (total / 1000).toFixed(1), perSec: Math.round(N / (total / 1000)) }));
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1])) console.log(`${(v / 1000).toFixed(2)}s  ${k}`);
await closePool();
await db.stop();
