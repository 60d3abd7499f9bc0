/**
 * npm run bench:whatif - what-if speed on a loaded dataset, printed as JSON:
 *   - a scenario over the last 30 complete days (POST /api/v1/whatif, through the route handler with an API key:
 *     auth, roll-up read, pricing, engine, JSON) - target <= 500 ms;
 *   - all recommendations (GET /api/v1/recommendations) - target <= 2 s.
 * The benchmark dataset: RIGHTSIZE_DATA_DIR=/tmp/rs-bench RIGHTSIZE_PG_PORT=54390 node cli/bin.mjs demo --events 10000000
 * then the same variables for this script (or DATABASE_URL). Each figure is the median of RUNS warm runs (the
 * first, cold run is reported apart: it follows the server's start-up (instrumentation.ts register(), warm-up
 * included unless RIGHTSIZE_WARM_UP=off), as the first request after `next start` does; target <= 500 ms too).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

// Server modules refuse to load outside the react-server condition (as in cli/bin.mjs): re-run under it.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const tsx = createRequire(import.meta.url).resolve("tsx");
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", tsx, import.meta.filename, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const RUNS = Number(process.env.RUNS ?? 7);
const { openDatabase } = await import("../cli/database");
const { pool, closePool } = await import("@/lib/db/pool");
const { disconnectPrisma } = await import("@/lib/db/prisma");
const { createApiKey } = await import("@/lib/auth/api-keys");
const { revokeApiKey } = await import("@/lib/users/api-key-admin");
const { NextRequest } = await import("next/server");
const { POST: postWhatIf } = await import("@/app/api/v1/whatif/route");
const { GET: getRecommendations } = await import("@/app/api/v1/recommendations/route");
const { addDays } = await import("@/lib/forecast/utc-days");

const { startMachineMeter } = await import("./machine");
const db = await openDatabase();
const meter = startMachineMeter();
// What `next start` does before it serves (instrumentation.ts): the start-up warm-up, so the first (cold) request
// below is the first request after a server start. RIGHTSIZE_WARM_UP=off measures it without.
process.env.RIGHTSIZE_ALERTS = "off";
process.env.NEXT_RUNTIME = "nodejs";
const startUpStarted = performance.now();
// The warm-up's log line goes to stderr here (also when it ends after register() stopped waiting for it, on a very
// loaded machine): stdout is the JSON answer, written with process.stdout below.
console.log = (...args: unknown[]) => console.error(...args);
await (await import("../instrumentation")).register();
const startUpMs = Math.round(performance.now() - startUpStarted);
const { key, record } = await createApiKey({ name: "bench:whatif", scopes: ["read"] });
try {
  const stats = await pool().query<{ events: string; last: string | null }>("SELECT sum(events)::text AS events, max(day)::text AS last FROM usage_shape_daily");
  const events = Number(stats.rows[0].events ?? 0);
  if (!stats.rows[0].last || events === 0) throw new Error("no usage loaded: load the benchmark dataset first (see the header of bench/whatif.ts)");
  const to = addDays(stats.rows[0].last, -1);
  const from = addDays(to, -29);
  const groups = await pool().query<{ n: string; e: string }>("SELECT count(*)::text AS n, sum(events)::text AS e FROM usage_shape_daily WHERE day BETWEEN $1 AND $2", [from, to]);

  // Every call of the window selected, rerouted, escalated and batched: every group priced on three models with the band.
  const scenario = {
    from,
    to,
    rules: [
      { select: { taskClasses: ["classification", "extraction"] }, reroute: { provider: "openai", model: "gpt-5-nano" }, batchShare: 0.3 },
      {
        select: {},
        reroute: { provider: "openai", model: "gpt-5-mini" },
        escalation: { provider: "openai", model: "gpt-5", rate: 0.1, tokenShare: 0.5 },
        cachedShare: 0.5,
        outputFactor: 1.2,
      },
    ],
  };
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const timeScenario = async () => {
    const t = performance.now();
    const res = await postWhatIf(new NextRequest("http://bench/api/v1/whatif", { method: "POST", headers, body: JSON.stringify(scenario) }));
    const body = await res.json();
    if (res.status !== 200) throw new Error(`whatif ${res.status}: ${JSON.stringify(body)}`);
    return { ms: performance.now() - t, body };
  };
  const timeRecommendations = async () => {
    const t = performance.now();
    const res = await getRecommendations(new NextRequest(`http://bench/api/v1/recommendations?from=${from}&to=${to}`, { headers }));
    const body = await res.json();
    if (res.status !== 200) throw new Error(`recommendations ${res.status}: ${JSON.stringify(body)}`);
    return { ms: performance.now() - t, body };
  };
  // CPU milliseconds of this process per request beside wall time: on a shared machine the wall time of one cold
  // request swings with the neighbours, its CPU time much less.
  const cpuMs = async <T>(f: () => Promise<T>) => {
    const before = process.cpuUsage();
    const r = await f();
    const used = process.cpuUsage(before);
    return { ...r, cpuMs: (used.user + used.system) / 1000 };
  };
  const measure = async <T extends { ms: number }>(f: () => Promise<T>) => {
    const cold = await cpuMs(f);
    const warm: number[] = [];
    const warmCpu: number[] = [];
    let last = cold;
    for (let i = 0; i < RUNS; i++) {
      last = await cpuMs(f);
      warm.push(last.ms);
      warmCpu.push(last.cpuMs);
    }
    warm.sort((a, b) => a - b);
    warmCpu.sort((a, b) => a - b);
    return {
      coldMs: Math.round(cold.ms), medianMs: Math.round(warm[Math.floor(warm.length / 2)]), maxMs: Math.round(warm[warm.length - 1]),
      cpuMs: { cold: Math.round(cold.cpuMs), median: Math.round(warmCpu[Math.floor(warmCpu.length / 2)]) }, last,
    };
  };
  const s = await measure(timeScenario);
  const r = await measure(timeRecommendations);
  process.stdout.write(
    JSON.stringify(
      {
        dataset: { events, window: { from, to }, windowEvents: Number(groups.rows[0].e), callGroups: Number(groups.rows[0].n) },
        scenario: {
          medianMs: s.medianMs, maxMs: s.maxMs, coldMs: s.coldMs, cpuMs: s.cpuMs, targetMs: 500, ok: s.medianMs <= 500 && s.coldMs <= 500,
          baselineUsd: s.last.body.baseline.costUsd, scenarioUsd: s.last.body.scenario.costUsd, monthlySavingsUsd: s.last.body.monthlySavingsUsd,
        },
        recommendations: {
          medianMs: r.medianMs, maxMs: r.maxMs, coldMs: r.coldMs, cpuMs: r.cpuMs, targetMs: 2000, ok: r.medianMs <= 2000,
          count: r.last.body.recommendations.length, totalMonthlySavingUsd: r.last.body.totalMonthlySavingUsd,
        },
        startUp: { warmUp: process.env.RIGHTSIZE_WARM_UP !== "off", ms: startUpMs },
        runs: RUNS,
        machine: meter.finish(),
      },
      null,
      2,
    ) + "\n",
  );
} finally {
  await revokeApiKey(record.id, "bench").catch(() => {});
  await disconnectPrisma().catch(() => {});
  await closePool().catch(() => {});
  await db.close();
}
