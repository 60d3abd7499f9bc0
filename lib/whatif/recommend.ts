/**
 * Rightsizing decisions: per workload ONE decision (`decide`) that the recommendations, the over-specified list and
 * the 80/20 preset all read, so they cannot disagree. Evidence comes first:
 * - eval pass rates for cheaper candidates (the linked eval set), each with its 95% Wilson interval (wilson.ts):
 *   the cheapest candidate whose LOWER bound meets the floor is recommended with confidence "high" (proven: the
 *   80/20 preset moves it); failing that, the cheapest whose measured rate meets the floor, confidence "medium"
 *   (unproven: the eval is too small to be sure). If no cheaper tested candidate's rate meets it: no recommendation.
 * - no eval result for any cheaper candidate: task-class guidance for routine classes only (classification and
 *   extraction -> small tier, summaries/replies/drafts -> mid tier), same provider preferred; confidence "low",
 *   unproven ("run an eval").
 * A recent model switch (`modelSwitch`, found by lib/recommendations/model-switch.ts): the model before it is a
 * candidate like any other, priced on the traffic since the switch; when it met the floor on the eval evidence and
 * is the cheapest that does, the recommendation is "revert to <previous model>" (`revert`). `Decision.revert` says
 * for every switched workload whether going back qualifies, and why not.
 * Over-specified = there is a recommendation AND (it rests on eval evidence, or a routine class runs on the
 * frontier tier). Candidate monthly costs come from re-pricing the workload's own traffic (see reprice.ts).
 */
import { guidanceTier, isRoutineClass, tierRank, type ModelTier } from "@/lib/classify/task-class";
import { evalLabel, evalModelFor } from "./eval-models";
import { sameModel } from "./replay";
import type { ModelRef } from "./types";
import { wilsonInterval, type PassInterval } from "./wilson";

export type Confidence = "high" | "medium" | "low";
/** What a recommendation rests on: eval results, or the task class alone. */
export type EvidenceBasis = "eval" | "classification";

export interface CandidateModel extends ModelRef {
  tier: ModelTier | null;
  /** This workload's traffic priced on the candidate, per month; null when the candidate has no price. */
  monthlyCostNanos: bigint | null;
}

export interface EvalEvidence {
  evalSet: string;
  /** Results per EVAL model name, as in the eval set: tasks passed out of tasks run. */
  passRates: { model: string; passes: number; tasks: number }[];
  /** The link's mapping: "provider/model" -> eval model standing for it (see eval-models.ts). */
  standIns?: ReadonlyMap<string, string>;
}

/** The workload moved to its current model recently: from `previous`, on UTC day `on`. */
export interface ModelSwitch {
  previous: ModelRef;
  on: string;
}

/** Going back to the model before a recent switch, assessed like any candidate. */
export interface RevertCandidate {
  to: ModelRef;
  switchedOn: string;
  /** This traffic on the previous model, per month; null when it has no price. */
  monthlyCostNanos: bigint | null;
  /** The previous model's eval pass rate with its 95% interval; null without an eval result for it. */
  interval: PassInterval | null;
  /** Its measured pass rate meets the floor (the lower bound decides confidence, as for any candidate). */
  metFloor: boolean;
  /** Why it is (or is not) a candidate, in words. */
  note: string;
}

export interface RecommendInput {
  workload: string;
  team?: string | null;
  taskClass: string | null;
  qualityFloor: number;
  currentModel: ModelRef & { tier: string | null };
  monthlyCostNanos: bigint;
  candidates: readonly CandidateModel[];
  evidence: EvalEvidence | null;
  modelSwitch?: ModelSwitch | null;
}

export interface Recommendation {
  workload: string;
  team: string | null;
  taskClass: string | null;
  currentModel: ModelRef;
  monthlyCostNanos: bigint;
  candidate: ModelRef & { tier: ModelTier | null };
  recommendedMonthlyCostNanos: bigint;
  monthlySavingNanos: bigint;
  confidence: Confidence;
  basis: EvidenceBasis;
  /** The candidate's pass rate with its 95% Wilson interval (eval basis only). */
  interval: PassInterval | null;
  evidence: string;
  /** The candidate is the model the workload ran on before a recent switch: "revert to <model>". */
  revert: boolean;
}

