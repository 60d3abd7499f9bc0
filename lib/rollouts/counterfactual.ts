/**
 * Realised savings of a rollout, per day: the actual (recorded) cost of the workloads' calls from the change on,
 * against a counterfactual: the same calls re-priced on the model mix each workload had in the 14 days before the
 * change. Volume growth therefore shows up in both (it is not mistaken for savings), and each call is priced at
 * its own day's prices on either side (a price change is not mistaken for the rollout either).
 *
 * Mix: workload w had n_w(m) calls on model m before the change, N_w in all. A group of c calls after the change
 * costs, in the counterfactual, sum over m of n_w(m) / N_w x (the group priced on m): the group's own tokens, batch
 * flag and (same provider only) service tier, priced as copies of its average call (lib/whatif/price-group.ts).
 * Exact: numerators are summed per workload and day and divided (half-up) once per workload-day.
 * Pure; lib/rollouts/server loads groups, mixes and prices.
 */
import { dayStart } from "@/lib/forecast/utc-days";
import { priceGroup } from "@/lib/whatif/price-group";
import { partsOf } from "@/lib/whatif/tokens";
import type { CallGroup, ModelRef, PriceFn } from "@/lib/whatif/types";

export interface ModelCalls extends ModelRef {
  calls: number;
}

export interface CounterfactualDay {
  day: string;
  calls: number;
  actualNanos: bigint;
  counterfactualNanos: bigint;
}

export interface CounterfactualResult {
  days: CounterfactualDay[];
  /** After-change groups left out of both sides: recorded without a price. */
  unpricedCalls: number;
  /** Workloads with no calls before the change: their calls count at their actual cost on both sides. */
  withoutHistory: string[];
  /** Models of a before-mix without a price on some day: left out of that day's mix (the rest re-weighted). */
  unpricedMixModels: string[];
}

/**
 * `groups`: the rollout workloads' calls from the change on (any order; days outside `days` are ignored).
 * `mixes`: per workload slug, its calls per model in the 14 days before the change.
 */
export function counterfactual(input: {
  days: readonly string[];
  groups: Iterable<CallGroup>;
  mixes: ReadonlyMap<string, readonly ModelCalls[]>;
  price: PriceFn;
}): CounterfactualResult {
  const index = new Map(input.days.map((d, i) => [d, i]));
  const out: CounterfactualDay[] = input.days.map((day) => ({ day, calls: 0, actualNanos: 0n, counterfactualNanos: 0n }));
  // numerator and denominator per (day, workload): the mix share is n/N, summed as n x price, divided once.
  const pending = new Map<string, { day: number; num: bigint; den: bigint }>();
  const withoutHistory = new Set<string>();
  const unpricedMix = new Set<string>();
  let unpricedCalls = 0;
  for (const g of input.groups) {
    const i = index.get(g.day);
    if (i === undefined) continue;
    if (g.baselineCostNanos === null) {
      unpricedCalls += g.calls;
      continue;
    }
    out[i].calls += g.calls;
    out[i].actualNanos += g.baselineCostNanos;
    const mix = (g.workloadSlug && input.mixes.get(g.workloadSlug)) || [];
    const at = dayStart(g.day);
    let num = 0n;
    let den = 0n;
    for (const m of mix) {
      if (m.calls <= 0) continue;
      const sameProvider = m.provider === g.provider;
      const cost = priceGroup(input.price, { provider: m.provider, model: m.model, occurredAt: at, batch: g.batch ?? false, serviceTier: sameProvider ? (g.serviceTier ?? null) : null }, g.calls, partsOf(g));
      if (cost === null) {
        unpricedMix.add(`${m.provider}/${m.model}`);
        continue;
      }
      num += BigInt(m.calls) * cost;
      den += BigInt(m.calls);
    }
    if (den === 0n) {
      withoutHistory.add(g.workloadSlug ?? "(unattributed)");
      out[i].counterfactualNanos += g.baselineCostNanos;
      continue;
    }
    // Each group's mix can differ only by the unpriced models left out; keep groups with the same denominator together.
    const key = `${i}|${g.workloadSlug}|${den}`;
    const p = pending.get(key) ?? { day: i, num: 0n, den };
    p.num += num;
    pending.set(key, p);
    // Tool charges (web/file search) are per call, whichever model answers: the counterfactual keeps them as recorded.
    out[i].counterfactualNanos += g.toolCostNanos ?? 0n;
  }
  for (const p of pending.values()) out[p.day].counterfactualNanos += (2n * p.num + p.den) / (2n * p.den);
  return { days: out, unpricedCalls, withoutHistory: [...withoutHistory].sort(), unpricedMixModels: [...unpricedMix].sort() };
}
