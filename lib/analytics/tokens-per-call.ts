import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "./scope";
import { addDays, checkRange, monthStart, todayUtc } from "./dates";
import { PERCENTILES, TOKENS_SAMPLE_MAX, type TokenDistribution, type TokensQuery, type TokensResponse } from "./tokens-query";

interface RawStats {
  n: number;
  oldest: Date | null;
  newest: Date | null;
  input_mean: number | null;
  cached_mean: number | null;
  output_mean: number | null;
  input_p: number[] | null;
  cached_p: number[] | null;
  output_p: number[] | null;
  histogram: { kind: string; b: number; n: number }[] | null;
}

const SLICES = 20;

const KINDS = [
  ["input", "input_tokens"],
  ["cached", "cached_input_tokens"],
  ["output", "output_tokens"],
] as const;

/**
 * Tokens per call of a workload, from raw usage_events (roll-ups keep sums, not distributions). Bounded: at most
 * TOKENS_SAMPLE_MAX calls, spread over the range, read backwards along the (workload_id, occurred_at) index, so
 * the cost is the same for a workload with a thousand calls or ten million. Percentiles and power-of-two
 * histograms are computed in Postgres; records that stand for several requests count per request.
 */
export async function queryTokensPerCall(principal: Principal, q: TokensQuery, now = new Date()): Promise<TokensResponse> {
  const to = q.to ?? todayUtc(now);
  const from = q.from ?? monthStart(to);
  checkRange(from, to, 3660, now);
  const workload =
    q.workload === "unattributed"
      ? Prisma.sql`e.workload_id IS NULL`
      : Prisma.sql`e.workload_id = (SELECT id FROM workloads WHERE slug = ${q.workload})`;
  const model = !q.model
    ? Prisma.sql`TRUE`
    : q.model.includes("/")
      ? Prisma.sql`e.model_id IN (SELECT id FROM models WHERE provider || '/' || name = ${q.model})`
      : Prisma.sql`e.model_id IN (SELECT id FROM models WHERE name = ${q.model})`;
  // The range is cut into SLICES equal spans and the latest calls of each are read along the index, so the
  // sample covers the whole range (not just its last hours) at the cost of SLICES short index scans.
  const start = `${from}T00:00:00Z`;
  const sliceMs = Math.ceil((Date.parse(`${addDays(to, 1)}T00:00:00Z`) - Date.parse(start)) / SLICES);
  const perCall = (column: string) => Prisma.raw(`e.${column}::float8 / greatest(e.requests, 1)`);
  const [stats] = await prisma().$queryRaw<RawStats[]>`
    WITH s AS (
      SELECT x.* FROM generate_series(0, ${SLICES - 1}) AS i
      CROSS JOIN LATERAL (
        SELECT e.occurred_at, ${perCall("input_tokens")} AS input, ${perCall("cached_input_tokens")} AS cached, ${perCall("output_tokens")} AS output
        FROM usage_events e
        WHERE ${workload} AND ${model} AND ${teamScope(principal, Prisma.raw("e.team_id"))}
          AND e.occurred_at >= ${start}::timestamptz + interval '1 millisecond' * (i * ${sliceMs}::float8)
          AND e.occurred_at < ${start}::timestamptz + interval '1 millisecond' * ((i + 1) * ${sliceMs}::float8)
        ORDER BY e.occurred_at DESC
        LIMIT ${TOKENS_SAMPLE_MAX / SLICES}
      ) x
    ), h AS (
      SELECT kind, floor(ln(greatest(v, 1)) / ln(2) + 1e-9)::int AS b, count(*)::int AS n
      FROM (SELECT 'input' AS kind, input AS v FROM s UNION ALL SELECT 'cached', cached FROM s WHERE cached > 0
            UNION ALL SELECT 'output', output FROM s) x
      GROUP BY 1, 2
    )
    SELECT count(*)::int AS n, min(occurred_at) AS oldest, max(occurred_at) AS newest,
      avg(input) AS input_mean, avg(cached) AS cached_mean, avg(output) AS output_mean,
      percentile_cont(${PERCENTILES as unknown as number[]}::float8[]) WITHIN GROUP (ORDER BY input) AS input_p,
      percentile_cont(${PERCENTILES as unknown as number[]}::float8[]) WITHIN GROUP (ORDER BY cached) AS cached_p,
      percentile_cont(${PERCENTILES as unknown as number[]}::float8[]) WITHIN GROUP (ORDER BY output) AS output_p,
      (SELECT json_agg(h ORDER BY kind, b) FROM h) AS histogram
    FROM s`;
  const dist = (kind: (typeof KINDS)[number][0], mean: number | null, p: number[] | null): TokenDistribution => ({
    mean: mean === null ? null : Math.round(mean * 10) / 10,
    percentiles: Object.fromEntries(PERCENTILES.map((q, i) => [`p${Math.round(q * 100)}`, Math.round(p?.[i] ?? 0)])),
    histogram: (stats.histogram ?? []).filter((h) => h.kind === kind).map((h) => ({ from: h.b === 0 ? 0 : 2 ** h.b, to: 2 ** (h.b + 1), calls: h.n })),
  });
  return {
    from,
    to,
    workload: q.workload,
    sampledCalls: stats.n,
    sampleFrom: stats.oldest ? stats.oldest.toISOString() : null,
    sampleTo: stats.newest ? stats.newest.toISOString() : null,
    input: dist("input", stats.input_mean, stats.input_p),
    cachedInput: dist("cached", stats.cached_mean, stats.cached_p),
    output: dist("output", stats.output_mean, stats.output_p),
  };
}
