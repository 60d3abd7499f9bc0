import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { teamScope } from "./scope";
import { filterConditions } from "./spend";
import { checkRange, monthStart, todayUtc } from "./dates";
import { compareWith, previousOut } from "./comparison";
import { querySpendCube } from "./cube";
import { breakdown, cubeTotals } from "./breakdown";
import { currencyOut, measuresOut } from "./format-measures";
import { share } from "./measures";
import { monthPace, paceHistoryStart } from "./month-pace";
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
    dailySpend(principal, q, paceHistoryStart(today), today),
    rangeIsMtd ? null : querySpendCube(principal, { ...q, from: monthStart(today), to: today, compare: mtd.previous }),
  ]);

  const totals = cubeTotals(cells);
  const total = totals.cur.costNanos;
  let noTeam = 0n;
  let noWorkload = 0n;
  for (const c of cells) {
    if (c.team.key === "unattributed") noTeam += c.cur.costNanos;
    if (c.workload.key === "unattributed") noWorkload += c.cur.costNanos;
  }
  const tiers = breakdown(cells, "tier")
    .filter((t) => t.cur.requests > 0 || t.cur.costNanos > 0n)
    .map((t) => ({ tier: t.key, costUsd: nanosToUsd(t.cur.costNanos), requests: t.cur.requests, spendShare: share(t.cur.costNanos, total), callShare: share(t.cur.requests, totals.cur.requests) }));
  const pace = monthPace(daily, today);
  const mtdTotals = mtdCells ? cubeTotals(mtdCells) : totals;
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
      lastMonthToSameDayUsd: nanosToUsd(mtdTotals.prev.costNanos),
      lastMonthTotalUsd: nanosToUsd(pace.lastMonthTotalNanos),
      changeShare: mtdTotals.prev.costNanos === 0n ? null : share(mtdTotals.cur.costNanos - mtdTotals.prev.costNanos, mtdTotals.prev.costNanos),
      projectedUsd: nanosToUsd(pace.projectedNanos),
      projectedLowUsd: nanosToUsd(pace.projectedLowNanos),
      projectedHighUsd: nanosToUsd(pace.projectedHighNanos),
      daysLeft: pace.daysLeft,
    },
  };
}

/** Spend per UTC day (filters and team scope applied), for the month pace. */
async function dailySpend(principal: Principal, f: SpendFilters, from: string, to: string): Promise<Map<string, bigint>> {
  const where = [Prisma.sql`d.day BETWEEN ${from}::date AND ${to}::date`, teamScope(principal), ...filterConditions(f)];
  const rows = await prisma().$queryRaw<{ day: string; cost: string }[]>`
    SELECT d.day::text AS day, COALESCE(sum(d.cost_nanos), 0)::text AS cost
    FROM usage_daily d JOIN models m ON m.id = d.model_id
    LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN workloads w ON w.id = d.workload_id
    WHERE ${Prisma.join(where, " AND ")}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.day, BigInt(r.cost)]));
}
