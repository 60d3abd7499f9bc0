/**
 * Whether a model switch lib/anomaly found is real, and what it has cost so far.
 *
 * lib/anomaly flags the day the dominant model of a workload changes to a pricier one and sizes it by that first
 * day only. Two gaps for a finance report: a workload that mixes two models every day flips "dominant" back and
 * forth (not a switch), and a switch made on a quiet Saturday looks tiny. So a switch counts here only when the
 * new model carried little of the traffic the week before and most of it from the switch on, and its size is the
 * extra spend since: the new model's tokens at its own cost against the same tokens at the previous model's price.
 * Pure; exact in nano-dollars (one rounding).
 */
import { divRound } from "@/lib/forecast/bigint-stats";
import { addDays } from "@/lib/forecast/utc-days";
import type { ModelDaySpend } from "@/lib/anomaly";

export interface SwitchCost {
  /** "provider/model" of the model before and after the switch. */
  previousKey: string;
  newKey: string;
  previousModel: string;
  previousTier: string | null;
  newModel: string;
  newTier: string | null;
  /** Days from the switch to `end`, inclusive. */
  days: number;
  /** Spend of the new model since the switch. */
  spendNanos: bigint;
  /** What the same tokens would have cost at the previous model's price per token. */
  wouldHaveCostNanos: bigint;
  /** spendNanos - wouldHaveCostNanos. */
  extraNanos: bigint;
}

export interface SwitchOptions {
  lookbackDays?: number;
  /** The new model's share of tokens in the lookback, at most (default 25%). */
  maxShareBefore?: number;
  /** Its share from the switch day over the confirmation window, at least (default 60%). */
  minShareAfter?: number;
  confirmDays?: number;
}

export function switchCost(rows: readonly ModelDaySpend[], switchDay: string, end: string, o: SwitchOptions = {}): SwitchCost | null {
  const lookback = o.lookbackDays ?? 7;
  if (end < switchDay) return null;
  const before = rows.filter((r) => r.day >= addDays(switchDay, -lookback) && r.day < switchDay);
  const confirmEnd = minDay(addDays(switchDay, (o.confirmDays ?? 7) - 1), end);
  const after = rows.filter((r) => r.day >= switchDay && r.day <= confirmEnd);
  const previous = top(before);
  const next = top(rows.filter((r) => r.day === switchDay));
  if (!previous || !next || previous.key === next.key || previous.tokens === 0) return null;
  if (tokenShare(before, next.key) > (o.maxShareBefore ?? 0.25)) return null;
  if (tokenShare(after, next.key) < (o.minShareAfter ?? 0.6)) return null;

  let spend = 0n;
  let tokens = 0n;
  for (const r of rows) {
    if (r.day < switchDay || r.day > end || keyOf(r) !== next.key) continue;
    spend += r.costNanos;
    tokens += BigInt(r.tokens ?? 0);
  }
  const wouldHave = divRound(tokens * previous.cost, BigInt(previous.tokens));
  return {
    previousKey: previous.key,
    newKey: next.key,
    previousModel: previous.model,
    previousTier: previous.tier,
    newModel: next.model,
    newTier: next.tier,
    days: Math.round((Date.parse(end) - Date.parse(switchDay)) / 86_400_000) + 1,
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

export function keyOf(r: ModelDaySpend): string {
  return `${r.provider}/${r.model}`;
}

/** The model with the most tokens over the rows, with its cost and tokens. */
function top(rows: readonly ModelDaySpend[]): ModelTotal | null {
  const totals = new Map<string, ModelTotal>();
  for (const r of rows) {
    const t = totals.get(keyOf(r)) ?? { key: keyOf(r), model: r.model, tier: r.tier, cost: 0n, tokens: 0 };
    t.cost += r.costNanos;
    t.tokens += r.tokens ?? 0;
    totals.set(t.key, t);
  }
  let best: ModelTotal | null = null;
  for (const t of totals.values()) if (!best || t.tokens > best.tokens) best = t;
  return best;
}

function tokenShare(rows: readonly ModelDaySpend[], key: string): number {
  let all = 0;
  let mine = 0;
  for (const r of rows) {
    all += r.tokens ?? 0;
    if (keyOf(r) === key) mine += r.tokens ?? 0;
  }
  return all === 0 ? 0 : mine / all;
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}
