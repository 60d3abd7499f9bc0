/**
 * Monthly cost of each workload's own traffic on candidate models: the input recommendations need. One pass over the
 * call groups; each group keeps its tokens and batch flag (no levers), priced like the engine prices a reroute
 * (price-group.ts), scaled to a month as in projection.ts. Groups without a recorded cost are skipped so the current
 * and candidate costs cover the same calls.
 */
import { dayStart, daysInclusive } from "@/lib/forecast/utc-days";
import { priceGroup, type PriceTarget } from "./price-group";
import { monthlyFromWindow } from "./projection";
import { partsOf } from "./tokens";
import type { CallGroup, ModelRef, PriceFn } from "./types";

export interface WorkloadCosts {
  /** Recorded cost of the window, per month. */
  currentMonthlyNanos: bigint;
  /** "provider/model" -> monthly cost on that candidate, null when it has no price. */
  candidates: Map<string, bigint | null>;
}

export function repriceByWorkload(args: {
  groups: Iterable<CallGroup>;
  from: string;
  to: string;
  candidates: readonly ModelRef[];
  price: PriceFn;
}): Map<string, WorkloadCosts> {
  const days = daysInclusive(args.from, args.to);
  // This loop runs groups x candidates times (~20,000 per request on 10M calls): keys, day starts and sums are
  // indexed once outside it, and the price target is a plain literal (an object spread costs microseconds in V8).
  const candidates = args.candidates;
  const keys: string[] = [];
  const slotOf: number[] = [];
  for (const c of candidates) {
    const key = `${c.provider}/${c.model}`;
    const at = keys.indexOf(key);
    slotOf.push(at >= 0 ? at : keys.push(key) - 1);
  }
  const dayStarts = new Map<string, Date>();
  // Per workload: recorded cost, and per candidate key the sum so far (undefined: none yet, null: no price).
  const sums = new Map<string, { current: bigint; byCandidate: (bigint | null | undefined)[] }>();
  for (const g of args.groups) {
    if (g.workloadSlug === null || g.baselineCostNanos === null || g.day < args.from || g.day > args.to) continue;
    let s = sums.get(g.workloadSlug);
    if (!s) sums.set(g.workloadSlug, (s = { current: 0n, byCandidate: new Array<bigint | null | undefined>(keys.length).fill(undefined) }));
    s.current += g.baselineCostNanos;
    const parts = partsOf(g);
    let occurredAt = g.occurredAt;
    if (!occurredAt) {
      occurredAt = dayStarts.get(g.day);
      if (!occurredAt) dayStarts.set(g.day, (occurredAt = dayStart(g.day)));
    }
    const batch = g.batch ?? false;
    // The group's server-side tool charges (web/file search) stay: the candidate makes the same searches.
    const tools = g.toolCostNanos ?? 0n;
    for (let i = 0; i < candidates.length; i++) {
      const slot = slotOf[i];
      const sofar = s.byCandidate[slot];
      if (sofar === null) continue;
      const c = candidates[i];
      const serviceTier = c.provider === g.provider ? (g.serviceTier ?? null) : null;
      const target: PriceTarget = { provider: c.provider, model: c.model, occurredAt, batch, serviceTier, tierInputTokens: g.tierInputTokens };
      const cost = priceGroup(args.price, target, g.calls, parts);
      s.byCandidate[slot] = cost === null ? null : (sofar ?? 0n) + cost + tools;
    }
  }
  const out = new Map<string, WorkloadCosts>();
  for (const [w, s] of sums) {
    const byKey = new Map<string, bigint | null>();
    for (let k = 0; k < keys.length; k++) {
      const v = s.byCandidate[k];
      if (v !== undefined) byKey.set(keys[k], v === null ? null : monthlyFromWindow(v, 1n, days));
    }
    out.set(w, { currentMonthlyNanos: monthlyFromWindow(s.current, 1n, days), candidates: byKey });
  }
  return out;
}
