/**
 * Quality of a workload before and after a scenario, against its floor, from the linked eval set:
 * - unchanged traffic: the current model's pass rate;
 * - rerouted: the target's pass rate;
 * - replayed escalation: the replay's hybrid pass rate;
 * - rate-based escalation: (1 - rate) x cheap + rate x escalation model's pass rate, i.e. escalations assumed
 *   NOT targeted at the cheap model's failures (a conservative estimate; replay measures the targeted case).
 * Without an eval set quality is unknown (null) and `ok` is null: shown as "not measured", never as a pass.
 */
import { evalLabel, passRateOf } from "./eval-models";
import type { Levers } from "./levers";
import type { ReplaySummary } from "./replay";
import type { ModelRef, WorkloadInfo } from "./types";
import { wilsonInterval } from "./wilson";

/** Wilson 95% bounds of a counted pass rate (passes = rate x tasks is a whole number by construction). */
function ci(rate: number, tasks: number): { low: number; high: number; tasks: number } {
  const w = wilsonInterval(Math.round(rate * tasks), tasks);
  return { low: w.low, high: w.high, tasks };
}

export interface QualityVerdict {
  baseline: number | null;
  scenario: number | null;
  floor: number | null;
  ok: boolean | null;
  evidence: string;
  /**
   * 95% Wilson interval of `scenario` when it is a pass rate counted on the eval set (a single model, or a replay with
   * a perfect or judge detector); null for modelled or mixed estimates.
   */
  interval?: { low: number; high: number; tasks: number } | null;
  /** Replayed escalation only: the detector used and the perfect-detector upper bound. */
  replay?: {
    tasks: number;
    detector: ReplaySummary["detector"];
    escalationRate: number;
    upperBound: { quality: number; escalationRate: number };
  };
}

export interface QualityInput {
  info: WorkloadInfo | undefined;
  currentModel: ModelRef | null;
  /** Levers of the rule covering most of the workload's baseline cost, or null if the scenario leaves it alone. */
  levers: Levers | null;
  escalationRatePpm: bigint;
  replay: ReplaySummary | null;
}

export function judgeQuality(q: QualityInput): QualityVerdict {
  const floor = q.info?.qualityFloor ?? null;
  const evalSet = q.info?.evalSet ?? null;
  const verdict = (baseline: number | null, scenario: number | null, evidence: string): QualityVerdict => ({
    baseline,
    scenario,
    floor,
    ok: scenario === null || floor === null ? null : scenario >= floor - 1e-9,
    evidence,
  });
  if (!evalSet || evalSet.results.length === 0 || !q.currentModel) {
    return verdict(null, null, q.levers ? "no eval set linked: quality not measured" : "not changed by the scenario");
  }
  const rate = (ref: ModelRef) => passRateOf(evalSet, ref);
  const label = (ref: ModelRef) => evalLabel(evalSet, ref);
  const current = rate(q.currentModel);
  const base = current?.rate ?? null;
  const setName = `eval set "${evalSet.name}"`;
  const describe = (ref: ModelRef, r: { rate: number; tasks: number } | null) =>
    r ? `${label(ref)} passes ${pct(r.rate)} (${r.tasks} tasks)` : `${label(ref)} has no result`;
  const currentText = `currently ${describe(q.currentModel, current)}`;

  const l = q.levers;
  if (!l || (!l.reroute && !l.escalation)) {
    return { ...verdict(base, base, `${setName}: ${currentText}; model unchanged`), interval: current ? ci(current.rate, current.tasks) : null };
  }
  const cheapRef = l.reroute ?? q.currentModel;
  const cheap = rate(cheapRef);
  if (!l.escalation || q.escalationRatePpm === 0n) {
    return { ...verdict(base, cheap?.rate ?? null, `${setName}: ${currentText}; ${describe(cheapRef, cheap)}`), interval: cheap ? ci(cheap.rate, cheap.tasks) : null };
  }
  const escRef = l.escalation.target;
  if (q.replay) {
    const r = q.replay;
    const d = r.detector;
    const ub = r.upperBound;
    const detectorText =
      d.source === "perfect"
        ? "perfect detector (every failure escalates, nothing else): an upper bound"
        : `detector ${d.source === "judge" ? "measured from the judge column" : "as set"}: recall ${pct(d.recall)}, false escalations ${pct(d.falseEscalationRate)}`;
    // A modelled detector gives expected counts (one decimal); judge and perfect detectors give counted tasks.
    const count = (x: number) => (d.source === "set" ? x.toFixed(1) : String(x));
    const upperText =
      d.source === "perfect" ? "" : `; upper bound (perfect detector): hybrid passes ${ub.hybridPasses} (${pct(ub.quality)}) with ${ub.escalations} escalations`;
    return {
      ...verdict(
        base,
        r.quality,
        `${setName} replay (${r.tasks} tasks), ${detectorText}: ${label(cheapRef)} passes ${r.cheapPasses}, ${count(r.escalations)} escalate to ` +
          `${label(escRef)}, hybrid passes ${count(r.hybridPasses)} (${pct(r.quality)})${upperText}; ${escRef.model} alone passes ${r.frontierPasses}; ${currentText}`,
      ),
      interval: d.source === "set" ? null : ci(r.quality, r.tasks),
      replay: {
        tasks: r.tasks,
        detector: d,
        escalationRate: r.escalationRate,
        upperBound: { quality: ub.quality, escalationRate: ub.escalationRate },
      },
    };
  }
  const esc = rate(escRef);
  const share = Number(q.escalationRatePpm) / 1e6;
  const scenario = cheap && esc ? (1 - share) * cheap.rate + share * esc.rate : null;
  return verdict(
    base,
    scenario,
    `${setName}: ${describe(cheapRef, cheap)}, ${describe(escRef, esc)}; ${pct(share)} escalated, ` +
      `assumed not targeted at failures; ${currentText}`,
  );
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
