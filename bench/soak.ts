/**
 * Soak benchmark (npm run bench:soak), printing one JSON object: concurrent ingestion + dashboard reads + what-if
 * runs against ONE production server (`next start`, built first if sources changed) for a bounded time.
 * Reports p50/p95 latency per kind, errors (must be 0) and the server's RSS over time (growth should be flat).
 *
 * Database: a fresh embedded PostgreSQL in /tmp with `rightsize demo --events N` (default 100,000).
 * Options: --seconds S (default 180), --events N, --ingesters I (default 2), --readers R (default 3),
 * --whatifs W (default 1), --batch B events per ingest request (default 200).
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { cpus, loadavg } from "node:os";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { benchCredentials, log, mb, root, startProductionServer, treeRss } from "./bench-server";
import { addDays, todayUtc } from "@/lib/analytics/dates";

const { values } = parseArgs({
  options: { seconds: { type: "string" }, events: { type: "string" }, ingesters: { type: "string" }, readers: { type: "string" }, whatifs: { type: "string" }, batch: { type: "string" } },
});
const SECONDS = Number(values.seconds ?? 180);
const EVENTS = Number(values.events ?? 100_000);
const INGESTERS = Number(values.ingesters ?? 2);
const READERS = Number(values.readers ?? 3);
const WHATIFS = Number(values.whatifs ?? 1);
const BATCH = Number(values.batch ?? 200);
const work = "/tmp/rs-bench-soak";
const port = Number(process.env.BENCH_PORT ?? 3291);
const base = `http://localhost:${port}`;
const secret = "bench-soak-secret-0123456789abcdef";
const ms = (x: number) => Math.round(x * 10) / 10;

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : 0;
}

type Kind = "ingest" | "read" | "whatif";
const latencies: Record<Kind, number[]> = { ingest: [], read: [], whatif: [] };
const errors: string[] = [];

async function timed(kind: Kind, input: string, init: RequestInit) {
  const started = performance.now();
  try {
    const res = await fetch(input, init);
    const text = await res.text();
    if (!res.ok) errors.push(`${kind} ${res.status}: ${text.slice(0, 200)}`);
  } catch (error) {
    errors.push(`${kind}: ${(error as Error).message}`);
  }
  latencies[kind].push(performance.now() - started);
}

async function main() {
  rmSync(work, { recursive: true, force: true });
  const db = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), port: Number(process.env.BENCH_PG_PORT ?? 54393), database: "bench_soak" });
  let server: ChildProcess | undefined;
  try {
    await migrate(db.url);
    log(`loading ${EVENTS.toLocaleString("en-US")} demo events...`);
    const demo = spawnSync(process.execPath, [path.join(root, "cli/bin.mjs"), "demo", "--events", String(EVENTS)], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: db.url } });
    if (demo.status !== 0) throw new Error("rightsize demo failed");
    const { cookie, key } = await benchCredentials(db.url, secret, "soak");
    server = await startProductionServer({ url: db.url, port, secret });
    const today = todayUtc();
    const window = { from: addDays(today, -29), to: today };
    const reads = [
      `/api/v1/spend/overview?from=${window.from}&to=${window.to}`,
      `/api/v1/spend/series?from=${window.from}&to=${window.to}&interval=day&stackBy=team&top=8`,
      `/api/v1/spend?from=${window.from}&to=${window.to}&groupBy=workload`,
      `/api/v1/spend?from=${window.from}&to=${window.to}&groupBy=model`,
      `/api/v1/budgets`,
    ];
    const userHeaders = { cookie, origin: base, "content-type": "application/json" };
    // Warm up: first requests compile routes and plans; not the steady state.
    for (const r of reads) await fetch(`${base}${r}`, { headers: userHeaders }).then((res) => res.text());
    const rss: { second: number; mb: number }[] = [{ second: 0, mb: mb(treeRss(server.pid!)) }];
    const deadline = performance.now() + SECONDS * 1000;
    let sent = 0;
    const ingester = async (w: number) => {
      while (performance.now() < deadline) {
        const events = Array.from({ length: BATCH }, () => {
          const n = sent++;
          return { id: `soak-${w}-${n}`, timestamp: new Date(Date.now() - (n % 3600) * 1000).toISOString(), provider: "openai", model: "gpt-4o-mini", input_tokens: 800 + (n % 500), output_tokens: 120, team: `soak-${n % 4}`, workload: `soak-wl-${n % 9}` };
        });
        await timed("ingest", `${base}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(events) });
      }
    };
    const reader = async (r: number) => {
      for (let i = r; performance.now() < deadline; i++) await timed("read", `${base}${reads[i % reads.length]}`, { headers: userHeaders });
    };
    const whatif = async () => {
      // {} selects all traffic, so every run has something to re-price whatever the demo's models are.
      const bodies = [{ ...window, rules: [{ select: {}, batchShare: 0.5 }] }, { ...window, rules: [{ select: {}, batchShare: 0.2 }] }];
      for (let i = 0; performance.now() < deadline; i++) await timed("whatif", `${base}/api/v1/whatif`, { method: "POST", headers: userHeaders, body: JSON.stringify(bodies[i % bodies.length]) });
    };
    const sampler = setInterval(() => rss.push({ second: Math.round(SECONDS - (deadline - performance.now()) / 1000), mb: mb(treeRss(server!.pid!)) }), 10_000);
    log(`soaking for ${SECONDS} s: ${INGESTERS} ingesters x ${BATCH} events, ${READERS} dashboard readers, ${WHATIFS} what-if runners...`);
    await Promise.all([...Array.from({ length: INGESTERS }, (_, i) => ingester(i)), ...Array.from({ length: READERS }, (_, i) => reader(i)), ...Array.from({ length: WHATIFS }, () => whatif())]);
    clearInterval(sampler);
    rss.push({ second: SECONDS, mb: mb(treeRss(server.pid!)) });
    const stats = (k: Kind) => {
      const sorted = [...latencies[k]].sort((a, b) => a - b);
      return { requests: sorted.length, p50Ms: ms(quantile(sorted, 0.5)), p95Ms: ms(quantile(sorted, 0.95)), maxMs: ms(sorted.at(-1) ?? 0) };
    };
    // Growth over the second half (after caches and pools filled): what would keep climbing in a leak.
    const half = rss.filter((s) => s.second >= SECONDS / 2);
    console.log(
      JSON.stringify(
        {
          machine: { cpus: cpus().length, node: process.version, loadAvg1m: Math.round(loadavg()[0] * 100) / 100 },
          seconds: SECONDS,
          demoEvents: EVENTS,
          eventsIngested: sent,
          ingest: stats("ingest"),
          dashboardReads: stats("read"),
          whatif: stats("whatif"),
          errors: errors.length,
          firstErrors: errors.slice(0, 5),
          rssMb: { start: rss[0].mb, end: rss.at(-1)!.mb, max: Math.max(...rss.map((s) => s.mb)), secondHalfGrowth: half.length > 1 ? half.at(-1)!.mb - half[0].mb : 0, samples: rss },
        },
        null,
        2,
      ),
    );
    if (errors.length > 0) process.exitCode = 1;
  } finally {
    server?.kill("SIGTERM");
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
