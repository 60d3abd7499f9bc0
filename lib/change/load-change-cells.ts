import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import { pool } from "@/lib/db/pool";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { createPricer, type Pricer } from "@/lib/pricing";
import { loadPriceOverrides } from "@/lib/pricing/overrides-store";
import { probePrices, splitByWeights, tokensByType, weightsOf, TOKEN_TYPES, type TokenType } from "@/lib/reports/token-cost-split";
import type { ChangeCell } from "./decompose";
import { localCostSum, localCurrency, missingRateDay, rateJoin } from "@/lib/currency/local-cost-sql";

/** A period: a range of UTC days, or (for anomalies) a list of days. */
export type Period = { from: string; to: string } | { days: string[] };

export interface CellFilter {
  /** SQL for the group key and its label (aliases t = teams, w = workloads). */
  groupKey: { key: Prisma.Sql; label: Prisma.Sql };
  teamSlug?: string;
  workloadSlug?: string;
  teamId?: number;
  workloadId?: number;
  /**
   * A reporting currency other than USD: each cell also carries its cost in it (`localCost`), each usage_daily row
   * at the last rate on or before its day, rounded once (as the explorer and report totals), split by token type with
   * the same weights as the USD cost. A day with spend and no rate leaves `missingRateDay` set instead.
   */
  currency?: string | null;
}

interface Raw {
  period: "base" | "current";
  key: string;
  label: string;
  provider: string;
  model: string;
  batch: boolean;
  day: string;
  requests: string;
  input: string;
  cached: string;
  cache_write: string;
  output: string;
  reasoning: string;
  cost: string;
  local_cost?: string;
  missing_rate_day?: string | null;
}

/**
 * The cells the decomposition reads: one per period x group x billed model (batch apart) x day, from usage_daily with
 * the caller's team scope. Each day's cost is split by token type in proportion to tokens x that day's price per
 * token type (the organisation's pricer, overrides included; the same split the FOCUS export uses), so the
 * decomposition can measure unit prices per type. The split always sums to the roll-up's cost exactly.
 */
export async function loadChangeCells(principal: Pick<Principal, "teamIds">, current: Period, base: Period, f: CellFilter): Promise<ChangeCell[]> {
  return (await loadChangeCellsIn(principal, current, base, f)).cells;
}

/** loadChangeCells, plus (with `f.currency`) each cell's cost in that currency and the first day without a rate. */
export async function loadChangeCellsIn(
  principal: Pick<Principal, "teamIds">,
  current: Period,
  base: Period,
  f: CellFilter,
): Promise<{ cells: (ChangeCell & { localCost?: Record<TokenType, bigint> })[]; missingRateDay: { current: string | null; base: string | null } }> {
  const local = localCurrency(f.currency ?? undefined);
  const where: Prisma.Sql[] = [teamScope(principal)];
  if (f.teamSlug) where.push(f.teamSlug === "unattributed" ? Prisma.sql`d.team_id = 0` : Prisma.sql`t.slug = ${f.teamSlug}`);
  if (f.workloadSlug) where.push(f.workloadSlug === "unattributed" ? Prisma.sql`d.workload_id = 0` : Prisma.sql`w.slug = ${f.workloadSlug}`);
  if (f.teamId !== undefined) where.push(Prisma.sql`d.team_id = ${f.teamId}`);
  if (f.workloadId !== undefined) where.push(Prisma.sql`d.workload_id = ${f.workloadId}`);
  const inCurrent = periodSql(current);
  const rows = await prisma().$queryRaw<Raw[]>`
    SELECT CASE WHEN ${inCurrent} THEN 'current' ELSE 'base' END AS period, ${f.groupKey.key} AS key, ${f.groupKey.label} AS label,
      m.provider, m.name AS model, d.batch, d.day::text AS day,
      sum(d.requests)::text AS requests, sum(d.input_tokens)::text AS input, sum(d.cached_input_tokens)::text AS cached,
      sum(d.cache_write_tokens)::text AS cache_write, sum(d.output_tokens)::text AS output,
      sum(d.reasoning_tokens)::text AS reasoning, sum(d.cost_nanos)::text AS cost ${localCostSum(local, "local_cost")} ${missingRateDay(local)}
    FROM usage_daily d JOIN models m ON m.id = d.model_id
    LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id ${rateJoin(local)}
    WHERE (${inCurrent} OR ${periodSql(base)}) AND ${Prisma.join(where, " AND ")}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
  const pricer = createPricer(await loadPriceOverrides(pool()));
  const prices = new Map<string, ReturnType<typeof probePrices>>();
  const first = (p: "current" | "base") => rows.filter((r) => r.period === p && r.missing_rate_day).map((r) => r.missing_rate_day!).sort()[0] ?? null;
  return { cells: rows.map((r) => toCell(r, pricer, prices)), missingRateDay: { current: first("current"), base: first("base") } };
}

function periodSql(p: Period): Prisma.Sql {
  return "days" in p ? Prisma.sql`d.day = ANY(${p.days}::date[])` : Prisma.sql`d.day BETWEEN ${p.from}::date AND ${p.to}::date`;
}

function toCell(r: Raw, pricer: Pricer, cache: Map<string, ReturnType<typeof probePrices>>): ChangeCell & { localCost?: Record<TokenType, bigint> } {
  const counts = {
    inputTokens: Number(r.input),
    cachedInputTokens: Number(r.cached),
    cacheWriteTokens: Number(r.cache_write),
    outputTokens: Number(r.output),
    reasoningTokens: Number(r.reasoning),
  };
  const probeKey = `${r.provider}/${r.model}/${r.batch}/${r.day}`;
  if (!cache.has(probeKey)) cache.set(probeKey, probePrices(pricer, { provider: r.provider, model: r.model, day: r.day, batch: r.batch }));
  const byType = tokensByType(counts);
  const weights = weightsOf(byType, cache.get(probeKey)!);
  const cost = splitByWeights(BigInt(r.cost), weights);
  const tokens = Object.fromEntries(TOKEN_TYPES.map((t) => [t, BigInt(Math.max(0, byType[t]))])) as Record<TokenType, bigint>;
  const cell = { key: r.key, label: r.label, item: `${r.provider}/${r.model}${r.batch ? " (batch)" : ""}`, period: r.period, day: r.day, requests: BigInt(r.requests), tokens, cost };
  return r.local_cost !== undefined ? { ...cell, localCost: splitByWeights(BigInt(r.local_cost), weights) } : cell;
}
