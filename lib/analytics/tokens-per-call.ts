import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { bucketRange } from "@/lib/ingest/store/shape-rollup";
import { teamScope } from "./scope";
import { addDays, checkRange, monthStart, todayUtc } from "./dates";
import { bucketPercentile } from "./bucket-percentiles";
import { SAMPLE_MAX_PAGES_PERCENT, SAMPLE_PERCENTILES, SAMPLE_TARGET_CALLS, type TokensQuery, type TokensResponse } from "./tokens-query";

interface RawBucket {
  bucket: number;
  calls: string;
  input: string;
  cached: string;
  output: string;
  cost: string;
}

interface RawSample {
  n: number;
  input_p: number[] | null;
  cached_p: number[] | null;
  output_p: number[] | null;
}


/**
 * How big a workload's calls are. Every call of the range, by input size, comes from the usage_shape_daily
 * roll-up (half-octave input buckets, with the cached and output tokens of each bucket): exact counts, cheap at
 * any volume. Output and cache percentiles need single calls: those come from a bounded random sample of them.
 */
export async function queryTokensPerCall(principal: Principal, q: TokensQuery, now = new Date()): Promise<TokensResponse> {
  const to = q.to ?? todayUtc(now);
  const from = q.from ?? monthStart(to);
  checkRange(from, to, 3660, now);
  const buckets = await inputBuckets(principal, q, from, to);

  let calls = 0;
  let input = 0;
  let cached = 0;
  let output = 0;
  for (const b of buckets) {
    calls += Number(b.calls);
    input += Number(b.input);
    cached += Number(b.cached);
    output += Number(b.output);
  }
  const sample = await sampleCalls(principal, q, from, to, calls);
  const perCall = (x: number) => (calls === 0 ? null : Math.round((x / calls) * 10) / 10);
  const ranges = buckets.map((b) => ({ ...bucketRange(b.bucket), count: Number(b.calls) }));
  return {
    from,
    to,
    workload: q.workload,
    calls,
    mean: { input: perCall(input), cachedInput: perCall(cached), output: perCall(output) },
    byInputSize: buckets.map((b, i) => {
      const n = Number(b.calls);
      return {
        from: ranges[i].from,
        to: ranges[i].to,
        calls: n,
        share: calls === 0 ? 0 : n / calls,
        avgInput: n === 0 ? 0 : Math.round(Number(b.input) / n),
        avgCachedInput: n === 0 ? 0 : Math.round(Number(b.cached) / n),
        avgOutput: n === 0 ? 0 : Math.round(Number(b.output) / n),
        costUsd: nanosToUsd(b.cost),
      };
    }),
    inputPercentiles: Object.fromEntries(SAMPLE_PERCENTILES.map((p) => [label(p), Math.round(bucketPercentile(ranges, p) ?? 0)])),
    sample,
  };
}

/** Pages always worth reading: below this a table is read whole, above it this many pages at least. */
const MIN_SAMPLE_PAGES = 1000;

const label = (p: number) => `p${Math.round(p * 100)}`;

/** Roll-ups store "no workload" as 0, events as NULL. */
function workloadCondition(workload: string, column: "d.workload_id" | "e.workload_id"): Prisma.Sql {
  if (workload === "unattributed") return column === "d.workload_id" ? Prisma.sql`d.workload_id = 0` : Prisma.sql`e.workload_id IS NULL`;
  return Prisma.sql`${Prisma.raw(column)} = (SELECT id FROM workloads WHERE slug = ${workload})`;
}

function modelCondition(model: string | undefined, column: "d.model_id" | "e.model_id"): Prisma.Sql {
  if (!model) return Prisma.sql`TRUE`;
  const match = model.includes("/") ? Prisma.sql`provider || '/' || name = ${model}` : Prisma.sql`name = ${model}`;
  return Prisma.sql`${Prisma.raw(column)} IN (SELECT id FROM models WHERE ${match})`;
}

