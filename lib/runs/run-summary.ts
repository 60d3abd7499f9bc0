import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { checkRange, monthStart, todayUtc } from "@/lib/analytics/dates";
import { checkFilterValues } from "@/lib/analytics/check-filters";
import { nanosToUsd } from "@/lib/money";
import { nanosPer } from "./divide";
import { histogramMaintained, locateRank, nearestRank, probeCosts, type BucketCount } from "./run-histogram";
import { RUN_KINDS, type RunRow, type RunsQuery, type RunsResponse, type WorkloadRunStats } from "./run-schemas";

/**
 * Runs (calls grouped by run/session/trace id, lib/ingest/store/run-rollup.ts) that STARTED in the range, read from
 * usage_runs with the caller's team scope. Per workload: count, calls, cost, p50/p95/p99/max run cost and the
 * runaway runs (cost above the workload's p99). Percentiles are percentile_disc on the integer nano-dollar cost in
 * SQL: nearest rank, so every percentile is the exact cost of a real run (never an interpolated float). With fewer
 * than 100 runs p99 is the maximum, so nothing is flagged: a p99 needs 100 runs to mean anything.
 */
export function runConditions(
  principal: Pick<Principal, "teamIds">,
  q: Pick<RunsQuery, "team" | "workload">,
  from: string,
  to: string,
  opts: { rangeAsFilter?: boolean } = {},
): Prisma.Sql {
  // rangeAsFilter: the range is checked on each row but cannot drive an index scan (`+ interval '0'` hides the
  // column from the planner), for statements that must walk (workload_id, cost_nanos) whatever the range.
  const at = opts.rangeAsFilter ? Prisma.sql`(d.first_at + interval '0 s')` : Prisma.sql`d.first_at`;
  const where = [
    Prisma.sql`${at} >= (${from}::date::timestamp AT TIME ZONE 'UTC')`,
    Prisma.sql`${at} < ((${to}::date + 1)::timestamp AT TIME ZONE 'UTC')`,
    ...filterConditions(principal, q),
  ];
  return Prisma.join(where, " AND ");
}

/** The caller's team scope and the team/workload filters, on `d` (usage_runs or usage_runs_hist). */
function filterConditions(principal: Pick<Principal, "teamIds">, q: Pick<RunsQuery, "team" | "workload">): Prisma.Sql[] {
  const where = [teamScope(principal)];
  if (q.team) where.push(q.team === "unattributed" ? Prisma.sql`d.team_id = 0` : Prisma.sql`d.team_id = (SELECT id FROM teams WHERE slug = ${q.team})`);
  if (q.workload) {
    where.push(q.workload === "unattributed" ? Prisma.sql`d.workload_id = 0` : Prisma.sql`d.workload_id = (SELECT id FROM workloads WHERE slug = ${q.workload})`);
  }
  return where;
}

interface RawStats {
  workload: string;
  label: string;
  runs: number;
  calls: string;
  cost: string;
  p50: string;
  p95: string;
  p99: string;
  max: string;
  runaway: number;
  ok: string;
  outcomes: string;
  successes: string;
}

export interface RawRun {
  run_id: string;
  run_kind: number;
  team: string;
  workload: string;
  workload_label: string;
  first_at: Date;
  last_at: Date;
  calls: string;
  cost: string;
  unpriced: string;
  errors: string;
  models: string[];
  runaway: boolean;
}

/** A transaction of reads; on Citus the per-workload statement reads every run of the range (seconds at 10M). */
const SUMMARY_TIMEOUT_MS = 120_000;

type Tx = Prisma.TransactionClient;

/** work_mem for the percentile statement only (SET LOCAL): ~25 bytes a run, so 128 MB sorts ~5M runs of one workload in memory. */
const RUNS_WORK_MEM = "128MB";

