import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "./scope";
import { filterConditions } from "./spend";
import type { SpendFilters } from "./spend-query";
import type { Measures } from "./measures";
import type { ComparedPeriod } from "./comparison";
import { assertRates, localCostSum, localCurrency, missingRateDay, rateJoin } from "@/lib/currency/local-cost-sql";
import { AppError } from "@/lib/errors";
import { startOfSlot } from "@/lib/ingest/store/slot-rollup";

/**
 * Spend of a range (and optionally a comparison range) per (team, workload, model) cell, read from usage_daily in
 * one grouped scan with the caller's team scope. The cells are few (teams x workloads x models actually used), so
 * every table of the explorer (teams, workloads, models, providers, tiers, KPIs) is reduced from them in code
 * (breakdown.ts) instead of issuing one query per view.
 */
export interface CubeCell {
  team: { key: string; label: string };
  workload: { key: string; label: string; ownerKey: string | null; ownerLabel: string | null };
  model: { id: number; key: string; label: string; provider: string; tier: string; tierSource: string };
  cur: Measures;
  prev: Measures;
}

export interface CubeQuery extends SpendFilters {
  from: string;
  to: string;
  /** A second range summed into `prev` (the previous period, see comparison.ts); omit for none. */
  compare?: ComparedPeriod;
  /**
   * A reporting currency other than USD: each cell also sums its cost in it (Measures.localCostNanos), each
   * usage_daily row at the last rate on or before its day, rounded once (half away from zero); a day with spend and
   * no rate is a 400 naming the day.
   */
  currency?: string;
  /**
   * With `currency`: a day of the comparison range without a rate does not fail the query; the cells then carry no
   * previous-period amount in the currency (prev.localCostNanos absent) instead. The current range must convert.
   */
  previousRatesOptional?: boolean;
}

interface RawCell {
  team_key: string;
  team_label: string;
  workload_key: string;
  workload_label: string;
  owner_key: string | null;
  owner_label: string | null;
  model_id: number;
  provider: string;
  model_name: string;
  tier: string;
  tier_source: string;
  [measure: string]: string | number | null;
}

const MEASURES = [
  ["cost", "cost_nanos"],
  ["requests", "requests"],
  ["input", "input_tokens"],
  ["cached", "cached_input_tokens"],
  ["cache_write", "cache_write_tokens"],
  ["output", "output_tokens"],
  ["reasoning", "reasoning_tokens"],
  ["unpriced", "unpriced_requests"],
  ["unpriced_events", "unpriced_events"],
  ["uncounted", "uncounted_events"],
  ["uncounted_cost", "uncounted_cost_nanos"],
] as const;

function sums(prefix: string, when: Prisma.Sql): Prisma.Sql {
  return Prisma.join(
    MEASURES.map(([alias, column]) => Prisma.sql`COALESCE(sum(d.${Prisma.raw(column)}) FILTER (WHERE ${when}), 0)::text AS ${Prisma.raw(`${prefix}_${alias}`)}`),
    ", ",
  );
}

export async function querySpendCube(principal: Pick<Principal, "teamIds">, q: CubeQuery): Promise<CubeCell[]> {
  const start = q.compare && q.compare.from < q.from ? q.compare.from : q.from;
  const end = q.compare && q.compare.to > q.to ? q.compare.to : q.to;
  const inCur = Prisma.sql`d.day BETWEEN ${q.from}::date AND ${q.to}::date`;
  const inPrev = q.compare ? Prisma.sql`d.day BETWEEN ${q.compare.from}::date AND ${q.compare.to}::date` : Prisma.sql`FALSE`;
  const where = [Prisma.sql`d.day BETWEEN ${start}::date AND ${end}::date`, teamScope(principal), ...filterConditions(q)];
  const local = localCurrency(q.currency);
  const fx = rateJoin(local);
  const localSums = q.previousRatesOptional
    ? Prisma.sql`${localCostSum(local, "cur_local_cost", inCur)} ${localCostSum(local, "prev_local_cost", inPrev)} ${missingRateDay(local, inCur)} ${missingRateDay(local, inPrev, "prev_missing_rate_day")}`
    : Prisma.sql`${localCostSum(local, "cur_local_cost", inCur)} ${localCostSum(local, "prev_local_cost", inPrev)} ${missingRateDay(local)}`;
  const rows = await prisma().$queryRaw<RawCell[]>`
    WITH c AS (
      SELECT d.team_id, d.workload_id, d.model_id, ${sums("cur", inCur)}, ${sums("prev", inPrev)} ${localSums}
      FROM ${dailySource(q.compare, start, end)} JOIN models m ON m.id = d.model_id
      LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id ${fx}
      WHERE ${Prisma.join(where, " AND ")}
      GROUP BY d.team_id, d.workload_id, d.model_id
    )
    SELECT c.*, COALESCE(t.slug, 'unattributed') AS team_key, COALESCE(t.name, 'Unattributed') AS team_label,
      COALESCE(w.slug, 'unattributed') AS workload_key, COALESCE(w.name, 'Unattributed') AS workload_label,
      o.slug AS owner_key, o.name AS owner_label,
      m.provider, m.name AS model_name, COALESCE(m.tier, 'unknown') AS tier, m.tier_source
    FROM c JOIN models m ON m.id = c.model_id
    LEFT JOIN teams t ON t.id = c.team_id LEFT JOIN workloads w ON w.id = c.workload_id LEFT JOIN teams o ON o.id = w.team_id`;
  assertRates(local, rows as { missing_rate_day?: string | null }[]);
  const cells = rows.map(toCell);
  if (rows.some((r) => typeof r.prev_missing_rate_day === "string")) for (const c of cells) delete c.prev.localCostNanos;
  return cells;
}