async function inputBuckets(principal: Principal, q: TokensQuery, from: string, to: string): Promise<RawBucket[]> {
  return prisma().$queryRaw<RawBucket[]>`
    SELECT d.input_bucket AS bucket, sum(d.requests)::text AS calls, sum(d.input_tokens)::text AS input,
      sum(d.cached_input_tokens)::text AS cached, sum(d.output_tokens)::text AS output, sum(d.cost_nanos)::text AS cost
    FROM usage_shape_daily d
    WHERE d.day BETWEEN ${from}::date AND ${to}::date AND ${teamScope(principal)}
      -- calls, not stored rows (a usage-export row stands for many); rows without a request count (negative
      -- buckets, shape-rollup.ts) have no per-call size and are left out
      AND d.input_bucket >= 0
      AND ${workloadCondition(q.workload, "d.workload_id")} AND ${modelCondition(q.model, "d.model_id")}
    GROUP BY 1 ORDER BY 1`;
}

/**
 * A random sample of the range's calls, for exact output and cache percentiles: Postgres reads a random
 * `pagesPercent` of usage_events' pages (TABLESAMPLE SYSTEM, repeatable so a reload shows the same numbers) and
 * keeps the workload's calls of the range. The share is sized from the roll-up's call count to land near
 * SAMPLE_TARGET_CALLS and capped, so the read is bounded (about 1% of the table) whatever the volume.
 */
async function sampleCalls(principal: Principal, q: TokensQuery, from: string, to: string, calls: number): Promise<TokensResponse["sample"]> {
  if (calls === 0) return null;
  // A small table is read whole (a few thousand pages cost nothing); a big one a capped random share of its pages.
  // usage_events is partitioned by month: its size is the sum of its partitions' (the parent holds no pages).
  const [{ pages }] = await prisma().$queryRaw<{ pages: number }[]>`
    SELECT COALESCE(sum(greatest(c.relpages, 0)), 0)::int AS pages FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'usage_events'::regclass`;
  const floor = pages <= MIN_SAMPLE_PAGES ? 100 : (100 * MIN_SAMPLE_PAGES) / pages;
  const pagesPercent = Math.min(100, Math.max(floor, Math.min(SAMPLE_MAX_PAGES_PERCENT, (100 * SAMPLE_TARGET_CALLS) / calls)));
  const perCall = (column: string) => Prisma.raw(`e.${column}::float8 / greatest(e.requests, 1)`);
  const ps = [...SAMPLE_PERCENTILES];
  const [row] = await prisma().$queryRaw<RawSample[]>`
    WITH s AS (
      SELECT ${perCall("input_tokens")} AS input, ${perCall("cached_input_tokens")} AS cached, ${perCall("output_tokens")} AS output
      FROM usage_events e TABLESAMPLE SYSTEM (${pagesPercent}) REPEATABLE (42)
      WHERE e.occurred_at >= ${from}::date AND e.occurred_at < ${addDays(to, 1)}::date AND e.requests > 0
        AND ${workloadCondition(q.workload, "e.workload_id")} AND ${modelCondition(q.model, "e.model_id")}
        AND ${teamScope(principal, Prisma.raw("e.team_id"))}
    )
    SELECT count(*)::int AS n,
      percentile_cont(${ps}::float8[]) WITHIN GROUP (ORDER BY input) AS input_p,
      percentile_cont(${ps}::float8[]) WITHIN GROUP (ORDER BY cached) AS cached_p,
      percentile_cont(${ps}::float8[]) WITHIN GROUP (ORDER BY output) AS output_p
    FROM s`;
  if (row.n === 0) return null;
  const pick = (values: number[] | null) => Object.fromEntries(SAMPLE_PERCENTILES.map((p, i) => [label(p), Math.round(values?.[i] ?? 0)]));
  return { calls: row.n, pagesPercent: Math.round(pagesPercent * 1000) / 1000, input: pick(row.input_p), cachedInput: pick(row.cached_p), output: pick(row.output_p) };
}