export async function querySummary(principal: Principal, q: RunsQuery, now = new Date()): Promise<RunsResponse> {
  const to = q.to ?? todayUtc(now);
  const from = q.from ?? monthStart(to);
  checkRange(from, to);
  await checkFilterValues(principal, q);
  const where = runConditions(principal, q, from, to);
  // Runs above a p99 are ~1% of a workload's: the (workload_id, cost_nanos) range is the short read even for a short
  // date range, but the planner guesses a third of the rows for `cost_nanos > p99` (the p99 is not known when it
  // plans) and would rather range-scan first_at once per workload (month to date: 0.22 s instead of 0.09 s).
  const aboveP99 = runConditions(principal, q, from, to, { rangeAsFilter: true });
  const fromHistogram = await histogramMaintained();
  // One snapshot for every statement (REPEATABLE READ): a batch committed between the histogram read, the percentile
  // probes and the lists would otherwise move runs under them. The statements are reads of milliseconds each, so
  // they run one after another on the transaction's connection.
  return prisma().$transaction(
    async (tx) => {
      const figures = fromHistogram ? await statsFromHistogram(tx, principal, q, from, to, aboveP99) : await statsByScan(tx, where);
      const runawayCounts = await countRunaway(tx, figures, aboveP99);
      const stats = figures.map((s, i) => ({ ...s, runaway: runawayCounts[i] }));
      const list = (onlyRunaway: boolean) => mostExpensiveRuns(tx, figures, onlyRunaway ? aboveP99 : where, onlyRunaway, q.limit);
      const [top, runaway] = figures.length === 0 ? [[], []] : [await list(false), await list(true)];
      return { from, to, workloads: stats.map(statsOut), top: top.map(runOut), runaway: runaway.map(runOut) };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: SUMMARY_TIMEOUT_MS },
  );
}

/**
 * Each workload's most expensive runs (or only its runaway runs, above its p99) from a backward scan of
 * (workload_id, cost_nanos) that stops after `limit` rows in the range, then the `limit` most expensive of those:
 * no sort of every run in the range. Ties on cost go by run id, then workload and team (a run id may be in two
 * workloads), so the lists are deterministic.
 */
function mostExpensiveRuns(tx: Tx, stats: WorkloadFigures[], conditions: Prisma.Sql, onlyRunaway: boolean, limit: number): Promise<RawRun[]> {
  const ids = stats.map((s) => s.workload_id);
  const p99s = stats.map((s) => s.p99);
  return tx.$queryRaw<RawRun[]>`
    WITH p99 AS (SELECT * FROM unnest(${ids}::int[], ${p99s}::bigint[]) AS p(workload_id, p99)),
    f AS (
      SELECT x.* FROM p99 CROSS JOIN LATERAL (
        SELECT d.*, d.cost_nanos > p99.p99 AS runaway FROM usage_runs d
        WHERE d.workload_id = p99.workload_id AND ${conditions} ${onlyRunaway ? Prisma.sql`AND d.cost_nanos > p99.p99` : Prisma.empty}
        ORDER BY d.cost_nanos DESC, d.run_id, d.team_id LIMIT ${limit}
      ) x
      ORDER BY x.cost_nanos DESC, x.run_id, x.workload_id, x.team_id LIMIT ${limit}
    )
    SELECT f.run_id, f.run_kind::int AS run_kind, COALESCE(t.slug, 'unattributed') AS team, COALESCE(w.slug, 'unattributed') AS workload,
      COALESCE(w.name, 'Unattributed') AS workload_label, f.first_at, f.last_at, f.calls::text AS calls, f.cost_nanos::text AS cost,
      f.unpriced_calls::text AS unpriced, f.error_calls::text AS errors, f.runaway,
      ARRAY(SELECT m.provider || '/' || m.name FROM models m WHERE m.id = ANY(f.model_ids) ORDER BY 1) AS models
    FROM f LEFT JOIN teams t ON t.id = f.team_id LEFT JOIN workloads w ON w.id = f.workload_id
    ORDER BY f.cost_nanos DESC, f.run_id, f.workload_id, f.team_id`;
}

/**
 * Per-workload figures read from every run in the range: where the runs histogram is not maintained (Citus, where
 * usage_runs is a reference table and takes no triggers).
 */
