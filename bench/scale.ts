/**
 * npm run bench:scale [-- --events N --days D --runs R --keep | --reuse] - one PostgreSQL, a big history (issue 14), as JSON:
 * 1. load:    N demo events (default 100,000,000 over 90 days; --events to bound the run) through the ingestion
 *             path (IngestSession, 25k-event batches, as `rightsize demo`). The rate of every million (the first vs
 *             the last: target within 25%) and CPU-seconds per million events, this process and PostgreSQL apart.
 * 2. disk:    usage_events' partitions (heap + TOAST, indexes: pg_total_relation_size) per million events, the
 *             roll-ups, and the WAL the load wrote.
 * 3. queries: every request the Overview issues (target p95 <= 150 ms) and the explorer's other queries (each
 *             p95 <= 300 ms), the list bench:dashboard uses (dashboard-queries.ts), through the route handlers in
 *             this process (auth, SQL, JSON; no HTTP or page rendering: bench:dashboard measures those on
 *             `next start`); the monthly report as JSON for the last complete month (target <= 2 s); and
 *             bench:whatif run against the same database (a scenario over the last 30 complete days, target <= 1 s).
 * Database: a fresh embedded PostgreSQL in /tmp/rs-bench-scale (BENCH_PG_PORT, default 54393), removed at the end
 * unless --keep. `--reuse` skips the load and times the queries on what a --keep run left there, after applying any
 * newer migrations (to compare a query change on the same data; the database is kept). Prints the machine block (bench/machine.ts): report the load average with any figure.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

// Server modules refuse to load outside the react-server condition (as in cli/bin.mjs): re-run under it.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const tsx = createRequire(import.meta.url).resolve("tsx");
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", tsx, import.meta.filename, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const { rmSync } = await import("node:fs");
const { loadavg } = await import("node:os");
const path = await import("node:path");
const { parseArgs } = await import("node:util");
const { startEmbeddedPostgres } = await import("@/lib/db/embedded-postgres");
const { migrate } = await import("@/lib/db/migrate");
const { pool, closePool } = await import("@/lib/db/pool");
const { disconnectPrisma } = await import("@/lib/db/prisma");
const { loadDemo, startOfCurrentHourUtc } = await import("@/lib/demo/load-demo");
const { createApiKey } = await import("@/lib/auth/api-keys");
const { NextRequest } = await import("next/server");
const { todayUtc } = await import("@/lib/analytics/dates");
const { startMachineMeter } = await import("./machine");
const { pgCpuMs } = await import("./pg-cpu");
const { BIGGEST_WORKLOAD_SQL, dashboardQueries, timeRepeated } = await import("./dashboard-queries");

const { values } = parseArgs({ options: { events: { type: "string" }, days: { type: "string" }, runs: { type: "string" }, keep: { type: "boolean" }, reuse: { type: "boolean" } } });
const EVENTS = Number((values.events ?? "100000000").replace(/_/g, ""));
const DAYS = Number(values.days ?? 90);
const RUNS = Number(values.runs ?? 20);
/** Rates are per million events; a smaller load is cut in tenths so first and last still compare. */
const SEGMENT = EVENTS >= 5_000_000 ? 1_000_000 : Math.max(1, Math.round(EVENTS / 10));
const root = path.resolve(import.meta.dirname, "..");
const work = "/tmp/rs-bench-scale";
const pgDir = path.join(work, "pg", "pg");
const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => round(bytes / 1024 / 1024);

