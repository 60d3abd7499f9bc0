/**
 * Rightsizing recommendations: per workload, the cheapest candidate model that meets the workload's quality floor
 * on the evidence, with the monthly saving. Evidence comes first:
 * - eval pass rates for candidates (the linked eval set): cheapest candidate whose pass rate >= floor; confidence
 *   "high" on 100+ tasks, "medium" below. If evals exist and no cheaper candidate holds the floor: no recommendation.
 * - no eval result for any cheaper candidate: task-class guidance for routine classes only (classification and
 *   extraction -> small tier, summaries/replies/drafts -> mid tier), same provider preferred; confidence "low".
 * Candidate monthly costs come from re-pricing the workload's own traffic (see reprice.ts).
 */
import { guidanceTier, tierRank, type ModelTier } from "@/lib/classify/task-class";
import { evalLabel, evalModelFor } from "./eval-models";
import { sameModel } from "./replay";
import type { ModelRef } from "./types";

export type Confidence = "high" | "medium" | "low";

export interface CandidateModel extends ModelRef {
  tier: ModelTier | null;
  /** This workload's traffic priced on the candidate, per month; null when the candidate has no price. */
  monthlyCostNanos: bigint | null;
}

export interface EvalEvidence {
  evalSet: string;
  /** Pass rates per EVAL model name, as in the eval set. */
  passRates: { model: string; passRate: number; tasks: number }[];
  /** The link's mapping: "provider/model" -> eval model standing for it (see eval-models.ts). */
  standIns?: ReadonlyMap<string, string>;
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
  evidence: string;
}

/** Minimum eval size for "high" confidence. */
export const HIGH_CONFIDENCE_TASKS = 100;

/** Recommendations for all workloads that have one, largest monthly saving first. */
export function recommend(inputs: readonly RecommendInput[]): Recommendation[] {
  return inputs
    .map(recommendOne)
    .filter((r): r is Recommendation => r !== null)
    .sort((a, b) => (a.monthlySavingNanos > b.monthlySavingNanos ? -1 : a.monthlySavingNanos < b.monthlySavingNanos ? 1 : a.workload.localeCompare(b.workload)));
}

export function recommendOne(w: RecommendInput): Recommendation | null {
  const a = assess(w);
  return "recommendation" in a ? a.recommendation : null;
}

/** The recommendation for a workload, or in words why there is none (shown next to it, so silence is explained). */
export type Assessment = { recommendation: Recommendation } | { reason: string };

export function assess(w: RecommendInput): Assessment {
  const cheaper = w.candidates.filter(
    (c): c is CandidateModel & { monthlyCostNanos: bigint } =>
      c.monthlyCostNanos !== null &&
      c.monthlyCostNanos < w.monthlyCostNanos &&
      !(c.provider === w.currentModel.provider && c.model === w.currentModel.model),
  );
  const ev = w.evidence;
  const rateOf = (ref: ModelRef) => (ev ? (ev.passRates.find((p) => sameModel(p.model, evalModelFor(ev, ref))) ?? null) : null);
  const tested = cheaper.filter((c) => rateOf(c) !== null);
  const make = (c: CandidateModel & { monthlyCostNanos: bigint }, confidence: Confidence, evidence: string): Assessment => ({
    recommendation: {
      workload: w.workload,
      team: w.team ?? null,
      taskClass: w.taskClass,
      currentModel: { provider: w.currentModel.provider, model: w.currentModel.model },
      monthlyCostNanos: w.monthlyCostNanos,
      candidate: { provider: c.provider, model: c.model, tier: c.tier },
      recommendedMonthlyCostNanos: c.monthlyCostNanos,
      monthlySavingNanos: w.monthlyCostNanos - c.monthlyCostNanos,
      confidence,
      evidence,
    },
  });
  if (cheaper.length === 0) return { reason: "no cheaper priced candidate model" };

  if (ev && tested.length > 0) {
    const passing = tested.filter((c) => rateOf(c)!.passRate >= w.qualityFloor - 1e-9);
    const best = cheapest(passing, (c) => rateOf(c)!.passRate);
    if (!best) {
      const top = tested.reduce((a, b) => (rateOf(b)!.passRate > rateOf(a)!.passRate ? b : a));
      return {
        reason:
          `eval set "${ev.evalSet}": no cheaper model meets the floor ${pct(w.qualityFloor)} ` +
          `(best: ${evalLabel(ev, top)} ${pct(rateOf(top)!.passRate)})`,
      };
    }
    const r = rateOf(best)!;
    const current = rateOf(w.currentModel);
    const currentText = current ? `; ${evalLabel(ev, w.currentModel)} passes ${pct(current.passRate)}` : "";
    return make(
      best,
      r.tasks >= HIGH_CONFIDENCE_TASKS ? "high" : "medium",
      `eval set "${ev.evalSet}" (${r.tasks} tasks): ${evalLabel(ev, best)} passes ${pct(r.passRate)} >= floor ${pct(w.qualityFloor)}${currentText}`,
    );
  }

  const minTier = guidanceTier(w.taskClass);
  if (minTier === null) {
    const what = w.taskClass ? `${w.taskClass} is not a routine task class` : "the workload has no task class";
    return { reason: `no eval evidence for a cheaper model and ${what}: link an eval set to get a recommendation` };
  }
  const eligible = cheaper.filter((c) => tierRank(c.tier) >= tierRank(minTier));
  const sameProvider = eligible.filter((c) => c.provider === w.currentModel.provider);
  // Same provider first: switching vendor needs a contract and keys, a bigger ask than a model name.
  const best = cheapest(sameProvider.length > 0 ? sameProvider : eligible, () => 0);
  if (!best) return { reason: `no cheaper candidate in the ${minTier} tier or above (guidance for ${w.taskClass})` };
  return make(best, "low", `no eval: classification only (${w.taskClass} → ${minTier} tier or above)`);
}

/**
 * Eval verdict on cheaper models, for over-specification (lib/classify/over-specified.ts): true when a cheaper
 * candidate with results meets the floor, false when some have results and none does, null without such results.
 */
export function evidenceMeetsFloor(w: RecommendInput): boolean | null {
  const ev = w.evidence;
  if (!ev) return null;
  const rates = w.candidates
    .filter((c) => c.monthlyCostNanos !== null && c.monthlyCostNanos < w.monthlyCostNanos)
    .map((c) => ev.passRates.find((p) => sameModel(p.model, evalModelFor(ev, c))))
    .filter((r) => r !== undefined);
  if (rates.length === 0) return null;
  return rates.some((r) => r.passRate >= w.qualityFloor - 1e-9);
}

function cheapest<T extends { monthlyCostNanos: bigint; model: string }>(xs: readonly T[], quality: (x: T) => number): T | null {
  let best: T | null = null;
  for (const x of xs) {
    if (
      !best ||
      x.monthlyCostNanos < best.monthlyCostNanos ||
      (x.monthlyCostNanos === best.monthlyCostNanos && quality(x) > quality(best))
    ) {
      best = x;
    }
  }
  return best;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
