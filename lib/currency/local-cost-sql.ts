import { Prisma } from "@/lib/generated/prisma/client";
import { rateOn, rateSeries } from "./rates";

/**
 * SQL pieces that sum daily roll-up cost (`d.cost_nanos` of rows with a `d.day`) in the reporting currency: each
 * row at the last rate on or before its day (LATERAL look-up in exchange_rates), rounded once half away from zero
 * (numeric round), then summed: the same rule and rounding as convertNanos over usage_daily rows
 * (spend-in-currency.ts), so explorer totals equal the report's. `null` currency (USD) adds nothing.
 */
export function localCurrency(code: string | undefined): string | null {
  return code && code !== "USD" ? code : null;
}

export function rateJoin(code: string | null): Prisma.Sql {
  if (!code) return Prisma.empty;
  return Prisma.sql`LEFT JOIN LATERAL (SELECT x.units_per_usd AS rate FROM exchange_rates x WHERE x.currency = ${code} AND x.day <= d.day ORDER BY x.day DESC LIMIT 1) fx ON TRUE`;
}

/** `, sum(...) AS <alias>[, min(day without a rate) AS missing_rate_day]` (the caller names the alias). */
export function localCostSum(code: string | null, alias: string, when: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  if (!code) return Prisma.empty;
  return Prisma.sql`, COALESCE(sum(round(d.cost_nanos * fx.rate)) FILTER (WHERE ${when}), 0)::text AS ${Prisma.raw(alias)}`;
}

export function missingRateDay(code: string | null, when: Prisma.Sql = Prisma.sql`TRUE`, alias = "missing_rate_day"): Prisma.Sql {
  if (!code) return Prisma.empty;
  return Prisma.sql`, min(d.day) FILTER (WHERE fx.rate IS NULL AND d.cost_nanos <> 0 AND ${when})::text AS ${Prisma.raw(alias)}`;
}

/** A 400 naming the first day with spend and no rate on or before it (the words of every conversion: rateOn). */
export function assertRates(code: string | null, rows: readonly { missing_rate_day?: string | null }[]): void {
  if (!code) return;
  const missing = rows.map((r) => r.missing_rate_day).filter((d): d is string => typeof d === "string").sort()[0];
  if (missing) rateOn(rateSeries(code, []), missing);
}
