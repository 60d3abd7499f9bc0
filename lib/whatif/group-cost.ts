/**
 * Scenario cost of one call group under one rule, as exact numerators over PPM^2 (shares are ppm integers; a
 * rate times a batch share needs two factors). The engine sums numerators and rounds once per reported figure.
 *
 * - Rerouted: every call priced on the target at the group's day, tokens after the output factor and caching lever.
 * - Not rerouted: recorded cost + (price with levers - price without), both on the current model, so a rule whose
 *   levers change nothing costs exactly what was recorded, whatever the pricer says about the past.
 * - Batch lever: batchShare of the calls priced with batch = true (groups already in batch stay in batch).
 * - Escalation: + rate x the same calls priced on the escalation model with tokenShare of their tokens (after the
 *   caching lever; the output factor belongs to the target model, not to the escalation model).
 * - Band (low/high): token counts x band on any model other than the one that produced them (the target after a
 *   reroute, the escalation model), the output factor still applied.
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

export type GroupCostOutcome =
  | { ok: true; cost: GroupCost }
  | { ok: false; unpriced: ModelRef; role: "target" | "escalation" | "current" };

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
  constructor(readonly ref: ModelRef, readonly role: "target" | "escalation" | "current") {
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

function compute(x: GroupCostInput): GroupCost {
  const { group: g, levers: l } = x;
  const own: ModelRef = { provider: g.provider, model: g.model };
  const rerouted = l.reroute !== null && !sameRef(l.reroute, own);
  const primaryTokens = withCachedShare(withOutputFactor(x.parts, l.outputFactorPpm), l.cachedShare);
  const esc = l.escalation && x.escalationRatePpm > 0n ? l.escalation : null;
  const escTokens = esc ? scaled(withCachedShare(x.parts, l.cachedShare), esc.tokenSharePpm) : null;
  const escBanded = esc !== null && !sameRef(esc.target, own);

  /** Cost of the group on `ref` with `t` tokens, x PPM; with the batch lever unless `asRecorded`. */
  const split = (ref: ModelRef, t: TokenParts, role: "target" | "escalation" | "current", asRecorded = false): bigint => {
    const tier = ref.provider === g.provider ? (g.serviceTier ?? null) : null;
    const at = (batch: boolean) => {
      const c = priceGroup(x.price, { ...ref, occurredAt: x.occurredAt, batch, serviceTier: tier }, g.calls, t);
      if (c === null) throw new Unpriced(ref, role);
      return c;
    };
    const share = g.batch ? PPM : asRecorded ? 0n : l.batchPpm;
    if (share === PPM) return at(true) * PPM;
    if (share === 0n) return at(false) * PPM;
    return (PPM - share) * at(false) + share * at(true);
  };

  const leversIdle = sameParts(primaryTokens, x.parts) && (g.batch || l.batchPpm === 0n);
  let ownBefore: bigint | null = null;
  const primary = (bandPpm: bigint): bigint => {
    if (rerouted) return split(l.reroute!, scaled(primaryTokens, bandPpm), "target") * PPM;
    if (leversIdle) return x.baseline * DEN;
    ownBefore ??= split(own, x.parts, "current", true);
    return x.baseline * DEN + (split(own, primaryTokens, "current") - ownBefore) * PPM;
  };
  const escalation = (bandPpm: bigint): bigint =>
    esc ? x.escalationRatePpm * split(esc.target, escBanded ? scaled(escTokens!, bandPpm) : escTokens!, "escalation") : 0n;

  const point = primary(PPM) + escalation(PPM);
  if (!rerouted && !escBanded) return { point, low: point, high: point };
  const a = primary(x.band.lowPpm) + escalation(x.band.lowPpm);
  const b = primary(x.band.highPpm) + escalation(x.band.highPpm);
  // Tiered prices could in principle bend the order; the range always contains the point estimate.
  return { point, low: min(point, a, b), high: max(point, a, b) };
}

const min = (...xs: bigint[]) => xs.reduce((a, b) => (b < a ? b : a));
const max = (...xs: bigint[]) => xs.reduce((a, b) => (b > a ? b : a));
