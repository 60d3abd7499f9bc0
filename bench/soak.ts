/**
 * Soak benchmark (npm run bench:soak), printing one JSON object: concurrent ingestion + dashboard reads + what-if
 * runs against ONE production server (`next start`, built first if sources changed) for a bounded time.
 * Reports p50/p95 latency per kind, errors (must be 0) and the server's RSS over time (growth should be flat).
 *
 * Database: a fresh embedded PostgreSQL in /tmp with `rightsize demo --events N` (default 100,000).
 * Options: --seconds S (default 180), --events N, --ingesters I (default 2), --readers R (default 3),
 * --whatifs W (default 1), --batch B events per ingest request (default 200).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { needsBuild } from "@/lib/bootstrap/needs-build";
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
const root = path.resolve(import.meta.dirname, "..");
const work = "/tmp/rs-bench-soak";
const port = Number(process.env.BENCH_PORT ?? 3291);
const base = `http://localhost:${port}`;
const secret = "bench-soak-secret-0123456789abcdef";
const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (x: number) => Math.round(x * 10) / 10;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : 0;
}

/** Resident memory of the server and every process under it (next start runs the app in a child). */
function treeRss(pid: number): number {
  const children = (p: number): number[] => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // gone
    }
    stack.push(...children(p));
  }
  return total;
}

async function setup(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const user = await client.query<{ id: number }>(
    `INSERT INTO users (email, name, role) VALUES ('bench-soak@rightsize.local', 'Soak bench', 'admin') ON CONFLICT (email) DO UPDATE SET role = 'admin' RETURNING id`,
  );
  await client.end();
  const cookie = `next-auth.session-token=${await encode({ token: { uid: user.rows[0].id, sv: 0 }, secret })}`;
  const keyOut = spawnSync(process.execPath, [path.join(root, "cli/bin.mjs"), "keys", "create", "--name", "soak", "--scope", "ingest"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
  const key = /rs_[A-Za-z0-9_-]+/.exec(keyOut.stdout)?.[0];
  if (!key) throw new Error(`could not create an ingest key: ${keyOut.stdout}${keyOut.stderr}`);
  return { cookie, key };
}

async function startServer(url: string): Promise<ChildProcess> {
  if (needsBuild(root)) {
    log("building the app (next build)...");
    const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1", RIGHTSIZE_ALERTS: "off" },
  });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error("the server did not start");
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
    const { cookie, key } = await setup(db.url);
    server = await startServer(db.url);
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
