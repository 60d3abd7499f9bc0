/**
 * Monthly cost of each workload's own traffic on candidate models: the input recommendations need. One pass over the
 * call groups; each group keeps its tokens and batch flag (no levers), priced like the engine prices a reroute
 * (price-group.ts), scaled to a month as in projection.ts. Groups without a recorded cost are skipped so the current
 * and candidate costs cover the same calls.
 */
import { dayStart, daysInclusive } from "@/lib/forecast/utc-days";
import { priceGroup } from "./price-group";
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
  const sums = new Map<string, { current: bigint; byCandidate: Map<string, bigint | null> }>();
  for (const g of args.groups) {
    if (g.workloadSlug === null || g.baselineCostNanos === null || g.day < args.from || g.day > args.to) continue;
    let s = sums.get(g.workloadSlug);
    if (!s) sums.set(g.workloadSlug, (s = { current: 0n, byCandidate: new Map() }));
    s.current += g.baselineCostNanos;
    const parts = partsOf(g);
    const occurredAt = g.occurredAt ?? dayStart(g.day);
    for (const c of args.candidates) {
      const key = `${c.provider}/${c.model}`;
      const sofar = s.byCandidate.get(key);
      if (sofar === null) continue;
      const serviceTier = c.provider === g.provider ? (g.serviceTier ?? null) : null;
      const cost = priceGroup(args.price, { ...c, occurredAt, batch: g.batch ?? false, serviceTier, tierInputTokens: g.tierInputTokens }, g.calls, parts);
      // The group's server-side tool charges (web/file search) stay: the candidate makes the same searches.
      s.byCandidate.set(key, cost === null ? null : (sofar ?? 0n) + cost + (g.toolCostNanos ?? 0n));
    }
  }
  const out = new Map<string, WorkloadCosts>();
  for (const [w, s] of sums) {
    const candidates = new Map<string, bigint | null>();
    for (const [k, v] of s.byCandidate) candidates.set(k, v === null ? null : monthlyFromWindow(v, 1n, days));
    out.set(w, { currentMonthlyNanos: monthlyFromWindow(s.current, 1n, days), candidates });
  }
  return out;
}
