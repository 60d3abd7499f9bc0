import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { bucketRange } from "@/lib/ingest/store/shape-rollup";
import { teamScope } from "./scope";
import { addDays, checkRange, monthStart, todayUtc } from "./dates";
import { bucketPercentile } from "./bucket-percentiles";
import { SAMPLE_PERCENTILES, TOKENS_SAMPLE_MAX, type TokensQuery, type TokensResponse } from "./tokens-query";

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

const DAY_MS = 86_400_000;
/** Below this many calls in the last day, the sample widens to the last week. */
const MIN_SAMPLE = 500;

/**
 * How big a workload's calls are. Every call of the range, by input size, comes from the usage_shape_daily
 * roll-up (half-octave input buckets, with the cached and output tokens of each bucket): exact counts, cheap at
 * any volume. Output and cache percentiles need single calls: those come from the latest calls in usage_events,
 * bounded in time (the last day of the range, a week if that day is quiet) so the BRIN index keeps the read small.
 */
export async function queryTokensPerCall(principal: Principal, q: TokensQuery, now = new Date()): Promise<TokensResponse> {
  const to = q.to ?? todayUtc(now);
  const from = q.from ?? monthStart(to);
  checkRange(from, to, 3660, now);
  const [buckets, sample] = await Promise.all([inputBuckets(principal, q, from, to), latestCalls(principal, q, from, to, now)]);

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
    SELECT d.input_bucket AS bucket, sum(d.events)::text AS calls, sum(d.input_tokens)::text AS input,
      sum(d.cached_input_tokens)::text AS cached, sum(d.output_tokens)::text AS output, sum(d.cost_nanos)::text AS cost
    FROM usage_shape_daily d
    WHERE d.day BETWEEN ${from}::date AND ${to}::date AND ${teamScope(principal)}
      AND ${workloadCondition(q.workload, "d.workload_id")} AND ${modelCondition(q.model, "d.model_id")}
    GROUP BY 1 ORDER BY 1`;
}

async function latestCalls(principal: Principal, q: TokensQuery, from: string, to: string, now: Date): Promise<TokensResponse["sample"]> {
  const rangeStart = Date.parse(`${from}T00:00:00Z`);
  const until = Math.min(Date.parse(`${addDays(to, 1)}T00:00:00Z`), now.getTime());
  let result: TokensResponse["sample"] = null;
  for (const days of [1, 7]) {
    const since = Math.max(rangeStart, until - days * DAY_MS);
    if (since >= until) break;
    result = await sampleWindow(principal, q, new Date(since), new Date(until));
    if ((result?.calls ?? 0) >= MIN_SAMPLE || since === rangeStart) break;
  }
  return result && result.calls > 0 ? result : null;
}

async function sampleWindow(principal: Principal, q: TokensQuery, since: Date, until: Date): Promise<TokensResponse["sample"]> {
  const perCall = (column: string) => Prisma.raw(`e.${column}::float8 / greatest(e.requests, 1)`);
  const ps = [...SAMPLE_PERCENTILES];
  const [row] = await prisma().$queryRaw<RawSample[]>`
    WITH s AS (
      SELECT ${perCall("input_tokens")} AS input, ${perCall("cached_input_tokens")} AS cached, ${perCall("output_tokens")} AS output
      FROM usage_events e
      WHERE e.occurred_at >= ${since} AND e.occurred_at < ${until}
        AND ${workloadCondition(q.workload, "e.workload_id")} AND ${modelCondition(q.model, "e.model_id")}
        AND ${teamScope(principal, Prisma.raw("e.team_id"))}
      LIMIT ${TOKENS_SAMPLE_MAX}
    )
    SELECT count(*)::int AS n,
      percentile_cont(${ps}::float8[]) WITHIN GROUP (ORDER BY input) AS input_p,
      percentile_cont(${ps}::float8[]) WITHIN GROUP (ORDER BY cached) AS cached_p,
      percentile_cont(${ps}::float8[]) WITHIN GROUP (ORDER BY output) AS output_p
    FROM s`;
  const pick = (values: number[] | null) => Object.fromEntries(SAMPLE_PERCENTILES.map((p, i) => [label(p), Math.round(values?.[i] ?? 0)]));
  return {
    calls: row.n,
    since: since.toISOString(),
    until: until.toISOString(),
    input: pick(row.input_p),
    cachedInput: pick(row.cached_p),
    output: pick(row.output_p),
  };
}
