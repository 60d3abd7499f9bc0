/**
 * Scenario cost of one call group under one rule, as exact numerators over PPM^2 (shares are ppm integers; a
 * rate times a batch share needs two factors). The engine sums numerators and rounds once per reported figure.
 *
 * - Rerouted: every call priced on the target at the group's day, tokens after the output factor and caching lever,
 *   plus the group's recorded server-side tool charges (toolCostNanos): the same searches are made on the target.
 * - Not rerouted: recorded cost + (price with levers - price without), both on the current model, so a rule whose
 *   levers change nothing costs exactly what was recorded, whatever the pricer says about the past.
 * - Batch lever: batchShare of the calls priced with batch = true (groups already in batch stay in batch).
 * - Escalation: + rate x the same calls priced on the escalation model with tokenShare of their tokens (after the
 *   caching lever; the output factor belongs to the target model, not to the escalation model).
 * - Band (low/high): token counts x band on any model other than the one that produced them (the target after a
 *   reroute, the escalation model), the output factor still applied.
 * Written as plain top-level functions (no per-group closures): this runs once per group of a 30-day window.
 */
import { PPM } from "./ratio";
import { sameRef, type Band, type Levers } from "./levers";
import { priceGroup } from "./price-group";
import { sameParts, scaled, withCachedShare, withOutputFactor, type TokenParts } from "./tokens";
import type { CallGroup, ModelRef, PriceFn } from "./types";

export interface GroupCost {
  point: bigint;
  low: bigint;
  high: bigint;
}

type Role = "target" | "escalation" | "current";

export type GroupCostOutcome = { ok: true; cost: GroupCost } | { ok: false; unpriced: ModelRef; role: Role };

export const DEN = PPM * PPM;

export interface GroupCostInput {
  group: CallGroup;
  parts: TokenParts;
  baseline: bigint;
  levers: Levers;
  /** Escalation rate for this group (rate mode: the rule's; replay: the workload's), ppm. */
  escalationRatePpm: bigint;
  band: Band;
  price: PriceFn;
  occurredAt: Date;
}

class Unpriced extends Error {
  constructor(
    readonly ref: ModelRef,
    readonly role: Role,
  ) {
    super("unpriced");
  }
}

export function costGroup(input: GroupCostInput): GroupCostOutcome {
  try {
    return { ok: true, cost: compute(input) };
  } catch (e) {
    if (e instanceof Unpriced) return { ok: false, unpriced: e.ref, role: e.role };
    throw e;
  }
}

interface Plan {
  rerouted: boolean;
  primaryTokens: TokenParts;
  /** Primary cost at the point estimate (x DEN). */
  primaryPoint: bigint;
  escalation: Levers["escalation"];
  escTokens: TokenParts | null;
  escBanded: boolean;
}

function compute(x: GroupCostInput): GroupCost {
  const g = x.group;
  const l = x.levers;
  const own: ModelRef = { provider: g.provider, model: g.model };
  const rerouted = l.reroute !== null && !sameRef(l.reroute, own);
  const primaryTokens = withCachedShare(withOutputFactor(x.parts, l.outputFactorPpm), l.cachedShare);
  const esc = l.escalation !== null && x.escalationRatePpm > 0n ? l.escalation : null;

  let primaryPoint: bigint;
  if (rerouted) {
    primaryPoint = split(x, l.reroute!, primaryTokens, "target", false) * PPM + toolCost(x);
  } else if (sameParts(primaryTokens, x.parts) && (g.batch === true || l.batchPpm === 0n)) {
    primaryPoint = x.baseline * DEN; // the levers change nothing for this group
  } else {
    const before = split(x, own, x.parts, "current", true);
    primaryPoint = x.baseline * DEN + (split(x, own, primaryTokens, "current", false) - before) * PPM;
  }
  const plan: Plan = {
    rerouted,
    primaryTokens,
    primaryPoint,
    escalation: esc,
    escTokens: esc === null ? null : scaled(withCachedShare(x.parts, l.cachedShare), esc.tokenSharePpm),
    escBanded: esc !== null && !sameRef(esc.target, own),
  };
  const point = primaryPoint + escalationCost(x, plan, PPM);
  if (!rerouted && !plan.escBanded) return { point, low: point, high: point };
  const a = bandedCost(x, plan, x.band.lowPpm);
  const b = bandedCost(x, plan, x.band.highPpm);
  // Tiered prices could in principle bend the order; the range always contains the point estimate.
  return { point, low: min3(point, a, b), high: max3(point, a, b) };
}

/** Primary + escalation cost with token counts on other models x band (x DEN). */
function bandedCost(x: GroupCostInput, p: Plan, bandPpm: bigint): bigint {
  const primary = p.rerouted ? split(x, x.levers.reroute!, scaled(p.primaryTokens, bandPpm), "target", false) * PPM + toolCost(x) : p.primaryPoint;
  return primary + escalationCost(x, p, bandPpm);
}

/** The group's recorded tool charges (x DEN), carried over unchanged by a reroute. */
function toolCost(x: GroupCostInput): bigint {
  return (x.group.toolCostNanos ?? 0n) * DEN;
}

/** rate x the calls on the escalation model with tokenShare of their tokens (x DEN). */
function escalationCost(x: GroupCostInput, p: Plan, bandPpm: bigint): bigint {
  if (p.escalation === null) return 0n;
  const tokens = p.escBanded ? scaled(p.escTokens!, bandPpm) : p.escTokens!;
  return x.escalationRatePpm * split(x, p.escalation.target, tokens, "escalation", false);
}

/** Cost of the group on `ref` with `t` tokens, x PPM; batch lever applied unless `asRecorded`. */
function split(x: GroupCostInput, ref: ModelRef, t: TokenParts, role: Role, asRecorded: boolean): bigint {
  const share = x.group.batch === true ? PPM : asRecorded ? 0n : x.levers.batchPpm;
  if (share === PPM) return priceOrThrow(x, ref, t, role, true) * PPM;
  if (share === 0n) return priceOrThrow(x, ref, t, role, false) * PPM;
  return (PPM - share) * priceOrThrow(x, ref, t, role, false) + share * priceOrThrow(x, ref, t, role, true);
}

function priceOrThrow(x: GroupCostInput, ref: ModelRef, t: TokenParts, role: Role, batch: boolean): bigint {
  // A service tier (flex, priority...) is a provider's own notion: it only carries over within the provider.
  const serviceTier = ref.provider === x.group.provider ? (x.group.serviceTier ?? null) : null;
  const target = { provider: ref.provider, model: ref.model, occurredAt: x.occurredAt, batch, serviceTier, tierInputTokens: x.group.tierInputTokens };
  const c = priceGroup(x.price, target, x.group.calls, t);
  if (c === null) throw new Unpriced(ref, role);
  return c;
}

function min3(a: bigint, b: bigint, c: bigint): bigint {
  const m = a < b ? a : b;
  return m < c ? m : c;
}

function max3(a: bigint, b: bigint, c: bigint): bigint {
  const m = a > b ? a : b;
  return m > c ? m : c;
}
