import { nanosToUsd } from "@/lib/money";
import { share } from "@/lib/analytics/measures";
import type { BreakdownAggregate } from "@/lib/analytics/breakdown";
import type { ReportRow } from "./report-schema";

/** One breakdown group (team, workload, model, tier, provider) as a report row, its share of the month's total. */
export function reportRow(g: BreakdownAggregate, totalNanos: bigint, detail: string | null = null): ReportRow {
  return {
    key: g.key,
    label: g.label,
    costUsd: nanosToUsd(g.cur.costNanos),
    share: share(g.cur.costNanos, totalNanos),
    previousCostUsd: nanosToUsd(g.prev.costNanos),
    changeShare: g.prev.costNanos === 0n ? null : share(g.cur.costNanos - g.prev.costNanos, g.prev.costNanos),
    requests: g.cur.requests,
    tokens: g.cur.inputTokens + g.cur.outputTokens,
    unpricedRequests: g.cur.unpricedRequests,
    detail,
    ...(g.cur.localCostNanos !== undefined
      ? { cost: nanosToUsd(g.cur.localCostNanos), previousCost: g.prev.localCostNanos === undefined ? null : nanosToUsd(g.prev.localCostNanos) }
      : {}),
  };
}

/** Rows with anything this month or last month; nothing at all is noise in a report. */
export function hasActivity(g: BreakdownAggregate): boolean {
  return g.cur.requests > 0 || g.cur.costNanos !== 0n || g.prev.costNanos !== 0n;
}
