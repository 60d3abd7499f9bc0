import { nanosToUsd } from "@/lib/money";
import { addMeasures, type Measures } from "@/lib/analytics/measures";
import { csvLine } from "./csv";
import { convertNanos, rateOn, type RateSeries } from "@/lib/currency/rates";
import type { UsageRow } from "./usage-rows";

/**
 * The month as CSV: one row per day x team x workload x model, with tokens and cost. Costs keep all nine decimals
 * (nano-dollars) so the column sums to the report's total exactly; spreadsheets round for display.
 */
export const USAGE_CSV_COLUMNS = [
  "day", "team", "team_name", "workload", "workload_name", "provider", "model", "tier", "requests", "input_tokens",
  "cached_input_tokens", "cache_write_tokens", "output_tokens", "reasoning_tokens", "cost_usd", "unpriced_requests",
  // The part of cost_usd that is server-side tool calls (web/file search), not tokens: the non-token line.
  "tool_cost_usd",
  // Empty for ordinary rows; on an adjustment row, the UTC day its calls arrived after the month was exported or
  // closed (lib/reports/close): adjustment rows come last and the cost column still sums to the total.
  "adjustment_added_on",
] as const;

/**
 * With a reporting currency other than USD (`rates`), one more column `cost_<code>` (e.g. cost_eur): the row's cost
 * in it, each roll-up row at its day's rate (the last on or before it) rounded once before the batch split is
 * merged, as spendInCurrency does, so the column sums to the report's total in that currency. The USD columns stay.
 * Adjustment rows (late calls of an exported or closed month) come last, after the ordinary rows.
 */
export function* usageCsv(
  rows: readonly UsageRow[],
  onRow?: (done: number) => void,
  adjustments: readonly (UsageRow & { addedOn: string })[] = [],
  rates?: RateSeries,
): Generator<string> {
  const local = rates && rates.currency !== "USD" ? rates : null;
  yield csvLine(local ? [...USAGE_CSV_COLUMNS, `cost_${local.currency.toLowerCase()}`] : USAGE_CSV_COLUMNS);
  let done = 0;
  const convert = <T extends UsageRow>(list: readonly T[]): readonly T[] =>
    local ? list.map((r) => ({ ...r, localCostNanos: convertNanos(r.costNanos, rateOn(local, r.day)) })) : list;
  const all: (UsageRow & { addedOn?: string })[] = [...mergeBatch(convert(rows)), ...mergeAdjustments(convert(adjustments))];
  for (const r of all) {
    yield csvLine([
      r.day, r.team, r.teamName, r.workload, r.workloadName, r.provider, r.model, r.tier, r.requests, r.inputTokens,
      r.cachedInputTokens, r.cacheWriteTokens, r.outputTokens, r.reasoningTokens, nanosToUsd(r.costNanos), r.unpricedRequests,
      nanosToUsd(r.toolCostNanos ?? 0n), r.addedOn ?? "",
      ...(local ? [nanosToUsd(r.localCostNanos ?? 0n)] : []),
    ]);
    onRow?.(++done);
  }
}

/** Batch and non-batch rows of the same day x team x workload x model summed (rows arrive sorted by that key). */
export function mergeBatch(rows: readonly UsageRow[]): UsageRow[] {
  const out: UsageRow[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.day === r.day && last.team === r.team && last.workload === r.workload && last.provider === r.provider && last.model === r.model) {
      addMeasures(last as Measures, { unpricedEvents: 0, uncountedEvents: 0, uncountedCostNanos: 0n, ...r });
      last.toolCostNanos = (last.toolCostNanos ?? 0n) + (r.toolCostNanos ?? 0n);
    } else {
      out.push({ unpricedEvents: 0, uncountedEvents: 0, uncountedCostNanos: 0n, ...r, batch: false });
    }
  }
  return out;
}

/** Adjustment rows merged like the ordinary ones, per day they arrived too. */
function mergeAdjustments(rows: readonly (UsageRow & { addedOn: string })[]): (UsageRow & { addedOn: string })[] {
  const byDay = new Map<string, (UsageRow & { addedOn: string })[]>();
  for (const r of rows) byDay.set(r.addedOn, [...(byDay.get(r.addedOn) ?? []), r]);
  return [...byDay].sort(([a], [b]) => a.localeCompare(b)).flatMap(([addedOn, rs]) => mergeBatch(rs).map((r) => ({ ...r, addedOn })));
}