/**
 * querySpendCube in the reporting currency where the range converts; when a day of it has spend and no rate (the
 * 400 naming that day), the same cells in USD and that refusal's message, for views that still go out (the
 * month pace, the weekly digest) and say they are in USD rather than fail.
 */
export async function querySpendCubeOrUsd(principal: Pick<Principal, "teamIds">, q: CubeQuery): Promise<{ cells: CubeCell[]; missingRate: string | null }> {
  try {
    return { cells: await querySpendCube(principal, q), missingRate: null };
  } catch (e) {
    if (!q.currency || !(e instanceof AppError) || e.status !== 400) throw e;
    return { cells: await querySpendCube(principal, { ...q, currency: undefined, previousRatesOptional: undefined }), missingRate: e.message };
  }
}

/**
 * The rows the cube sums, as `d`: usage_daily, except that a previous period cut at a time of day (`until`, see
 * comparison.ts) takes its last day from the 15-minute roll-up for the complete slots before that instant and from
 * the raw calls of the last, partial slot (one monthly partition, its key starts with occurred_at), in
 * usage_daily's shape. Daily roll-ups cannot say what happened before 09:41; reading the whole day's raw calls
 * instead cost 1.4 s at 100M calls (bench:scale); 15 minutes of them are ~1/96 of that.
 */
function dailySource(compare: ComparedPeriod | undefined, start: string, end: string): Prisma.Sql {
  if (!compare?.until) return Prisma.sql`usage_daily d`;
  const cutDay = compare.to;
  const lastSlot = startOfSlot(compare.until);
  const measures = Prisma.sql`requests, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos,
      unpriced_requests, unpriced_events, uncounted_events, uncounted_cost_nanos`;
  return Prisma.sql`(
    SELECT day, team_id, workload_id, model_id, ${measures}
    FROM usage_daily WHERE day BETWEEN ${start}::date AND ${end}::date AND day <> ${cutDay}::date
    UNION ALL
    SELECT ${cutDay}::date, team_id, workload_id, model_id, ${measures}
    FROM usage_15min WHERE slot >= ${cutDay}::date AT TIME ZONE 'UTC' AND slot < ${lastSlot}::timestamptz
    UNION ALL
    SELECT ${cutDay}::date, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id, e.requests::bigint,
      e.input_tokens::bigint, e.cached_input_tokens::bigint, e.cache_write_tokens::bigint, e.output_tokens::bigint,
      e.reasoning_tokens::bigint, COALESCE(e.cost_nanos, 0), CASE WHEN e.cost_nanos IS NULL THEN e.requests ELSE 0 END::bigint,
      (e.cost_nanos IS NULL)::int::bigint, (e.requests = 0)::int::bigint, CASE WHEN e.requests = 0 THEN COALESCE(e.cost_nanos, 0) ELSE 0 END
    FROM usage_events e
    WHERE e.occurred_at >= ${lastSlot}::timestamptz AND e.occurred_at < ${compare.until}::timestamptz
  ) d`;
}

function measures(r: RawCell, prefix: string): Measures {
  const n = (alias: string) => Number(r[`${prefix}_${alias}`]);
  return {
    costNanos: BigInt(r[`${prefix}_cost`] as string),
    requests: n("requests"),
    inputTokens: n("input"),
    cachedInputTokens: n("cached"),
    cacheWriteTokens: n("cache_write"),
    outputTokens: n("output"),
    reasoningTokens: n("reasoning"),
    unpricedRequests: n("unpriced"),
    unpricedEvents: n("unpriced_events"),
    uncountedEvents: n("uncounted"),
    uncountedCostNanos: BigInt(r[`${prefix}_uncounted_cost`] as string),
    ...(r[`${prefix}_local_cost`] !== undefined ? { localCostNanos: BigInt(r[`${prefix}_local_cost`] as string) } : {}),
  };
}

function toCell(r: RawCell): CubeCell {
  return {
    team: { key: r.team_key, label: r.team_label },
    workload: { key: r.workload_key, label: r.workload_label, ownerKey: r.owner_key, ownerLabel: r.owner_label },
    model: { id: r.model_id, key: `${r.provider}/${r.model_name}`, label: r.model_name, provider: r.provider, tier: r.tier, tierSource: r.tier_source },
    cur: measures(r, "cur"),
    prev: measures(r, "prev"),
  };
}
