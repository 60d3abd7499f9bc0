/**
 * GET /api/v1/runs reads usage_runs through covering indexes (lib/runs/README.md "Why the summary is fast"): one
 * percentile sort per workload, runaway counts from a range of the (workload_id, cost_nanos) index, each workload's
 * most expensive runs from a backward scan that stops after `limit`. This file checks that the answer is the one
 * of the plain SQL it replaced (every run in the range, sorted) on ties: equal costs around p50/p95/p99 and at the
 * list's cut, one run id in two workloads at the same cost, a run outside the range costlier than all, fewer than
 * 100 runs, filters and team scope. Rows go straight into usage_runs: only the read is under test here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { request, userWithSession } from "./factories";
import { pool } from "@/lib/db/pool";
import { nanosToUsd } from "@/lib/money";
import { GET as listRuns } from "@/app/api/v1/runs/route";

useTestDatabase();

let admin: string;
let lead: string;

beforeAll(async () => {
  const db = pool();
  await db.query(`INSERT INTO teams (slug, name) VALUES ('support', 'Support'), ('other', 'Other')`);
  await db.query(
    `INSERT INTO workloads (slug, name, team_id) VALUES ('ties', 'Ties', (SELECT id FROM teams WHERE slug = 'support')),
     ('small', 'Small', (SELECT id FROM teams WHERE slug = 'support')), ('elsewhere', 'Elsewhere', (SELECT id FROM teams WHERE slug = 'other'))`,
  );
  const run = (id: string, team: string, workload: string, day: string, cost: number | string) =>
    db.query(
      `INSERT INTO usage_runs (run_id, team_id, workload_id, run_kind, first_at, last_at, calls, input_tokens, output_tokens, cost_nanos,
         unpriced_calls, ok_calls, error_calls, outcome_calls, success_outcomes, model_ids)
       VALUES ($1, (SELECT id FROM teams WHERE slug = $2), (SELECT id FROM workloads WHERE slug = $3), 1, $4::timestamptz, $4::timestamptz + interval '1 minute',
         2, 10, 10, $5, 0, 2, 0, 1, 1, '{}')`,
      [id, team, workload, `${day}T12:00:00Z`, cost],
    );
  // "ties": 250 runs costing 1,000..11,000 nanos in 11 steps (~23 runs per cost), five at 50,000 and one at
  // 60,000: 256 runs, nearest-rank p99 = the 254th = 50,000, so only the 60,000 run is runaway.
  await db.query(
    `INSERT INTO usage_runs (run_id, team_id, workload_id, run_kind, first_at, last_at, calls, input_tokens, output_tokens, cost_nanos,
       unpriced_calls, ok_calls, error_calls, outcome_calls, success_outcomes, model_ids)
     SELECT 't' || lpad(i::text, 3, '0'), (SELECT id FROM teams WHERE slug = 'support'), (SELECT id FROM workloads WHERE slug = 'ties'), 1,
       timestamptz '2026-10-01T00:00:00Z' + (i % 30) * interval '1 day', timestamptz '2026-10-01T00:05:00Z' + (i % 30) * interval '1 day',
       1 + i % 3, 0, 0, 1000 * (1 + (i * 37) % 11), 0, i % 3, 1, i % 2, i % 4 / 3, '{}'
     FROM generate_series(1, 250) AS i`,
  );
  for (const id of ["big-e", "big-c", "big-a", "big-d", "big-b"]) await run(id, "support", "ties", "2026-10-10", 50_000);
  await run("huge", "support", "ties", "2026-10-20", 60_000);
  // the same run id in another workload at the same cost as big-a: ties on (cost, run id) go by workload
  await run("big-a", "support", "small", "2026-10-11", 50_000);
  for (const [i, cost] of [1000, 1000, 3000, 7000].entries()) await run(`s${i}`, "support", "small", "2026-10-12", cost);
  // outside the range: costlier than everything, neither listed nor counted
  await run("old", "support", "ties", "2026-09-30", 9_000_000);
  await run("later", "support", "ties", "2026-11-01", 9_000_000);
  for (let i = 0; i < 120; i++) await run(`o${i}`, "other", "elsewhere", "2026-10-15", 1000 + (i % 5) * 1000 + (i === 7 ? 100_000 : 0));
  admin = (await userWithSession("admin@runs-exact.test", "admin")).cookie;
  lead = (await userWithSession("lead@runs-exact.test", "lead", ["other"])).cookie;
});

async function summary(query: string, cookie = admin) {
  const res = await listRuns(request(`/api/v1/runs?${query}`, { cookie }));
  expect(res.status).toBe(200);
  return res.json();
}

/** The plain SQL the summary replaced: every run of the range, sorted, per workload; lists by one global sort. */
async function reference(where: string, limit: number) {
  const range = `d.first_at >= '2026-10-01T00:00:00Z' AND d.first_at < '2026-11-01T00:00:00Z' AND ${where}`;
  const stats = await pool().query(
    `SELECT w.slug AS workload, count(*)::int AS runs, sum(d.cost_nanos)::text AS cost, sum(d.calls)::int AS calls,
       (percentile_disc(0.5) WITHIN GROUP (ORDER BY d.cost_nanos))::text AS p50, (percentile_disc(0.95) WITHIN GROUP (ORDER BY d.cost_nanos))::text AS p95,
       (percentile_disc(0.99) WITHIN GROUP (ORDER BY d.cost_nanos))::text AS p99, max(d.cost_nanos)::text AS max,
       sum(d.ok_calls)::int AS ok, sum(d.outcome_calls)::int AS outcomes, sum(d.success_outcomes)::int AS successes
     FROM usage_runs d JOIN workloads w ON w.id = d.workload_id WHERE ${range} GROUP BY w.slug ORDER BY sum(d.cost_nanos) DESC, 1`,
  );
  const p99 = `(SELECT percentile_disc(0.99) WITHIN GROUP (ORDER BY x.cost_nanos) FROM usage_runs x WHERE x.workload_id = d.workload_id AND ${range.replaceAll("d.", "x.")})`;
  const list = async (runaway: boolean) =>
    (
      await pool().query(
        `SELECT d.run_id || '@' || w.slug AS run FROM usage_runs d JOIN workloads w ON w.id = d.workload_id
         WHERE ${range} ${runaway ? `AND d.cost_nanos > ${p99}` : ""} ORDER BY d.cost_nanos DESC, d.run_id, d.workload_id, d.team_id LIMIT ${limit}`,
      )
    ).rows.map((r) => r.run);
  const runaway = await pool().query(
    `SELECT w.slug AS workload, count(*) FILTER (WHERE d.cost_nanos > ${p99})::int AS n FROM usage_runs d JOIN workloads w ON w.id = d.workload_id WHERE ${range} GROUP BY 1`,
  );
  const counts = new Map(runaway.rows.map((r) => [r.workload, r.n]));
  return {
    workloads: stats.rows.map((s) => ({
      workload: s.workload, runs: s.runs, calls: s.calls, costUsd: nanosToUsd(s.cost), p50Usd: nanosToUsd(s.p50), p95Usd: nanosToUsd(s.p95),
      p99Usd: nanosToUsd(s.p99), maxUsd: nanosToUsd(s.max), runawayRuns: counts.get(s.workload), okCalls: s.ok, outcomeCalls: s.outcomes, successfulOutcomes: s.successes,
    })),
    top: await list(false),
    runaway: await list(true),
  };
}

