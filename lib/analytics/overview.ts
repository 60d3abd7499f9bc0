import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { teamScope } from "./scope";
import { filterConditions } from "./spend";
import { checkRange, monthStart, todayUtc } from "./dates";
import { compareWith, previousOut } from "./comparison";
import { querySpendCube, querySpendCubeOrUsd } from "./cube";
import { breakdown, cubeTotals } from "./breakdown";
import { currencyOut, measuresOut } from "./format-measures";
import { share } from "./measures";
import { monthPace, paceHistoryStart } from "./month-pace";
import { localCostSum, localCurrency, missingRateDay, rateJoin } from "@/lib/currency/local-cost-sql";
import type { SpendFilters } from "./spend-query";
import type { OverviewQuery, OverviewResponse } from "./overview-query";

/** The overview's KPIs: the range vs the previous period, allocation coverage, tier shares, and this month's pace. */
export async function queryOverview(principal: Principal, q: OverviewQuery, now = new Date(), currency = "USD"): Promise<OverviewResponse> {
  const today = todayUtc(now);
  const to = q.to ?? today;
  const from = q.from ?? monthStart(to);
  checkRange(from, to, 3660, now);
  const comparison = compareWith(from, to, now);
  // This month's pace compares month to date by the same rule; when the range is month to date, it is the same query.
  const mtd = compareWith(monthStart(today), today, now);
  const rangeIsMtd = from === monthStart(today) && to >= today;
  const [cells, daily, mtdCells] = await Promise.all([
    querySpendCube(principal, { ...q, from, to, compare: comparison.previous, currency }),
    dailySpend(principal, q, paceHistoryStart(today), today, currency),
    rangeIsMtd
      ? null
      : // A day of this month without a rate: the pace stays in USD (inCurrency null below), never unconverted as if converted.
        querySpendCubeOrUsd(principal, { ...q, from: monthStart(today), to: today, compare: mtd.previous, currency, previousRatesOptional: true }).then((r) => r.cells),
  ]);

  const totals = cubeTotals(cells);
  const total = totals.cur.costNanos;
  let noTeam = 0n;
  let noWorkload = 0n;
  let noTeamLocal = 0n;
  let noWorkloadLocal = 0n;
  for (const c of cells) {
    if (c.team.key === "unattributed") noTeam += c.cur.costNanos;
    if (c.workload.key === "unattributed") noWorkload += c.cur.costNanos;
    if (c.team.key === "unattributed") noTeamLocal += c.cur.localCostNanos ?? 0n;
    if (c.workload.key === "unattributed") noWorkloadLocal += c.cur.localCostNanos ?? 0n;
  }
  const tiers = breakdown(cells, "tier")
    .filter((t) => t.cur.requests > 0 || t.cur.costNanos > 0n)
    .map((t) => ({ tier: t.key, costUsd: nanosToUsd(t.cur.costNanos), requests: t.cur.requests, spendShare: share(t.cur.costNanos, total), callShare: share(t.cur.requests, totals.cur.requests), ...(t.cur.localCostNanos !== undefined ? { cost: nanosToUsd(t.cur.localCostNanos) } : {}) }));
  const pace = monthPace(daily.usd, today);
  const mtdTotals = mtdCells ? cubeTotals(mtdCells) : totals;
  // The month's pace in the reporting currency: the same run-rate over each day's converted spend. Null (and the
  // page says USD) when a day of the pace's history has no rate; the range itself must convert (a 400 otherwise).
  const localPace = daily.local && !daily.missingRateDay ? monthPace(daily.local, today) : null;
  const local = localCurrency(currency);
  const mtdLocalPrev = mtdTotals.prev.localCostNanos;
  const mtdCurUsd = mtdTotals.cur.costNanos;
  const mtdPrevUsd = mtdTotals.prev.costNanos;
  return {
    from,
    to,
    previous: previousOut(comparison),
    range: {
      ...measuresOut(totals.cur),
      previousCostUsd: nanosToUsd(totals.prev.costNanos),
      ...(totals.prev.localCostNanos !== undefined ? { previousCost: nanosToUsd(totals.prev.localCostNanos) } : {}),
      changeShare: totals.prev.costNanos === 0n ? null : share(total - totals.prev.costNanos, totals.prev.costNanos),
    },
    currency: currencyOut(currency),
    coverage: {
      teamShare: share(total - noTeam, total),
      workloadShare: share(total - noWorkload, total),
      unattributedCostUsd: nanosToUsd(noTeam),
      noWorkloadCostUsd: nanosToUsd(noWorkload),
      ...(totals.cur.localCostNanos !== undefined ? { unattributedCost: nanosToUsd(noTeamLocal), noWorkloadCost: nanosToUsd(noWorkloadLocal) } : {}),
    },
    tiers,
    month: {
      today: pace.today,
      monthStart: pace.monthStart,
      monthEnd: pace.monthEnd,
      monthToDateUsd: nanosToUsd(pace.monthToDateNanos),
      lastMonthFrom: mtd.previous.from,
      lastMonthTo: mtd.previous.to,
      lastMonthUntil: mtd.previous.until ?? null,
      comparisonLabel: mtd.label,
      lastMonthToSameDayUsd: nanosToUsd(mtdPrevUsd),
      lastMonthTotalUsd: nanosToUsd(pace.lastMonthTotalNanos),
      changeShare: mtdPrevUsd === 0n ? null : share(mtdCurUsd - mtdPrevUsd, mtdPrevUsd),
      projectedUsd: nanosToUsd(pace.projectedNanos),
      projectedLowUsd: nanosToUsd(pace.projectedLowNanos),
      projectedHighUsd: nanosToUsd(pace.projectedHighNanos),
      daysLeft: pace.daysLeft,
      ...(local
        ? {
            inCurrency: localPace
              ? {
                  monthToDate: nanosToUsd(localPace.monthToDateNanos),
                  lastMonthToSameDay: mtdLocalPrev === undefined ? null : nanosToUsd(mtdLocalPrev),
                  lastMonthTotal: nanosToUsd(localPace.lastMonthTotalNanos),
                  projected: nanosToUsd(localPace.projectedNanos),
                  projectedLow: nanosToUsd(localPace.projectedLowNanos),
                  projectedHigh: nanosToUsd(localPace.projectedHighNanos),
                }
              : null,
            ...(daily.missingRateDay ? { currencyNote: `in USD: no ${local} exchange rate on or before ${daily.missingRateDay}` } : {}),
          }
        : {}),
    },
  };
}

