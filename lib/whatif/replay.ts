/**
 * Escalation replay on an eval set: the cheap model answers every task; tasks it fails escalate to the frontier
 * model, whose answer is final. Quality and escalation rate come from what happened task by task, not from an
 * assumed rate.
 */
import type { EvalResultRow } from "./types";

export interface TaskOutcome {
  taskId: string;
  cheapPassed: boolean;
  frontierPassed: boolean;
}

export interface ReplaySummary {
  tasks: number;
  cheapPasses: number;
  frontierPasses: number;
  /** Passed by the cheap model, or failed by it and passed by the frontier model. */
  hybridPasses: number;
  /** Cheap failures, i.e. escalated tasks. */
  escalations: number;
  /** hybridPasses / tasks */
  quality: number;
  /** escalations / tasks */
  escalationRate: number;
}

export function replayEscalation(outcomes: readonly TaskOutcome[]): ReplaySummary {
  let cheap = 0;
  let frontier = 0;
  let hybrid = 0;
  for (const o of outcomes) {
    if (o.cheapPassed) cheap++;
    if (o.frontierPassed) frontier++;
    if (o.cheapPassed || o.frontierPassed) hybrid++;
  }
  const tasks = outcomes.length;
  const escalations = tasks - cheap;
  return {
    tasks,
    cheapPasses: cheap,
    frontierPasses: frontier,
    hybridPasses: hybrid,
    escalations,
    quality: tasks === 0 ? 0 : hybrid / tasks,
    escalationRate: tasks === 0 ? 0 : escalations / tasks,
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
  const cheap = new Map<string, boolean>();
  const frontier = new Map<string, boolean>();
  for (const r of results) {
    if (sameModel(r.model, cheapModel)) cheap.set(r.taskId, r.passed);
    if (sameModel(r.model, frontierModel)) frontier.set(r.taskId, r.passed);
  }
  const outcomes: TaskOutcome[] = [];
  for (const [taskId, cheapPassed] of cheap) {
    const frontierPassed = frontier.get(taskId);
    if (frontierPassed !== undefined) outcomes.push({ taskId, cheapPassed, frontierPassed });
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