const shape = (body: { workloads: Record<string, unknown>[]; top: { runId: string; workload: string }[]; runaway: { runId: string; workload: string }[] }) => ({
  workloads: body.workloads.map((w) => ({
    workload: w.workload, runs: w.runs, calls: w.calls, costUsd: w.costUsd, p50Usd: w.p50Usd, p95Usd: w.p95Usd, p99Usd: w.p99Usd,
    maxUsd: w.maxUsd, runawayRuns: w.runawayRuns, okCalls: w.okCalls, outcomeCalls: w.outcomeCalls, successfulOutcomes: w.successfulOutcomes,
  })),
  top: body.top.map((r) => `${r.runId}@${r.workload}`),
  runaway: body.runaway.map((r) => `${r.runId}@${r.workload}`),
});

describe("the runs summary", () => {
  it("equals the plain SQL on ties, at the list's cut and with fewer than 100 runs", async () => {
    for (const limit of [1, 3, 6, 20, 200]) {
      const body = await summary(`from=2026-10-01&to=2026-10-31&limit=${limit}`);
      expect(shape(body)).toEqual(await reference("TRUE", limit));
    }
    const body = await summary("from=2026-10-01&to=2026-10-31&limit=4");
    const ties = body.workloads.find((w: { workload: string }) => w.workload === "ties");
    // 256 runs in range: p50 = the 128th, p99 = the 254th (50,000 nanos); only "huge" (60,000) is above it
    expect(ties).toMatchObject({ runs: 256, p99Usd: "0.00005", maxUsd: "0.00006", runawayRuns: 1 });
    // big-a costs as much in "small" as in "ties": the tie goes by workload id ("ties" was created first)
    expect(shape(body).top).toEqual(["o7@elsewhere", "huge@ties", "big-a@ties", "big-a@small"]);
    expect(shape(body).runaway).toEqual(["o7@elsewhere", "huge@ties"]);
    // 5 runs: p99 is the maximum, nothing is runaway
    expect(body.workloads.find((w: { workload: string }) => w.workload === "small")).toMatchObject({ runs: 5, p99Usd: "0.00005", runawayRuns: 0 });
  });

  it("equals the plain SQL with a workload or team filter and under a team scope", async () => {
    expect(shape(await summary("from=2026-10-01&to=2026-10-31&workload=ties&limit=7"))).toEqual(
      await reference("d.workload_id = (SELECT id FROM workloads WHERE slug = 'ties')", 7),
    );
    expect(shape(await summary("from=2026-10-01&to=2026-10-31&team=other&limit=5"))).toEqual(await reference("d.team_id = (SELECT id FROM teams WHERE slug = 'other')", 5));
    const scoped = await summary("from=2026-10-01&to=2026-10-31&limit=5", lead);
    expect(shape(scoped)).toEqual(await reference("d.team_id = (SELECT id FROM teams WHERE slug = 'other')", 5));
    expect(scoped.workloads.map((w: { workload: string }) => w.workload)).toEqual(["elsewhere"]);
  });

  it("counts a run in the range it started in only", async () => {
    const body = await summary("from=2026-10-01&to=2026-10-09&limit=200");
    expect(shape(body)).toEqual(await reference("d.first_at < '2026-10-10T00:00:00Z'", 200));
    expect(shape(body).top).not.toContain("old@ties");
  });
});
