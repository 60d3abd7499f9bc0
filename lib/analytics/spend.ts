import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { badRequest } from "@/lib/errors";
import { nanosToUsd } from "@/lib/money";
import { teamScope } from "./scope";
import { tagSource, topTagValues } from "./tag-spend";
import { assertRates, localCostSum, localCurrency, missingRateDay, rateJoin } from "@/lib/currency/local-cost-sql";
import { currencyOut } from "./format-measures";
import { checkRange, monthStart, todayUtc } from "./dates";
import { addMeasures, measuresFromRaw, zeroMeasures, type Measures, type RawMeasures } from "./measures";
import { TAG_GROUP_PREFIX, type GroupBy, type SpendFilters, type SpendQuery, type SpendResponse, type SpendRow } from "./spend-query";

/**
 * Spend grouped one way, read from the daily roll-ups (usage_daily; usage_daily_user for groupBy=user;
 * usage_daily_dimension for groupBy=tag:<key> or a tag.<key> filter, which combine with every other filter and grouping
 * but user), with the caller's team scope composed in. Time groupings are zero-filled so charts have every bucket.
 */
export const GROUP_KEY: Record<Exclude<GroupBy, "user">, { key: Prisma.Sql; label: Prisma.Sql; time?: string }> = {
  team: { key: Prisma.sql`COALESCE(t.slug, 'unattributed')`, label: Prisma.sql`COALESCE(t.name, 'Unattributed')` },
  workload: { key: Prisma.sql`COALESCE(w.slug, 'unattributed')`, label: Prisma.sql`COALESCE(w.name, 'Unattributed')` },
  model: { key: Prisma.sql`m.provider || '/' || m.name`, label: Prisma.sql`m.name` },
  provider: { key: Prisma.sql`m.provider`, label: Prisma.sql`m.provider` },
  tier: { key: Prisma.sql`COALESCE(m.tier, 'unknown')`, label: Prisma.sql`COALESCE(m.tier, 'unknown')` },
  day: { key: Prisma.sql`d.day::text`, label: Prisma.sql`d.day::text`, time: "day" },
  week: { key: Prisma.sql`date_trunc('week', d.day)::date::text`, label: Prisma.sql`date_trunc('week', d.day)::date::text`, time: "week" },
  month: { key: Prisma.sql`to_char(d.day, 'YYYY-MM')`, label: Prisma.sql`to_char(d.day, 'YYYY-MM')`, time: "month" },
};

interface RawRow extends RawMeasures {
  key: string;
  label: string;
  local_cost?: string;
  missing_rate_day?: string | null;
}

export function filterConditions(q: SpendFilters, forUserRollup = false): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (q.team) where.push(q.team === "unattributed" ? Prisma.sql`d.team_id = 0` : Prisma.sql`t.slug = ${q.team}`);
  if (q.workload) where.push(q.workload === "unattributed" ? Prisma.sql`d.workload_id = 0` : Prisma.sql`w.slug = ${q.workload}`);
  if (forUserRollup && (q.model || q.provider || q.tier)) {
    throw badRequest("groupBy=user can be filtered by team and workload only (per-user roll-ups have no model)");
  }
  if (q.model) where.push(q.model.includes("/") ? Prisma.sql`m.provider || '/' || m.name = ${q.model}` : Prisma.sql`m.name = ${q.model}`);
  if (q.provider) where.push(Prisma.sql`m.provider = ${q.provider}`);
  if (q.tier) where.push(q.tier === "unknown" ? Prisma.sql`m.tier IS NULL` : Prisma.sql`m.tier = ${q.tier}`);
  return where;
}

/** The measures of roll-up rows aliased `alias` (usage_daily, usage_daily_user, usage_daily_dimension share the names). */
export function sumsOf(alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`COALESCE(sum(${a}.cost_nanos), 0)::text AS cost, COALESCE(sum(${a}.input_tokens), 0)::text AS input,
    COALESCE(sum(${a}.cached_input_tokens), 0)::text AS cached, COALESCE(sum(${a}.cache_write_tokens), 0)::text AS cache_write,
    COALESCE(sum(${a}.output_tokens), 0)::text AS output, COALESCE(sum(${a}.reasoning_tokens), 0)::text AS reasoning,
    COALESCE(sum(${a}.requests), 0)::text AS requests, COALESCE(sum(${a}.unpriced_requests), 0)::text AS unpriced,
    COALESCE(sum(${a}.unpriced_events), 0)::text AS unpriced_events, COALESCE(sum(${a}.uncounted_events), 0)::text AS uncounted,
    COALESCE(sum(${a}.uncounted_cost_nanos), 0)::text AS uncounted_cost`;
}

