import { nanosToUsd } from "@/lib/money";
import { costPer, share, type Measures } from "./measures";
import type { BreakdownAggregate } from "./breakdown";
import type { BreakdownRow, CurrencyOut, MeasuresOut } from "./breakdown-query";

/** The sums alone, cost as a decimal string in USD (the first fields of MeasuresOut, in its order). */
export function sumsOut(m: Measures) {
  return {
    costUsd: nanosToUsd(m.costNanos),
    requests: m.requests,
    inputTokens: m.inputTokens,
    cachedInputTokens: m.cachedInputTokens,
    cacheWriteTokens: m.cacheWriteTokens,
    outputTokens: m.outputTokens,
    reasoningTokens: m.reasoningTokens,
    unpricedRequests: m.unpricedRequests,
    unpricedEvents: m.unpricedEvents,
    uncountedEvents: m.uncountedEvents,
  };
}

/** Measures -> API shape: money as decimal strings, ratios as fractions. */
export function measuresOut(m: Measures): MeasuresOut {
  // Per call: only rows that say how many calls they are (a usage-report bucket without a count is left out).
  const perCall = costPer(m.costNanos - m.uncountedCostNanos, m.requests, 1000);
  const perMtok = costPer(m.costNanos, m.inputTokens + m.outputTokens, 1_000_000);
  return {
    ...sumsOut(m),
    costPer1kCallsUsd: perCall === null ? null : nanosToUsd(perCall),
    pricePerMtokUsd: perMtok === null ? null : nanosToUsd(perMtok),
    cacheHitShare: share(m.cachedInputTokens, m.inputTokens),
    ...(m.localCostNanos !== undefined ? { cost: nanosToUsd(m.localCostNanos) } : {}),
  };
}

/** The response's currency block (breakdown-query.ts CurrencyOutSchema). */
export function currencyOut(code: string): CurrencyOut {
  return {
    code,
    note: code === "USD" ? "amounts in USD" : `cost and previousCost in ${code}: each day's spend at that day's rate (the last on or before it); *Usd fields stay USD`,
  };
}

function dominantTier(tierCost: Record<string, bigint>): string | null {
  let best: string | null = null;
  for (const [tier, cost] of Object.entries(tierCost)) if (best === null || cost > tierCost[best]) best = tier;
  return best;
}

export function breakdownRowOut(a: BreakdownAggregate, totalCost: bigint): BreakdownRow {
  const tierCostUsd = Object.fromEntries(Object.entries(a.tierCost).map(([t, c]) => [t, nanosToUsd(c)]));
  return {
    key: a.key,
    label: a.label,
    ...measuresOut(a.cur),
    previousCostUsd: nanosToUsd(a.prev.costNanos),
    ...(a.prev.localCostNanos !== undefined ? { previousCost: nanosToUsd(a.prev.localCostNanos) } : {}),
    changeShare: a.prev.costNanos === 0n ? null : share(a.cur.costNanos - a.prev.costNanos, a.prev.costNanos),
    spendShare: share(a.cur.costNanos, totalCost),
    frontierSpendShare: share(a.tierCost.frontier ?? 0n, a.cur.costNanos),
    frontierCallShare: share(a.tierRequests.frontier ?? 0, a.cur.requests),
    tierCostUsd,
    team: a.owner,
    provider: a.provider,
    tier: a.tier ?? dominantTier(a.tierCost),
    tierSource: a.tierSource,
    modelId: a.modelId,
    topModel: a.topModel ? { key: a.topModel.key, label: a.topModel.label, tier: a.topModel.tier, share: share(a.topModel.costNanos, a.cur.costNanos) } : null,
    models: a.models,
    workloads: a.workloads,
    teams: a.teams,
  };
}
