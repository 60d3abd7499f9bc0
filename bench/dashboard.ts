/**
 * Dashboard benchmark (npm run bench:dashboard), printing one JSON object.
 *
 * Database: DATABASE_URL (e.g. a workspace loaded with `rightsize demo --events 10000000`); without it, a fresh
 * embedded PostgreSQL in /tmp loaded with `rightsize demo --events N` (default 10,000,000, --events to change).
 * Then against the production build (`next start`, built first if sources changed), signed in as an admin:
 * 1. overview: p50/p95 of every /api/v1/spend* request the Overview page issues (target p95 <= 150 ms);
 * 2. other:    p50/p95 of the other groupBy / filter / endpoint combinations of the explorer (target <= 300 ms);
 * 2b. runs:    p50/p95 of the Runs page and unit-cost requests (issue 13: usage_runs roll-up, run detail read from
 *              usage_events in the run's time span; target <= 300 ms like the other explorer queries);
 * 3. page:     Overview usable time in Chromium: navigation to KPIs and chart drawn (target <= 1.5 s), first load
 *              and p95 of the following loads.
 * 4. dimensions: p50/p95 of the tag-dimension queries (groupBy=tag:<key>, tag.<key> filters, tag-stacked series:
 *              the Dimensions page and API; target as "other", <= 300 ms), and the time to remove and promote
 *              `customer` again, i.e. to back-fill its roll-up from every stored call (the demo promotes
 *              customer and feature before loading).
 * Options: --events N, --runs R (timed requests per query, default 30), --loads L (page loads, default 10),
 * --only overview,other,runs,page,dimensions (default all), --keep (keep the fresh database).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { chromium } from "@playwright/test";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { needsBuild } from "@/lib/bootstrap/needs-build";
import { todayUtc } from "@/lib/analytics/dates";
import { BIGGEST_WORKLOAD_SQL, benchRanges, dashboardQueries, dimensionQueries, q, quantile, timeRepeated } from "./dashboard-queries";
import { startMachineMeter } from "./machine";
import { pgCpuMs, processCpuMs } from "./pg-cpu";

const { values } = parseArgs({ options: { events: { type: "string" }, runs: { type: "string" }, loads: { type: "string" }, only: { type: "string" }, keep: { type: "boolean" } } });
const ONLY = new Set((values.only ?? "overview,other,runs,page,dimensions").split(","));
const EVENTS = Number(values.events ?? 10_000_000);
const RUNS = Number(values.runs ?? 30);
const LOADS = Number(values.loads ?? 10);
const root = path.resolve(import.meta.dirname, "..");
// BENCH_WORK: another directory when several benches share a machine (the default one is wiped at start).
const work = process.env.BENCH_WORK ?? "/tmp/rs-bench-dashboard";
const port = Number(process.env.BENCH_PORT ?? 3290);
const secret = "bench-dashboard-secret-0123456789";
const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (x: number) => Math.round(x * 10) / 10;

/** The database: DATABASE_URL, or a fresh embedded one with the demo workspace loaded by the CLI. */
async function database(): Promise<{ url: string; embedded?: EmbeddedDatabase; loadSeconds?: number }> {
  if (process.env.DATABASE_URL) {
    await migrate(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL };
  }
  rmSync(work, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), port: Number(process.env.BENCH_PG_PORT ?? 54392), database: "bench_dashboard" });
  await migrate(embedded.url);
  log(`loading ${EVENTS.toLocaleString("en-US")} demo events (rightsize demo)...`);
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, "cli/bin.mjs"), "demo", "--events", String(EVENTS)], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: embedded.url } });
  if (r.status !== 0) throw new Error(`rightsize demo failed (${r.status})`);
  return { url: embedded.url, embedded, loadSeconds: Math.round((performance.now() - started) / 1000) };
}

/** A session cookie for a bench admin (next-auth JWT, as the sign-in would set). */
async function adminCookie(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const row = await client.query<{ id: number }>(
    `INSERT INTO users (email, name, role) VALUES ('bench-dashboard@rightsize.local', 'Dashboard bench', 'admin')
     ON CONFLICT (email) DO UPDATE SET role = 'admin', disabled_at = NULL RETURNING id`,
  );
  await client.end();
  return await encode({ token: { uid: row.rows[0].id, email: "bench-dashboard@rightsize.local" }, secret });
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
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error("the server did not start");
}