export async function querySpend(principal: Principal, q: SpendQuery, now = new Date(), currency = "USD"): Promise<SpendResponse> {
  const to = q.to ?? todayUtc(now);
  const from = q.from ?? monthStart(to);
  checkRange(from, to);
  const isUser = q.groupBy === "user";
  // A tag grouping or filter reads the promoted key's roll-up (tag-spend.ts); the scope and filters are the same.
  if (q.top !== undefined && !q.groupBy.startsWith(TAG_GROUP_PREFIX)) throw badRequest("top: only with groupBy=tag:<key>");
  const tag = await tagSource(q);
  // Top tag values are ranked in their own query (tag-spend.ts), which has no exchange-rate join: a tag grouping
  // answers in USD (no `cost`; currency says USD) rather than with a converted figure it did not compute.
  const local = tag?.grouped ? null : localCurrency(currency);
  const where = [
    Prisma.sql`d.day BETWEEN ${from}::date AND ${to}::date`,
    teamScope(principal),
    ...filterConditions(q, isUser),
    ...(tag?.where ?? []),
  ];
  const sums = Prisma.sql`${sumsOf("d")} ${localCostSum(local, "local_cost")} ${missingRateDay(local)}`;

  let rows: RawRow[];
  if (isUser) {
    rows = await prisma().$queryRaw<RawRow[]>`
      SELECT d.user_name AS key, d.user_name AS label, ${sums}
      FROM usage_daily_user d LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id ${rateJoin(local)}
      WHERE ${Prisma.join(where, " AND ")}
      GROUP BY 1, 2 ORDER BY sum(d.cost_nanos) DESC, 1`;
  } else if (tag?.grouped) {
    rows = await topTagValues<RawRow>(tag.source, where, sumsOf, q.top);
  } else {
    const g = GROUP_KEY[q.groupBy as Exclude<GroupBy, "user">];
    const source = tag ? tag.source : Prisma.sql`usage_daily d JOIN models m ON m.id = d.model_id`;
    const grouped = Prisma.sql`
      SELECT ${g.key} AS key, ${g.label} AS label, ${sums}
      FROM ${source}
      LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id ${rateJoin(local)}
      WHERE ${Prisma.join(where, " AND ")}
      GROUP BY 1, 2`;
    rows = g.time
      ? await prisma().$queryRaw<RawRow[]>`
          WITH g AS (${grouped}),
          buckets AS (
            SELECT DISTINCT ${bucketExpr(g.time)} AS key
            FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS s(day)
          )
          SELECT b.key, b.key AS label, COALESCE(g.cost, '0') AS cost, COALESCE(g.input, '0') AS input,
            COALESCE(g.cached, '0') AS cached, COALESCE(g.cache_write, '0') AS cache_write, COALESCE(g.output, '0') AS output,
            COALESCE(g.reasoning, '0') AS reasoning, COALESCE(g.requests, '0') AS requests, COALESCE(g.unpriced, '0') AS unpriced,
            COALESCE(g.unpriced_events, '0') AS unpriced_events, COALESCE(g.uncounted, '0') AS uncounted, COALESCE(g.uncounted_cost, '0') AS uncounted_cost
            ${local ? Prisma.sql`, COALESCE(g.local_cost, '0') AS local_cost, g.missing_rate_day` : Prisma.empty}
          FROM buckets b LEFT JOIN g ON g.key = b.key ORDER BY b.key`
      : await prisma().$queryRaw<RawRow[]>`${grouped} ORDER BY sum(d.cost_nanos) DESC, 1`;
  }
  assertRates(local, rows);
  const measures = rows.map((r) => ({ ...measuresFromRaw(r), ...(local ? { localCostNanos: BigInt(r.local_cost ?? "0") } : {}) }));
  const out: SpendRow[] = rows.map((r, i) => ({ key: r.key, label: r.label, ...spendMeasures(measures[i]) }));
  const totals = spendMeasures(measures.reduce(addMeasures, zeroMeasures()));
  return { from, to, groupBy: q.groupBy, rows: out, totals, currency: currencyOut(local ?? "USD") };
}

export function bucketExpr(time: string): Prisma.Sql {
  if (time === "day") return Prisma.sql`s.day::date::text`;
  if (time === "week") return Prisma.sql`date_trunc('week', s.day)::date::text`;
  return Prisma.sql`to_char(s.day, 'YYYY-MM')`;
}

/** Measures -> the spend API's fields, in its field order. */
function spendMeasures(m: Measures): SpendResponse["totals"] {
  return {
    costUsd: nanosToUsd(m.costNanos),
    inputTokens: m.inputTokens,
    cachedInputTokens: m.cachedInputTokens,
    cacheWriteTokens: m.cacheWriteTokens,
    outputTokens: m.outputTokens,
    reasoningTokens: m.reasoningTokens,
    requests: m.requests,
    unpricedRequests: m.unpricedRequests,
    unpricedEvents: m.unpricedEvents,
    uncountedEvents: m.uncountedEvents,
    ...(m.localCostNanos !== undefined ? { cost: nanosToUsd(m.localCostNanos) } : {}),
  };
}