if (!values.reuse) rmSync(work, { recursive: true, force: true });
const db = await startEmbeddedPostgres({ dataDir: path.join(work, "pg"), port: Number(process.env.BENCH_PG_PORT ?? 54393), database: "bench_scale" });
process.env.DATABASE_URL = db.url;
const report: Record<string, unknown> = {};
try {
  await migrate(db.url);
  const meter = startMachineMeter({ postgres: () => pgCpuMs(pgDir) });
  const walStart = (await pool().query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0].lsn;

  // 1. Load (or, with --reuse, count what an earlier --keep run loaded).
  let events: number;
  if (values.reuse) {
    events = Number((await pool().query<{ n: string }>("SELECT count(*)::text AS n FROM usage_events")).rows[0].n);
    report.load = { reused: true, events, note: "loaded by an earlier --keep run; load figures are that run's" };
    log(`reusing ${events.toLocaleString("en-US")} stored events`);
  } else {
    // 1. Load, timing each segment of SEGMENT events as batches commit.
    // load1: the 1-minute load average when the segment ended, so a slow segment can be told from a busy machine.
    interface Mark { events: number; ms: number; nodeMs: number; pgMs: number; load1: number }
    const cpuNow = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const marks: Mark[] = [{ events: 0, ms: performance.now(), nodeMs: cpuNow(), pgMs: pgCpuMs(pgDir), load1: loadavg()[0] }];
    let next = SEGMENT;
    log(`loading ${EVENTS.toLocaleString("en-US")} demo events over ${DAYS} days...`);
    const summary = await loadDemo({
      events: EVENTS,
      days: DAYS,
      endDate: startOfCurrentHourUtc(),
      quiet: true,
      onProgress: (stored) => {
        if (stored < next) return;
        marks.push({ events: stored, ms: performance.now(), nodeMs: cpuNow(), pgMs: pgCpuMs(pgDir), load1: loadavg()[0] });
        while (next <= stored) next += SEGMENT;
        if (marks.length % 10 === 1) {
          const a = marks[marks.length - 11] ?? marks[0];
          const b = marks[marks.length - 1];
          log(`  ${stored.toLocaleString("en-US")} stored, last ${(b.events - a.events).toLocaleString("en-US")} at ${Math.round(((b.events - a.events) * 1000) / (b.ms - a.ms))}/s, load ${b.load1.toFixed(1)}`);
        }
      },
    });
    const end = { events: summary.accepted + summary.duplicates, ms: performance.now(), nodeMs: cpuNow(), pgMs: pgCpuMs(pgDir), load1: loadavg()[0] };
    if (marks[marks.length - 1].events < end.events) marks.push(end);
    const segments = marks.slice(1).map((m, i) => {
      const prev = marks[i];
      const n = m.events - prev.events;
      return {
        upTo: m.events,
        eventsPerSecond: Math.round((n * 1000) / (m.ms - prev.ms)),
        cpuSecondsPerMillion: { node: round(((m.nodeMs - prev.nodeMs) / 1000) * (1e6 / n)), postgres: round(((m.pgMs - prev.pgMs) / 1000) * (1e6 / n)) },
        loadAverage: round(m.load1, 2),
      };
    });
    const first = segments[0];
    // The last whole segment (a short tail would be noise).
    const last = segments.length > 1 && segments[segments.length - 1].upTo - segments[segments.length - 2].upTo < SEGMENT ? segments[segments.length - 2] : segments[segments.length - 1];
    const seconds = (end.ms - marks[0].ms) / 1000;
    const perMillion = (ms: number) => round((ms / 1000) * (1e6 / end.events));
    report.load = {
      events: end.events,
      accepted: summary.accepted,
      days: DAYS,
      seconds: round(seconds),
      eventsPerSecond: Math.round(end.events / seconds),
      segmentEvents: SEGMENT,
      first,
      last,
      lastVsFirst: round(last.eventsPerSecond / first.eventsPerSecond, 3),
      target: "last segment's rate within 25% of the first (lastVsFirst >= 0.75)",
      met: last.eventsPerSecond >= 0.75 * first.eventsPerSecond,
      cpuSecondsPerMillion: { node: perMillion(end.nodeMs - marks[0].nodeMs), postgres: perMillion(end.pgMs - marks[0].pgMs), total: perMillion(end.nodeMs - marks[0].nodeMs + end.pgMs - marks[0].pgMs) },
      segments,
    };
    log(`load: ${JSON.stringify({ ...(report.load as object), segments: undefined })}`);
    events = end.events;
  }

  // 2. Disk.
  const wal = await pool().query<{ bytes: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS bytes", [walStart]);
  log("analyzing...");
  await pool().query("ANALYZE");
  const parts = await pool().query<{ name: string; rows: string; heap: string; indexes: string; total: string }>(
    `SELECT c.relname AS name, c.reltuples::bigint::text AS rows,
       (pg_total_relation_size(c.oid) - pg_indexes_size(c.oid))::text AS heap, pg_indexes_size(c.oid)::text AS indexes,
       pg_total_relation_size(c.oid)::text AS total
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'usage_events'::regclass ORDER BY 1`,
  );
  const sum = (k: "heap" | "indexes" | "total") => parts.rows.reduce((s, r) => s + Number(r[k]), 0);
  const rollups = await pool().query<{ name: string; total: string }>(
    `SELECT relname AS name, pg_total_relation_size(oid)::text AS total FROM pg_class WHERE relname IN ('usage_daily', 'usage_15min', 'usage_daily_user', 'usage_shape_daily') ORDER BY 1`,
  );
  const millions = events / 1e6;
  report.disk = {
    usageEvents: {
      heapMb: mb(sum("heap")),
      indexesMb: mb(sum("indexes")),
      totalMb: mb(sum("total")),
      bytesPerEvent: round(sum("total") / events),
      mbPerMillionEvents: round(mb(sum("total")) / millions),
      target: "<= 150 MB per million calls",
      partitions: parts.rows.map((r) => ({ name: r.name, rows: Number(r.rows), totalMb: mb(Number(r.total)) })),
    },
    rollupsMb: Object.fromEntries(rollups.rows.map((r) => [r.name, mb(Number(r.total))])),
    ...(values.reuse ? {} : { walWrittenByLoadMb: mb(Number(wal.rows[0].bytes)), walMbPerMillionEvents: round(mb(Number(wal.rows[0].bytes)) / millions) }),
  };
  log(`disk: ${JSON.stringify(report.disk)}`);

  // 3. Queries, through the route handlers with a read key.
  const { key } = await createApiKey({ name: "bench:scale", scopes: ["read"] });
  const headers = { authorization: `Bearer ${key}` };
  type Handler = (req: InstanceType<typeof NextRequest>) => Promise<Response>;
  const handlers: Record<string, Handler> = {
    "/api/v1/spend": (await import("@/app/api/v1/spend/route")).GET as Handler,
    "/api/v1/spend/overview": (await import("@/app/api/v1/spend/overview/route")).GET as Handler,
    "/api/v1/spend/series": (await import("@/app/api/v1/spend/series/route")).GET as Handler,
    "/api/v1/spend/breakdown": (await import("@/app/api/v1/spend/breakdown/route")).GET as Handler,
    "/api/v1/spend/tokens-per-call": (await import("@/app/api/v1/spend/tokens-per-call/route")).GET as Handler,
    "/api/v1/reports/monthly": (await import("@/app/api/v1/reports/monthly/route")).GET as Handler,
  };
  const time = async (pathAndQuery: string, runs = RUNS) => {
    const handler = handlers[pathAndQuery.split("?")[0]];
    const once = async () => {
      const started = performance.now();
      const res = await handler(new NextRequest(`http://bench${pathAndQuery}`, { headers }));
      const body = await res.text();
      if (!res.ok) throw new Error(`${pathAndQuery}: ${res.status} ${body.slice(0, 300)}`);
      return performance.now() - started;
    };
    return timeRepeated(pathAndQuery, once, runs);
  };
  const summarise = (results: { p95: number }[], target: number) => {
    const worst = Math.max(...results.map((r) => r.p95));
    return { queries: results.length, worstP95Ms: worst, targetP95Ms: target, met: worst <= target };
  };
  const workload = (await pool().query<{ slug: string }>(BIGGEST_WORKLOAD_SQL)).rows[0]?.slug ?? "unattributed";
  const { overview, explorer } = dashboardQueries(todayUtc(), workload);
  log(`timing ${overview.length} overview and ${explorer.length} explorer queries, ${RUNS} runs each...`);
  const overviewResults = [];
  for (const q of overview) overviewResults.push(await time(q));
  report.overviewQueries = { ...summarise(overviewResults, 150), results: overviewResults };
  const explorerResults = [];
  for (const q of explorer) explorerResults.push(await time(q));
  report.explorerQueries = { ...summarise(explorerResults, 300), results: explorerResults };

  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  log(`timing the monthly report for ${lastMonth}...`);
  const monthly = await time(`/api/v1/reports/monthly?month=${lastMonth}&format=json`, 5);
  report.monthlyReport = { month: lastMonth, ...monthly, targetMs: 2000, met: monthly.p95 <= 2000 };

  log("running bench:whatif on the same database...");
  const whatif = spawnSync(process.execPath, ["--import", createRequire(import.meta.url).resolve("tsx"), path.join(root, "bench/whatif.ts")], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: db.url, RUNS: "5", TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") },
  });
  if (whatif.status !== 0) throw new Error(`bench:whatif failed: ${whatif.stderr.slice(-2000)}`);
  const w = JSON.parse(whatif.stdout.slice(whatif.stdout.indexOf("{")));
  report.whatif = { window: w.dataset.window, windowEvents: w.dataset.windowEvents, medianMs: w.scenario.medianMs, maxMs: w.scenario.maxMs, coldMs: w.scenario.coldMs, targetMs: 1000, met: w.scenario.maxMs <= 1000 };

  report.machine = meter.finish();
  console.log(JSON.stringify(report, null, 2));
} finally {
  await disconnectPrisma().catch(() => {});
  await closePool().catch(() => {});
  await db.stop();
  if (!values.keep && !values.reuse) rmSync(work, { recursive: true, force: true });
}