/** p50/p95 of one GET, after two warm-up calls (first-call compilation and plan caching are not the steady state). */
async function timeGet(pathAndQuery: string, cookie: string) {
  const headers = { cookie: `next-auth.session-token=${cookie}` };
  const once = async () => {
    const started = performance.now();
    const res = await fetch(`http://localhost:${port}${pathAndQuery}`, { headers });
    const body = await res.text();
    if (!res.ok) throw new Error(`${pathAndQuery}: ${res.status} ${body.slice(0, 300)}`);
    return performance.now() - started;
  };
  return timeRepeated(pathAndQuery, once, RUNS);
}

/** Removes `customer` and promotes it again: the back-fill of its roll-up from every stored call, end to end. */
async function timePromote(cookie: string) {
  const headers = { cookie: `next-auth.session-token=${cookie}`, "content-type": "application/json" };
  const removed = await fetch(`http://localhost:${port}/api/v1/dimensions/customer`, { method: "DELETE", headers });
  if (!removed.ok) throw new Error(`DELETE /api/v1/dimensions/customer: ${removed.status} ${await removed.text()}`);
  const started = performance.now();
  const res = await fetch(`http://localhost:${port}/api/v1/dimensions`, { method: "POST", headers, body: JSON.stringify({ tagKey: "customer" }) });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`POST /api/v1/dimensions: ${res.status} ${JSON.stringify(body)}`);
  return { ms: ms(performance.now() - started), events: body.backfill.events, taggedEvents: body.backfill.taggedEvents };
}

function summarise(results: { p95: number }[], target: number) {
  const worst = Math.max(...results.map((r) => r.p95));
  return { queries: results.length, worstP95Ms: worst, targetP95Ms: target, met: worst <= target };
}