async function statsByScan(tx: Tx, where: Prisma.Sql): Promise<WorkloadFigures[]> {
  // One statement (the percentile sort of a big workload needs ~25 bytes per run of work_mem, else it spills to
  // disk; SET LOCAL keeps the server's setting for everything else). Per workload: one percentile_disc over an
  // array of fractions (one sort for p50/p95/p99; the index usage_runs_workload_id_cost_nanos_idx hands the runs over
  // already in cost order, so that sort only confirms the order). Indexes: prisma/migrations/20261203120000_runs_covering_indexes.
  await tx.$executeRawUnsafe(`SET LOCAL work_mem = '${RUNS_WORK_MEM}'`);
  return tx.$queryRaw<WorkloadFigures[]>`
    SELECT s.workload_id, COALESCE(w.slug, 'unattributed') AS workload, COALESCE(w.name, 'Unattributed') AS label, s.runs, s.calls, s.cost::text AS cost,
      s.pct[1]::text AS p50, s.pct[2]::text AS p95, s.pct[3]::text AS p99, s.max::text AS max, s.ok, s.outcomes, s.successes
    FROM (
      SELECT d.workload_id, count(*)::int AS runs, sum(d.calls)::text AS calls, sum(d.cost_nanos) AS cost,
        percentile_disc(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY d.cost_nanos) AS pct, max(d.cost_nanos) AS max,
        sum(d.ok_calls)::text AS ok, sum(d.outcome_calls)::text AS outcomes, sum(d.success_outcomes)::text AS successes
      FROM usage_runs d WHERE ${where} GROUP BY d.workload_id
    ) s
    LEFT JOIN workloads w ON w.id = s.workload_id
    ORDER BY s.cost DESC, 2`;
}

type WorkloadStatsRow = RawStats & { workload_id: number };
/** A workload's figures before its runaway count (which needs its p99). */
type WorkloadFigures = Omit<WorkloadStatsRow, "runaway">;

/**
 * How many runs of each workload cost more than its p99 in the range: an index-only range scan of
 * (workload_id, cost_nanos) above the p99 (~1% of the runs).
 */
async function countRunaway(tx: Tx, figures: WorkloadFigures[], aboveP99: Prisma.Sql): Promise<number[]> {
  if (figures.length === 0) return [];
  const rows = await tx.$queryRaw<{ runaway: number }[]>`
    SELECT f.runaway FROM unnest(${figures.map((s) => s.workload_id)}::int[], ${figures.map((s) => s.p99)}::bigint[]) WITH ORDINALITY AS p(workload_id, p99, i)
    CROSS JOIN LATERAL (SELECT count(*)::int AS runaway FROM usage_runs d WHERE d.workload_id = p.workload_id AND d.cost_nanos > p.p99 AND ${aboveP99}) f
    ORDER BY p.i`;
  return rows.map((r) => r.runaway);
}

/**
 * The same figures from the runs histogram (run-histogram.ts): sums per workload from usage_runs_hist, then each
 * percentile and the maximum located in its cost bucket by counting and read exactly from the
 * (workload_id, cost_nanos) index inside that bucket.
 */
async function statsFromHistogram(tx: Tx, principal: Principal, q: RunsQuery, from: string, to: string, aboveP99: Prisma.Sql): Promise<WorkloadFigures[]> {
  const where = histogramConditions(principal, q, from, to);
  // One read of the histogram: per workload and bucket, in the summary's order (spend, then workload), so each
  // workload's totals are the sums of its buckets and its percentiles are counted along them.
  const buckets = await tx.$queryRaw<HistogramRow[]>`
    SELECT b.workload_id, COALESCE(w.slug, 'unattributed') AS workload, COALESCE(w.name, 'Unattributed') AS label, b.bucket, b.runs, b.calls,
      b.cost, b.ok, b.outcomes, b.successes
    FROM (
      SELECT d.workload_id, d.bucket, sum(d.runs)::int AS runs, sum(d.calls) AS calls, sum(d.cost_nanos) AS cost, sum(d.ok_calls) AS ok,
        sum(d.outcome_calls) AS outcomes, sum(d.success_outcomes) AS successes
      FROM usage_runs_hist d WHERE ${where} GROUP BY 1, 2 HAVING sum(d.runs) > 0
    ) b
    LEFT JOIN workloads w ON w.id = b.workload_id
    ORDER BY sum(b.cost) OVER (PARTITION BY b.workload_id) DESC, 2, b.workload_id, b.bucket`;
  const workloads = perWorkload(buckets);
  const probes = workloads.flatMap((w) =>
    [...PERCENTILES.map((f) => nearestRank(f, w.totals.runs)), w.totals.runs].map((rank) => ({ workloadId: w.totals.workload_id, ...locateRank(w.buckets, rank) })),
  );
  const costs = await probeCosts(tx, probes, aboveP99);
  const at = (i: number, k: number) => costs[i * (PERCENTILES.length + 1) + k].toString();
  return workloads.map((w, i) => ({ ...w.totals, p50: at(i, 0), p95: at(i, 1), p99: at(i, 2), max: at(i, 3) }));
}