/**
 * Spend per UTC day (filters and team scope applied), for the month pace; with a reporting currency also each day's
 * converted spend (rows at their day's rate, rounded once) and the first day with spend and no rate.
 */
async function dailySpend(principal: Principal, f: SpendFilters, from: string, to: string, currency: string) {
  const local = localCurrency(currency);
  const where = [Prisma.sql`d.day BETWEEN ${from}::date AND ${to}::date`, teamScope(principal), ...filterConditions(f)];
  const rows = await prisma().$queryRaw<{ day: string; cost: string; local_cost?: string; missing_rate_day?: string | null }[]>`
    SELECT d.day::text AS day, COALESCE(sum(d.cost_nanos), 0)::text AS cost ${localCostSum(local, "local_cost")} ${missingRateDay(local)}
    FROM usage_daily d JOIN models m ON m.id = d.model_id
    LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id ${rateJoin(local)}
    WHERE ${Prisma.join(where, " AND ")}
    GROUP BY 1`;
  return {
    usd: new Map(rows.map((r) => [r.day, BigInt(r.cost)])),
    local: local ? new Map(rows.map((r) => [r.day, BigInt(r.local_cost ?? "0")])) : null,
    missingRateDay: rows.map((r) => r.missing_rate_day).filter((d): d is string => typeof d === "string").sort()[0] ?? null,
  };
}
