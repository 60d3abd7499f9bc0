// text vs binary COPY of the same 25k rows into a temp table; min of several runs
import { rmSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { generateDemoEvents } from "@/lib/demo/generate";
import { EVENT_COLUMNS } from "@/lib/ingest/store/columns";
import { formatEventRow } from "@/lib/ingest/store/format-event";
import { createPricer } from "@/lib/pricing";
import { hash } from "node:crypto";

const dataDir = "/tmp/rsprof/pg3";
rmSync(dataDir, { recursive: true, force: true });
const db = await startEmbeddedPostgres({ dataDir, port: 54386, database: "prof" });
await migrate(db.url);
const pricer = createPricer([]);
const events = [...generateDemoEvents({ events: 25_000, days: 30, endDate: new Date(), seed: 10 })];
const ids = (e: any) => ({ modelId: 1, teamId: 1, workloadId: 1, apiKeyId: null, price: pricer.price({ ...e }), batchId: 1 });
let t0 = performance.now();
const rows = events.map((e) => formatEventRow(e, ids(e)));
const textJs = performance.now() - t0;

// binary encoder (subset: same columns)
const PG_EPOCH_MS = 946684800000;
function bin(e: any, x: any): Buffer[] {
  const parts: Buffer[] = [];
  const b = Buffer.allocUnsafe(2); b.writeInt16BE(27); parts.push(b);
  const int4 = (v: number | null) => { if (v === null) { const n = Buffer.allocUnsafe(4); n.writeInt32BE(-1); parts.push(n); return; } const c = Buffer.allocUnsafe(8); c.writeInt32BE(4); c.writeInt32BE(v, 4); parts.push(c); };
  const int2 = (v: number) => { const c = Buffer.allocUnsafe(6); c.writeInt32BE(2); c.writeInt16BE(v, 4); parts.push(c); };
  const int8 = (v: bigint | null) => { if (v === null) { const n = Buffer.allocUnsafe(4); n.writeInt32BE(-1); parts.push(n); return; } const c = Buffer.allocUnsafe(12); c.writeInt32BE(8); c.writeBigInt64BE(v, 4); parts.push(c); };
  const text = (v: string | null) => { if (v === null) { const n = Buffer.allocUnsafe(4); n.writeInt32BE(-1); parts.push(n); return; } const s = Buffer.from(v, "utf8"); const l = Buffer.allocUnsafe(4); l.writeInt32BE(s.length); parts.push(l, s); };
  const bool = (v: boolean) => { const c = Buffer.allocUnsafe(5); c.writeInt32BE(1); c[4] = v ? 1 : 0; parts.push(c); };
  const digest = hash("sha256", `api:${e.externalId}`, "buffer") as unknown as Buffer;
  const u = Buffer.allocUnsafe(4); u.writeInt32BE(16); parts.push(u, digest.subarray(0, 16));
  const ts = Buffer.allocUnsafe(12); ts.writeInt32BE(8); ts.writeBigInt64BE(BigInt(e.occurredAt.getTime() - PG_EPOCH_MS) * 1000n, 4); parts.push(ts);
  int2(1); int4(1); int4(1); int4(1); int4(null); text(e.user); text(e.team); text(e.workload); text(e.sourceKey);
  int4(e.inputTokens); int4(e.cachedInputTokens); int4(e.cacheWriteTokens); int4(e.outputTokens); int4(e.reasoningTokens); int4(e.requests);
  bool(e.batch); text(e.serviceTier); int8(x.price.costNanos); int8(e.sourceCostNanos); int2(x.price.priceSource); int4(x.price.overrideId); int4(e.latencyMs); text(e.status);
  const tags = Object.keys(e.tags).length ? JSON.stringify(e.tags) : null;
  if (tags === null) { const n = Buffer.allocUnsafe(4); n.writeInt32BE(-1); parts.push(n); } else { const s = Buffer.from("\x01" + tags, "utf8"); const l = Buffer.allocUnsafe(4); l.writeInt32BE(s.length); parts.push(l, s); }
  int4(1);
  return parts;
}
t0 = performance.now();
const binParts: Buffer[] = [Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)])];
for (const e of events) binParts.push(...bin(e, ids(e)));
binParts.push(Buffer.from([0xff, 0xff]));
const binBuf = Buffer.concat(binParts);
const binJs = performance.now() - t0;
console.log({ textJs: Math.round(textJs), binJs: Math.round(binJs) });

const c = new pg.Client({ connectionString: db.url });
await c.connect();
await c.query(`CREATE TEMP TABLE s (LIKE usage_events INCLUDING DEFAULTS)`);
const res: Record<string, number[]> = { text: [], binary: [] };
const bpid = (await c.query("SELECT pg_backend_pid() AS p")).rows[0].p;
const { readFileSync } = await import("node:fs");
const cpu = () => { const t = readFileSync(`/proc/${bpid}/stat`, "utf8"); const f = t.slice(t.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
for (let i = 0; i < 6; i++) {
  await c.query("TRUNCATE s");
  let t = cpu();
  await pipeline(Readable.from([rows.join("\n") + "\n"]), c.query(copyFrom(`COPY s (${EVENT_COLUMNS.join(", ")}) FROM STDIN`)));
  res.text.push(cpu() - t);
  await c.query("TRUNCATE s");
  t = cpu();
  await pipeline(Readable.from([binBuf]), c.query(copyFrom(`COPY s (${EVENT_COLUMNS.join(", ")}) FROM STDIN (FORMAT binary)`)));
  res.binary.push(cpu() - t);
}
const chk = await c.query("SELECT count(*), min(occurred_at), max(tags::text) FROM s"); console.log(chk.rows[0]);
console.log(res);
await c.end();
await db.stop();
