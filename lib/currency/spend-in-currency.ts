import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { nanosToUsd } from "@/lib/money";
import { convertNanos, rateOn } from "./rates";
import { loadRateSeries, reportingCurrency } from "./rates-store";

export interface CurrencyTotals {
  currency: string;
  /** Decimal strings in the reporting currency. */
  total: string;
  byTeam: { key: string; cost: string }[];
}

/**
 * Spend of [from, to] in the reporting currency: each day's cost of each team x workload x model (a usage_daily
 * row) converted at that day's rate (last on or before it) and rounded once, then summed. A day without a rate is
 * a 400 naming it. Team scope applies.
 */
export async function spendInCurrency(principal: Pick<Principal, "teamIds">, from: string, to: string, currency?: string): Promise<CurrencyTotals> {
  const code = currency ?? (await reportingCurrency());
  const series = await loadRateSeries(code, to);
  const scope = teamScope(principal);
  const rows = await prisma().$queryRaw<{ day: string; team: string; cost: string }[]>(Prisma.sql`
    SELECT d.day::text AS day, COALESCE(t.slug, 'unattributed') AS team, d.cost_nanos::text AS cost
    FROM usage_daily d LEFT JOIN teams t ON t.id = d.team_id
    WHERE d.day BETWEEN ${from}::date AND ${to}::date AND ${scope} AND d.cost_nanos <> 0`);
  let total = 0n;
  const byTeam = new Map<string, bigint>();
  for (const r of rows) {
    const converted = convertNanos(BigInt(r.cost), rateOn(series, r.day));
    total += converted;
    byTeam.set(r.team, (byTeam.get(r.team) ?? 0n) + converted);
  }
  return {
    currency: code,
    total: nanosToUsd(total),
    byTeam: [...byTeam].sort((a, b) => (a[1] > b[1] ? -1 : a[1] < b[1] ? 1 : a[0].localeCompare(b[0]))).map(([key, v]) => ({ key, cost: nanosToUsd(v) })),
  };
}