async function main() {
  const db = await database();
  const cookie = await adminCookie(db.url);
  log("starting the app...");
  const server = await startServer(db.url);
  const meter = startMachineMeter({ server: () => processCpuMs(server.pid!), ...(db.embedded ? { postgres: () => pgCpuMs(path.join(work, "pg", "pg")) } : {}) });
  const report: Record<string, unknown> = {
    dataset: await datasetSize(db.url),
    loadSeconds: db.loadSeconds,
  };
  try {
    const today = todayUtc();
    const { overview, explorer: other } = dashboardQueries(today, await biggestWorkload(db.url));
    const dimensions = dimensionQueries(today);
    if (ONLY.has("overview")) {
      log(`timing ${overview.length} overview queries, ${RUNS} runs each...`);
      const results = [];
      for (const path of overview) results.push(await timeGet(path, cookie));
      report.overviewQueries = { ...summarise(results, 150), results };
    }
    if (ONLY.has("other")) {
      log(`timing ${other.length} other queries, ${RUNS} runs each...`);
      const results = [];
      for (const path of other) results.push(await timeGet(path, cookie));
      report.otherQueries = { ...summarise(results, 300), results };
    }
    if (ONLY.has("runs")) {
      const { mtd, d90, year } = benchRanges(today);
      const runs = [
        `/api/v1/runs?${q({ ...d90 })}`,
        `/api/v1/runs?${q({ ...mtd })}`,
        `/api/v1/runs?${q({ ...d90, workload: "support-reply-drafts" })}`,
        `/api/v1/runs?${q({ ...d90, team: "platform", limit: 200 })}`,
        `/api/v1/metrics/unit-cost?${q({ ...d90, name: "tickets_resolved", workload: "support-reply-drafts" })}`,
        `/api/v1/metrics/unit-cost?${q({ ...year, name: "tickets_resolved", workload: "support-reply-drafts", granularity: "month" })}`,
      ];
      // The most expensive run of the range: its detail reads its calls from usage_events.
      const top = await fetch(`http://localhost:${port}${runs[0]}`, { headers: { cookie: `next-auth.session-token=${cookie}` } }).then((r) => r.json() as Promise<{ top: { runId: string }[] }>);
      if (top.top[0]) runs.push(`/api/v1/runs/${encodeURIComponent(top.top[0].runId)}`);
      log(`timing ${runs.length} run and unit-cost queries, ${RUNS} runs each...`);
      const results = [];
      for (const path of runs) results.push(await timeGet(path, cookie));
      report.runQueries = { ...summarise(results, 300), results, runsInRollup: await countRuns(db.url) };
    }
    if (ONLY.has("dimensions")) {
      log(`timing ${dimensions.length} tag-dimension queries, ${RUNS} runs each...`);
      const results = [];
      for (const path of dimensions) results.push(await timeGet(path, cookie));
      report.dimensionQueries = { ...summarise(results, 300), results, promoteBackfill: await timePromote(cookie) };
    }
    if (ONLY.has("page")) {
      log("loading the overview in Chromium...");
      report.overviewPage = await pageLoads(cookie);
    }
    report.machine = meter.finish();
  } finally {
    server.kill("SIGTERM");
    if (db.embedded) {
      await db.embedded.stop();
      if (!values.keep) rmSync(work, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify(report, null, 2));
}

/**
 * Overview usable time in Chromium, from navigation start (browser clock): `contentMs` when the KPIs and the top
 * lists are on screen (server-rendered with their data), `usableMs` when the chart's bars are drawn too (the
 * `.spend-bar` rectangles of components/charts/stacked-spend-chart.tsx, a plain SVG chart; until 2026-12-03 a
 * Recharts chart, `.recharts-bar-rectangle`, drawn only after hydration). First load with a cold browser cache,
 * then warm loads.
 */
async function pageLoads(cookie: string) {
  // The server renders the page once first (Next loads a route's modules on its first request): the figure is
  // what users get from a running server.
  await fetch(`http://localhost:${port}/`, { headers: { cookie: `next-auth.session-token=${cookie}` } }).then((r) => r.text());
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: "UTC", locale: "en-US" });
  await context.addCookies([{ name: "next-auth.session-token", value: cookie, domain: "localhost", path: "/" }]);
  // Timestamps taken in the page as soon as each part appears (no round trip to the test process in between).
  // (A string, not a function: tsx would add helpers to a function's source that do not exist in the page.)
  await context.addInitScript(`
    const marks = (window.__marks = {});
    const seen = (name, ok) => { if (ok && marks[name] === undefined) marks[name] = performance.now(); };
    new MutationObserver(() => {
      seen("kpi", Boolean(document.querySelector('[data-testid="kpi-mtd"] .value')?.textContent?.includes("$")));
      seen("top", Boolean(document.querySelector('[data-testid="top-models"] tbody tr')));
      seen("chart", Boolean(document.querySelector('[data-testid="spend-chart"] .spend-bar')));
    }).observe(document, { childList: true, subtree: true, characterData: true });
  `);
  const content: number[] = [];
  const usable: number[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const page = await context.newPage();
      await page.goto(`http://localhost:${port}/`, { waitUntil: "commit" });
      try {
        await page.locator('[data-testid="kpi-mtd"] .value').filter({ hasText: "$" }).waitFor();
        await page.locator('[data-testid="spend-chart"] .spend-bar').first().waitFor();
        await page.locator('[data-testid="top-models"] tbody tr').first().waitFor();
      } catch (error) {
        await page.screenshot({ path: "/tmp/rs-bench-dashboard-failure.png", fullPage: true });
        throw new Error(`the overview did not become usable (screenshot: /tmp/rs-bench-dashboard-failure.png): ${(error as Error).message}`);
      }
      const m = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
      content.push(Math.max(m.kpi, m.top));
      usable.push(Math.max(m.kpi, m.top, m.chart));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const warm = (xs: number[]) => xs.slice(1).sort((a, b) => a - b);
  return {
    loads: usable.length,
    firstLoad: { contentMs: ms(content[0]), usableMs: ms(usable[0]) },
    warmLoads: { contentP50Ms: ms(quantile(warm(content), 0.5)), usableP50Ms: ms(quantile(warm(usable), 0.5)), usableP95Ms: ms(quantile(warm(usable), 0.95)) },
    targetMs: 1500,
    met: usable[0] <= 1500 && quantile(warm(usable), 0.95) <= 1500,
    usable: "month-to-date KPI, top lists and the chart's bars on screen, from navigation start",
  };
}

async function datasetSize(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const r = await client.query<{ events: string; daily: string; users: string; dims: string; first: string; last: string }>(
    `SELECT (SELECT count(*) FROM usage_events)::text AS events, (SELECT count(*) FROM usage_daily)::text AS daily,
       (SELECT count(*) FROM usage_daily_user)::text AS users, (SELECT count(*) FROM usage_daily_dimension)::text AS dims,
       (SELECT min(day)::text FROM usage_daily) AS first, (SELECT max(day)::text FROM usage_daily) AS last`,
  );
  await client.end();
  const x = r.rows[0];
  return { usageEvents: Number(x.events), usageDailyRows: Number(x.daily), usageDailyUserRows: Number(x.users), usageDailyDimensionRows: Number(x.dims), days: `${x.first}..${x.last}` };
}

async function biggestWorkload(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const r = await client.query<{ slug: string }>(BIGGEST_WORKLOAD_SQL);
  await client.end();
  return r.rows[0]?.slug ?? "unattributed";
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

async function countRuns(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const r = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM usage_runs");
  await client.end();
  return r.rows[0].n;
}
