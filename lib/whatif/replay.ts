/**
 * Escalation replay on an eval set: the cheap model answers every task; a DETECTOR decides which answers escalate to
 * the frontier model, whose answer is then final. Quality and escalation rate come from what happened task by task.
 *
 * The detector (a judge, a confidence threshold, a validator) is not perfect, so it is modelled:
 * - recall r: the share of the cheap model's failures it catches (escalates);
 * - false-escalation rate f: the share of the cheap model's passes it escalates anyway.
 * With P cheap passes and F cheap failures, of which F_ok the frontier model passes and P_ok the frontier passes
 * among P, the expected outcome is
 *   escalations = r·F + f·P
 *   hybrid passes = P·(1 − f) + f·P_ok + r·F_ok
 * (an uncaught failure stays failed; a needlessly escalated pass is as good as the frontier's answer).
 * Sources: "set" (the user gives r and f), "judge" (the eval file's judge column says, task by task, which cheap
 * answers the detector flagged: escalations and passes are then counted exactly, and r and f are measured), or
 * "perfect" (r = 1, f = 0: exactly the failures escalate). The perfect detector is always reported as the upper
 * bound: no real detector does better on quality at that escalation cost.
 */
import type { EvalResultRow } from "./types";

export interface TaskOutcome {
  taskId: string;
  cheapPassed: boolean;
  frontierPassed: boolean;
  /** The judge column on the cheap model's answer: true = flagged for escalation; null/undefined = no verdict. */
  cheapFlagged?: boolean | null;
}

export type DetectorSpec = { source: "perfect" } | { source: "set"; recall: number; falseEscalationRate: number } | { source: "judge" };

export interface ReplayOutcome {
  /** Expected (or, for judge/perfect, counted) tasks passed by the hybrid. */
  hybridPasses: number;
  /** Expected (or counted) escalated tasks. */
  escalations: number;
  /** hybridPasses / tasks */
  quality: number;
  /** escalations / tasks */
  escalationRate: number;
}

export interface ReplaySummary extends ReplayOutcome {
  tasks: number;
  cheapPasses: number;
  frontierPasses: number;
  /** The detector used, with its recall and false-escalation rate (measured when source is "judge"). */
  detector: { source: DetectorSpec["source"]; recall: number; falseEscalationRate: number };
  /** A perfect detector (escalates exactly the cheap model's failures): the upper bound on quality. */
  upperBound: ReplayOutcome;
}

export class ReplayError extends Error {}

export function replayEscalation(outcomes: readonly TaskOutcome[], detector: DetectorSpec = { source: "perfect" }): ReplaySummary {
  const tasks = outcomes.length;
  let cheap = 0;
  let frontier = 0;
  let passOk = 0; // cheap passed, frontier passed
  let failOk = 0; // cheap failed, frontier passed
  for (const o of outcomes) {
    if (o.cheapPassed) cheap++;
    if (o.frontierPassed) frontier++;
    if (o.cheapPassed && o.frontierPassed) passOk++;
    if (!o.cheapPassed && o.frontierPassed) failOk++;
  }
  const fails = tasks - cheap;
  const outcome = (hybridPasses: number, escalations: number): ReplayOutcome => ({
    hybridPasses,
    escalations,
    quality: tasks === 0 ? 0 : hybridPasses / tasks,
    escalationRate: tasks === 0 ? 0 : escalations / tasks,
  });
  const upperBound = outcome(cheap + failOk, fails);
  const base = { tasks, cheapPasses: cheap, frontierPasses: frontier, upperBound };

  if (detector.source === "perfect") {
    return { ...base, ...upperBound, detector: { source: "perfect", recall: 1, falseEscalationRate: 0 } };
  }
  if (detector.source === "set") {
    const { recall: r, falseEscalationRate: f } = detector;
    return {
      ...base,
      ...outcome(cheap * (1 - f) + f * passOk + r * failOk, r * fails + f * cheap),
      detector: { source: "set", recall: r, falseEscalationRate: f },
    };
  }
  // Judge: the flagged tasks escalate, counted task by task.
  const missing = outcomes.filter((o) => o.cheapFlagged == null).length;
  if (missing > 0) throw new ReplayError(`${missing} of ${tasks} tasks have no judge verdict on the cheap model's answer`);
  let escalated = 0;
  let hybrid = 0;
  let caught = 0;
  let falseAlarms = 0;
  for (const o of outcomes) {
    if (o.cheapFlagged) {
      escalated++;
      if (o.frontierPassed) hybrid++;
      if (o.cheapPassed) falseAlarms++;
      else caught++;
    } else if (o.cheapPassed) hybrid++;
  }
  return {
    ...base,
    ...outcome(hybrid, escalated),
    detector: { source: "judge", recall: fails === 0 ? 1 : caught / fails, falseEscalationRate: cheap === 0 ? 0 : falseAlarms / cheap },
  };
}

/**
 * Pairs eval rows of two models by task. Tasks lacking a result for either model are left out (and counted), since
 * replay needs to know both answers. Model names match exactly, or as "provider/model" against the bare name.
 */
export function pairOutcomes(
  results: readonly EvalResultRow[],
  cheapModel: string,
  frontierModel: string,
): { outcomes: TaskOutcome[]; unpaired: number } {
  const cheap = new Map<string, EvalResultRow>();
  const frontier = new Map<string, boolean>();
  for (const r of results) {
    if (sameModel(r.model, cheapModel)) cheap.set(r.taskId, r);
    if (sameModel(r.model, frontierModel)) frontier.set(r.taskId, r.passed);
  }
  const outcomes: TaskOutcome[] = [];
  for (const [taskId, c] of cheap) {
    const frontierPassed = frontier.get(taskId);
    if (frontierPassed !== undefined) outcomes.push({ taskId, cheapPassed: c.passed, frontierPassed, cheapFlagged: c.judgeFlagged ?? null });
  }
  const unpaired = cheap.size + frontier.size - 2 * outcomes.length;
  return { outcomes, unpaired };
}

/** Pass rate of one model on an eval set, or null when the set has no result for it. */
export function passRate(results: readonly EvalResultRow[], model: string): { rate: number; tasks: number } | null {
  let tasks = 0;
  let passed = 0;
  for (const r of results) {
    if (!sameModel(r.model, model)) continue;
    tasks++;
    if (r.passed) passed++;
  }
  return tasks === 0 ? null : { rate: passed / tasks, tasks };
}

export function sameModel(evalModel: string, model: string): boolean {
  return evalModel === model || evalModel.endsWith(`/${model}`) || model.endsWith(`/${evalModel}`);
}