/** The one answer per workload. */
export interface Decision {
  recommendation: Recommendation | null;
  /** Why there is no recommendation, in words (null when there is one). */
  reason: string | null;
  overSpecified: boolean;
  /** Why it is over-specified, in words (null when it is not). */
  overSpecifiedReason: string | null;
  /** Eval evidence meets the floor at the 95% lower bound: the 80/20 preset moves this workload. */
  proven: boolean;
  /** For a recommendation that is not proven: what evidence is missing ("unproven: run an eval"). */
  unprovenReason: string | null;
  /** After a recent model switch: going back, assessed (null without a switch). */
  revert: RevertCandidate | null;
}

/** Recommendations for all workloads that have one, largest monthly saving first. */
export function recommend(inputs: readonly RecommendInput[]): Recommendation[] {
  return inputs
    .map(recommendOne)
    .filter((r): r is Recommendation => r !== null)
    .sort((a, b) => (a.monthlySavingNanos > b.monthlySavingNanos ? -1 : a.monthlySavingNanos < b.monthlySavingNanos ? 1 : a.workload.localeCompare(b.workload)));
}

export function recommendOne(w: RecommendInput): Recommendation | null {
  return decide(w).recommendation;
}

type Priced = CandidateModel & { monthlyCostNanos: bigint };

export function decide(w: RecommendInput): Decision {
  const floor = w.qualityFloor;
  const cheaper = w.candidates.filter(
    (c): c is Priced =>
      c.monthlyCostNanos !== null &&
      c.monthlyCostNanos < w.monthlyCostNanos &&
      !(c.provider === w.currentModel.provider && c.model === w.currentModel.model),
  );
  const ev = w.evidence;
  const intervalOf = (ref: ModelRef): PassInterval | null => {
    if (!ev) return null;
    const r = ev.passRates.find((p) => sameModel(p.model, evalModelFor(ev, ref)));
    return r ? wilsonInterval(r.passes, r.tasks) : null;
  };
  const revert = revertCandidate(w, intervalOf);
  const isRevert = (c: ModelRef) => revert !== null && c.provider === revert.to.provider && c.model === revert.to.model;
  const none = (reason: string): Decision => ({ recommendation: null, reason, overSpecified: false, overSpecifiedReason: null, proven: false, unprovenReason: null, revert });
  const make = (c: Priced, confidence: Confidence, basis: EvidenceBasis, interval: PassInterval | null, evidence: string): Recommendation => ({
    workload: w.workload,
    team: w.team ?? null,
    taskClass: w.taskClass,
    currentModel: { provider: w.currentModel.provider, model: w.currentModel.model },
    monthlyCostNanos: w.monthlyCostNanos,
    candidate: { provider: c.provider, model: c.model, tier: c.tier },
    recommendedMonthlyCostNanos: c.monthlyCostNanos,
    monthlySavingNanos: w.monthlyCostNanos - c.monthlyCostNanos,
    confidence,
    basis,
    interval,
    evidence: isRevert(c) ? `revert to ${c.model} (the model before the switch on ${revert!.switchedOn}): ${evidence}` : evidence,
    revert: isRevert(c),
  });
  if (cheaper.length === 0) return none("no cheaper priced candidate model");

  const tested = cheaper.flatMap((c) => {
    const i = intervalOf(c);
    return i ? [{ c, i }] : [];
  });
  if (ev && tested.length > 0) {
    const atLow = tested.filter((t) => t.i.low >= floor - 1e-9);
    const atRate = tested.filter((t) => t.i.rate >= floor - 1e-9);
    const best = cheapest(atLow.length > 0 ? atLow : atRate);
    if (!best) {
      const top = tested.reduce((a, b) => (b.i.rate > a.i.rate ? b : a));
      return none(
        `eval set "${ev.evalSet}": no cheaper model meets the floor ${pct(floor)} ` +
          `(best: ${evalLabel(ev, top.c)} ${pct(top.i.rate)}, 95% CI ${pct(top.i.low)}–${pct(top.i.high)})`,
      );
    }
    const proven = atLow.length > 0;
    const label = evalLabel(ev, best.c);
    const current = intervalOf(w.currentModel);
    const currentText = current ? `; ${evalLabel(ev, w.currentModel)} passes ${pct(current.rate)}` : "";
    const ci = `95% CI ${pct(best.i.low)}–${pct(best.i.high)}`;
    const verdict = proven
      ? `lower bound ${pct(best.i.low)} >= floor ${pct(floor)}`
      : `>= floor ${pct(floor)}, but the lower bound ${pct(best.i.low)} is below it`;
    return {
      recommendation: make(
        best.c,
        proven ? "high" : "medium",
        "eval",
        best.i,
        `eval set "${ev.evalSet}" (${best.i.tasks} tasks): ${label} passes ${pct(best.i.rate)} (${ci}), ${verdict}${currentText}`,
      ),
      reason: null,
      overSpecified: true,
      overSpecifiedReason: proven
        ? `eval evidence: ${label} meets the ${pct(floor)} floor even at the 95% lower bound (${pct(best.i.low)})`
        : `eval evidence: ${label} passes ${pct(best.i.rate)} >= the ${pct(floor)} floor, but its 95% lower bound is ${pct(best.i.low)}`,
      proven,
      unprovenReason: proven
        ? null
        : `unproven: ${best.i.tasks} eval tasks are too few (95% lower bound ${pct(best.i.low)} < floor ${pct(floor)}): run a larger eval`,
      revert,
    };
  }

  const minTier = guidanceTier(w.taskClass);
  if (minTier === null) {
    const what = w.taskClass ? `${w.taskClass} is not a routine task class` : "the workload has no task class";
    return none(`no eval evidence for a cheaper model and ${what}: link an eval set to get a recommendation`);
  }
  const eligible = cheaper.filter((c) => tierRank(c.tier) >= tierRank(minTier));
  const sameProvider = eligible.filter((c) => c.provider === w.currentModel.provider);
  // Same provider first: switching vendor needs a contract and keys, a bigger ask than a model name.
  const best = cheapest((sameProvider.length > 0 ? sameProvider : eligible).map((c) => ({ c, i: null })));
  if (!best) return none(`no cheaper candidate in the ${minTier} tier or above (guidance for ${w.taskClass})`);
  const onFrontier = isRoutineClass(w.taskClass) && w.currentModel.tier === "frontier";
  return {
    recommendation: make(best.c, "low", "classification", null, `no eval: classification only (${w.taskClass} → ${minTier} tier or above)`),
    reason: null,
    overSpecified: onFrontier,
    overSpecifiedReason: onFrontier ? `${w.taskClass} is a routine task class, running on the frontier tier (${w.currentModel.model}); no eval yet` : null,
    proven: false,
    unprovenReason: ev
      ? `unproven: eval set "${ev.evalSet}" has no results for a cheaper model: run an eval`
      : "unproven: run an eval (the recommendation rests on the task class only)",
    revert,
  };
}