type HistogramRow = BucketCount & { workload_id: number; workload: string; label: string; calls: bigint; cost: bigint; ok: bigint; outcomes: bigint; successes: bigint };

/**
 * Each workload's totals (exact: integer sums of its buckets) and its buckets in cost order, in the order the
 * workloads came.
 */
function perWorkload(rows: HistogramRow[]): { totals: Omit<WorkloadFigures, "p50" | "p95" | "p99" | "max">; buckets: BucketCount[] }[] {
  const byWorkload = new Map<number, { row: HistogramRow; buckets: BucketCount[]; runs: number; calls: bigint; cost: bigint; ok: bigint; outcomes: bigint; successes: bigint }>();
  for (const b of rows) {
    const w = byWorkload.get(b.workload_id) ?? { row: b, buckets: [], runs: 0, calls: 0n, cost: 0n, ok: 0n, outcomes: 0n, successes: 0n };
    byWorkload.set(b.workload_id, w);
    w.buckets.push(b);
    w.runs += b.runs;
    w.calls += BigInt(b.calls);
    w.cost += BigInt(b.cost);
    w.ok += BigInt(b.ok);
    w.outcomes += BigInt(b.outcomes);
    w.successes += BigInt(b.successes);
  }
  return [...byWorkload.values()].map((w) => ({
    buckets: w.buckets,
    totals: {
      workload_id: w.row.workload_id,
      workload: w.row.workload,
      label: w.row.label,
      runs: w.runs,
      calls: w.calls.toString(),
      cost: w.cost.toString(),
      ok: w.ok.toString(),
      outcomes: w.outcomes.toString(),
      successes: w.successes.toString(),
    },
  }));
}

/** The fractions of the summary's percentiles, in the order p50, p95, p99. */
const PERCENTILES = [0.5, 0.95, 0.99];

/** runConditions over usage_runs_hist: a run's start day is its row's day. */
function histogramConditions(principal: Pick<Principal, "teamIds">, q: Pick<RunsQuery, "team" | "workload">, from: string, to: string): Prisma.Sql {
  return Prisma.join([Prisma.sql`d.day >= ${from}::date`, Prisma.sql`d.day <= ${to}::date`, ...filterConditions(principal, q)], " AND ");
}

function statsOut(s: RawStats): WorkloadRunStats {
  const cost = BigInt(s.cost);
  const per = (units: bigint | number) => {
    const v = nanosPer(cost, BigInt(units));
    return v === null ? null : nanosToUsd(v);
  };
  const calls = Number(s.calls);
  return {
    workload: s.workload,
    label: s.label,
    runs: s.runs,
    calls,
    costUsd: nanosToUsd(cost),
    callsPerRun: (Math.round((calls / s.runs) * 100) / 100).toFixed(2),
    meanPerRunUsd: per(s.runs),
    p50Usd: nanosToUsd(s.p50),
    p95Usd: nanosToUsd(s.p95),
    p99Usd: nanosToUsd(s.p99),
    maxUsd: nanosToUsd(s.max),
    runawayRuns: s.runaway,
    costPerCallUsd: per(calls),
    okCalls: Number(s.ok),
    costPerOkCallUsd: per(BigInt(s.ok)),
    outcomeCalls: Number(s.outcomes),
    successfulOutcomes: Number(s.successes),
    costPerSuccessfulOutcomeUsd: per(BigInt(s.successes)),
  };
}

export function runOut(r: RawRun): RunRow {
  return {
    runId: r.run_id,
    kind: RUN_KINDS[r.run_kind as 1 | 2 | 3] ?? "run",
    team: r.team,
    workload: r.workload,
    workloadLabel: r.workload_label,
    firstAt: r.first_at.toISOString(),
    lastAt: r.last_at.toISOString(),
    calls: Number(r.calls),
    costUsd: nanosToUsd(r.cost),
    unpricedCalls: Number(r.unpriced),
    errorCalls: Number(r.errors),
    models: r.models,
    runaway: r.runaway,
  };
}
