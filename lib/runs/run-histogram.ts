import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";

/**
 * The runs histogram (usage_runs_hist, migration 20261203160000_runs_histogram): runs per UTC start day, team,
 * workload and cost bucket, kept in step with usage_runs by statement triggers. A long range's summary sums it
 * (hundreds of rows instead of 1.6M runs at 10M calls) and finds each percentile's bucket by counting; the exact
 * value is then one short read of the (workload_id, cost_nanos) index inside that bucket. Nothing is estimated.
 */

/** The bucket of a cost in nano-dollars, as SQL's run_cost_bucket: digits * 100 + the two leading digits. */
export function costBucket(cost: bigint): number {
  if (cost < 10n) return 100 + Number(cost < 0n ? 0n : cost);
  const text = cost.toString();
  return text.length * 100 + Number(text.slice(0, 2));
}

/** The costs a bucket holds: lo <= cost < hi. */
export function bucketBounds(bucket: number): { lo: bigint; hi: bigint } {
  const digits = Math.floor(bucket / 100);
  const lead = BigInt(bucket % 100);
  if (digits === 1) return { lo: lead, hi: lead + 1n };
  const scale = 10n ** BigInt(digits - 2);
  return { lo: lead * scale, hi: (lead + 1n) * scale };
}

/**
 * Nearest rank of a fraction among n runs, computed as PostgreSQL's percentile_disc does (ceil(fraction * n) in
 * double precision, at least 1), so the histogram path picks the very run the plain SQL would.
 */
export function nearestRank(fraction: number, n: number): number {
  return Math.max(1, Math.ceil(fraction * n));
}

export interface BucketCount {
  bucket: number;
  runs: number;
}

/**
 * Where the rank-th cheapest run (1-based) sits: its bucket and its 0-based offset among the bucket's runs in cost
 * order. `buckets` ascending, runs > 0.
 */
export function locateRank(buckets: BucketCount[], rank: number): { bucket: number; offset: number } {
  let before = 0;
  for (const b of buckets) {
    if (rank <= before + b.runs) return { bucket: b.bucket, offset: rank - before - 1 };
    before += b.runs;
  }
  throw new Error(`rank ${rank} is past the ${before} runs of the histogram`);
}

/**
 * Whether this database maintains the histogram: its triggers exist on usage_runs. They do not on Citus, where
 * usage_runs is a reference table (no triggers there); the summary then reads usage_runs itself.
 */
export async function histogramMaintained(): Promise<boolean> {
  // Asked once per database client: the triggers come and go only with migrations and the Citus layout, which run
  // before the server starts (scripts/start.ts). Keyed by the client, which is new when DATABASE_URL changes.
  const client = prisma();
  let found = maintained.get(client);
  if (!found) {
    found = client.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = to_regclass('usage_runs') AND tgname = 'usage_runs_hist_insert'`
      .then((rows) => rows[0].n > 0);
    maintained.set(client, found);
    found.catch(() => maintained.delete(client));
  }
  return found;
}
const maintained = new WeakMap<object, Promise<boolean>>();

export interface Probe {
  workloadId: number;
  bucket: number;
  offset: number;
}

/**
 * The exact cost at each probe: the offset-th run (cost order) inside the bucket's cost range among the runs the
 * conditions keep. One statement; each probe is a range read of usage_runs_workload_id_cost_nanos_idx that skips
 * `offset` entries (a bucket holds a small part of a workload's runs). `conditions` must not let the planner range
 * on first_at (runConditions' rangeAsFilter), so each probe walks the (workload_id, cost_nanos) index.
 */
export async function probeCosts(db: Pick<Prisma.TransactionClient, "$queryRaw">, probes: Probe[], conditions: Prisma.Sql): Promise<bigint[]> {
  if (probes.length === 0) return [];
  const bounds = probes.map((p) => bucketBounds(p.bucket));
  const rows = await db.$queryRaw<{ i: bigint; cost: bigint | null }[]>`
    SELECT p.i, x.cost_nanos AS cost
    FROM unnest(${probes.map((p) => p.workloadId)}::int[], ${bounds.map((b) => b.lo.toString())}::bigint[],
      ${bounds.map((b) => b.hi.toString())}::bigint[], ${probes.map((p) => p.offset)}::bigint[]) WITH ORDINALITY AS p(workload_id, lo, hi, skip, i)
    LEFT JOIN LATERAL (
      SELECT d.cost_nanos FROM usage_runs d
      WHERE d.workload_id = p.workload_id AND d.cost_nanos >= p.lo AND d.cost_nanos < p.hi AND ${conditions}
      ORDER BY d.cost_nanos OFFSET p.skip LIMIT 1
    ) x ON TRUE
    ORDER BY p.i`;
  return rows.map((r, i) => {
    // The histogram and usage_runs are written in one transaction and read in one snapshot (the summary's
    // REPEATABLE READ transaction): a probe that finds nothing means they disagree.
    if (r.cost === null) throw new Error(`runs histogram out of step with usage_runs (workload ${probes[i].workloadId}, bucket ${probes[i].bucket})`);
    return BigInt(r.cost);
  });
}