/** The previous model of a recent switch as a candidate: priced, cheaper, and whether it met the floor on the evals. */
function revertCandidate(w: RecommendInput, intervalOf: (ref: ModelRef) => PassInterval | null): RevertCandidate | null {
  const sw = w.modelSwitch;
  if (!sw) return null;
  const cost = w.candidates.find((c) => c.provider === sw.previous.provider && c.model === sw.previous.model)?.monthlyCostNanos ?? null;
  const interval = intervalOf(sw.previous);
  const metFloor = interval !== null && interval.rate >= w.qualityFloor - 1e-9;
  const rate = interval ? `passes ${pct(interval.rate)} (95% CI ${pct(interval.low)}–${pct(interval.high)})` : "";
  const note =
    cost === null
      ? `${sw.previous.model} has no price`
      : cost >= w.monthlyCostNanos
        ? `${sw.previous.model} would cost as much or more than ${w.currentModel.model} on this traffic`
        : interval === null
          ? `no eval result for ${sw.previous.model}: cannot tell whether it met the ${pct(w.qualityFloor)} floor`
          : metFloor
            ? `${sw.previous.model} met the ${pct(w.qualityFloor)} floor: ${rate}`
            : `${sw.previous.model} is below the ${pct(w.qualityFloor)} floor: ${rate}`;
  return { to: { provider: sw.previous.provider, model: sw.previous.model }, switchedOn: sw.on, monthlyCostNanos: cost, interval, metFloor, note };
}

/** Cheapest candidate; on a cost tie the higher measured pass rate. */
function cheapest<T extends { c: Priced; i: PassInterval | null }>(xs: readonly T[]): T | null {
  let best: T | null = null;
  for (const x of xs) {
    if (
      !best ||
      x.c.monthlyCostNanos < best.c.monthlyCostNanos ||
      (x.c.monthlyCostNanos === best.c.monthlyCostNanos && (x.i?.rate ?? 0) > (best.i?.rate ?? 0))
    ) {
      best = x;
    }
  }
  return best;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
