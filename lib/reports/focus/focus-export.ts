import "server-only";
import { pool } from "@/lib/db/pool";
import type { Principal } from "@/lib/auth/principal";
import { createPricer, type CallRates, type Pricer } from "@/lib/pricing";
import { loadPriceOverrides } from "@/lib/pricing/overrides-store";
import { csvLine } from "../csv";
import { chargeMeters, toolMeters } from "./charge-meters";
import { focusColumnNames, type FocusVersion } from "./focus-columns";
import { focusRecords, type FocusUsageRow } from "./focus-record";
import { focusUsageRows, type ShapeUsageRow } from "./focus-usage-rows";
import { loadRateSeries, reportingCurrency } from "@/lib/currency/rates-store";
import { rateOn } from "@/lib/currency/rates";

/** The pricers FOCUS needs: ours (the organisation's price overrides first) and the public catalogue's. */
export interface FocusPricers {
  contracted: Pricer;
  list: Pricer;
}

export async function focusPricers(): Promise<FocusPricers> {
  return { contracted: createPricer(await loadPriceOverrides(pool())), list: createPricer([]) };
}

/**
 * FOCUS CSV of a month (`version` 1.3 by default, 1.2 on request): the header, then each usage row's charges, in
 * the reporting currency (BillingCurrency; each day at its exchange rate) with the USD prices as PricingCurrency.
 * Unit prices come from the same pricer match as our costs (override or catalogue, dated aliases, batch/flex
 * discount) at the row's input size, so long-context calls show the long-context price.
 */
export async function focusCsv(
  principal: Pick<Principal, "teamIds">,
  m: { month: string; from: string; to: string },
  version: FocusVersion,
  onRow?: (done: number, total: number) => void,
): Promise<string[]> {
  const currency = await reportingCurrency();
  const [rows, pricers, series] = await Promise.all([focusUsageRows(principal, m.from, m.to), focusPricers(), loadRateSeries(currency, m.to)]);
  const names = focusColumnNames(version);
  const lines = [csvLine(names)];
  const ctx = { version, month: m.month, billingCurrency: currency };
  rows.forEach((row, i) => {
    const { usage, meters } = priceRow(row, pricers);
    for (const record of focusRecords(usage, meters, ctx, rateOn(series, row.day))) lines.push(csvLine(names.map((n) => record[n] ?? null)));
    onRow?.(i + 1, rows.length);
  });
  return lines;
}

/** A shape row -> the FOCUS row and its meters, with the rates of its tier. */
export function priceRow(row: ShapeUsageRow, p: FocusPricers): { usage: FocusUsageRow; meters: ReturnType<typeof chargeMeters> } {
  const calls = row.requests > 0 ? row.requests : Math.max(1, row.events);
  const call = (inputTokens: number) => ({
    provider: row.provider,
    model: row.model,
    occurredAt: new Date(`${row.day}T12:00:00Z`),
    inputTokens,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    outputTokens: 0,
    batch: row.batch,
    serviceTier: row.serviceTier || null,
  });
  const perCall = Math.round(row.inputTokens / calls);
  // Unpriced calls were billed $0: no rates, whatever the catalogue says today.
  const contracted: CallRates | null = row.priced ? p.contracted.rates(call(perCall)) : null;
  const list = row.priced ? p.list.rates(call(perCall)) : null;
  const base = contracted ? p.contracted.rates(call(1)) : null;
  const meters = chargeMeters({ ...row, requests: row.requests }, contracted, list);
  // Server-side tool calls: non-token charges at the dated tool rates of the row's day (list: the catalogue's).
  if (row.toolCostNanos !== 0n) meters.push(...toolMeters({ webSearches: row.webSearches, fileSearches: row.fileSearches, costNanos: row.toolCostNanos }, p.contracted.toolRates(call(perCall)), p.list.toolRates(call(perCall))));
  return {
    usage: {
      day: row.day,
      team: row.team,
      teamName: row.teamName,
      workload: row.workload,
      workloadName: row.workloadName,
      provider: row.provider,
      model: row.model,
      tier: row.tier,
      batch: row.batch,
      serviceTier: row.serviceTier,
      requests: row.requests,
      unpricedRequests: row.priced ? 0 : row.requests,
      costNanos: row.costNanos,
      toolCostNanos: row.toolCostNanos,
      priceSource: contracted?.priceSource ?? 0,
      longContext: !!(contracted && base && contracted.bill.input !== base.bill.input),
    },
    meters,
  };
}
