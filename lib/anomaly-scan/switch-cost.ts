/**
 * What a model switch has cost so far: lib/anomaly finds the day a workload's traffic moved to a pricier model, and
 * sizes it by that first day only (a switch made on a quiet Saturday looks tiny). The size finance needs is the
 * extra spend since the switch: each day's traffic on the new model(s) against what the same tokens cost on the
 * previous model. Pure; exact in nano-dollars (one rounding per day).
 */
import { divRound } from "@/lib/forecast/bigint-stats";
import { addDays, eachDay } from "@/lib/forecast/utc-days";
import type { ModelDaySpend } from "@/lib/anomaly";

export interface SwitchCost {
  previousModel: string;
  previousTier: string | null;
  newModel: string;
  newTier: string | null;
  /** Days from the switch to `end`, inclusive. */
  days: number;
  /** Spend of the scope since the switch. */
  spendNanos: bigint;
  /** What the new models' traffic since the switch would have cost at the previous model's price per token. */
  wouldHaveCostNanos: bigint;
  /** spendNanos - wouldHaveCostNanos. */
  extraNanos: bigint;
}

export function switchCost(rows: readonly ModelDaySpend[], switchDay: string, end: string, lookbackDays = 7): SwitchCost | null {
  const before = rows.filter((r) => r.day >= addDays(switchDay, -lookbackDays) && r.day < switchDay);
  const previous = topBy(before, (r) => r.tokens ?? 0);
  const onSwitchDay = topBy(rows.filter((r) => r.day === switchDay), (r) => r.tokens ?? 0);
  if (!previous || !onSwitchDay || end < switchDay) return null;
  if (previous.tokens === 0) return null;

  let spend = 0n;
  let wouldHave = 0n;
  const daysSince = new Set(eachDay(switchDay, end));
  for (const r of rows) {
    if (!daysSince.has(r.day)) continue;
    spend += r.costNanos;
    const key = `${r.provider}/${r.model}`;
    // Traffic that stayed on the previous model cost what it cost; the rest is repriced at the previous price.
    wouldHave += key === previous.key ? r.costNanos : divRound(BigInt(r.tokens ?? 0) * previous.cost, BigInt(previous.tokens));
  }
  return {
    previousModel: previous.model,
    previousTier: previous.tier,
    newModel: onSwitchDay.model,
    newTier: onSwitchDay.tier,
    days: daysSince.size,
    spendNanos: spend,
    wouldHaveCostNanos: wouldHave,
    extraNanos: spend - wouldHave,
  };
}

interface ModelTotal {
  key: string;
  model: string;
  tier: string | null;
  cost: bigint;
  tokens: number;
}

/** The model with the largest total of `weight` over the rows, with its cost and tokens. */
function topBy(rows: readonly ModelDaySpend[], weight: (r: ModelDaySpend) => number): ModelTotal | null {
  const totals = new Map<string, ModelTotal & { weight: number }>();
  for (const r of rows) {
    const key = `${r.provider}/${r.model}`;
    const t = totals.get(key) ?? { key, model: r.model, tier: r.tier, cost: 0n, tokens: 0, weight: 0 };
    t.cost += r.costNanos;
    t.tokens += r.tokens ?? 0;
    t.weight += weight(r);
    totals.set(key, t);
  }
  let best: (ModelTotal & { weight: number }) | null = null;
  for (const t of totals.values()) if (!best || t.weight > best.weight) best = t;
  return best;
}
