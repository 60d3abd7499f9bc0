/**
 * How a what-if scenario moves traffic onto or off one model, for the commitment planner ("reroute first, then
 * commit to what remains"). Per call group (workload, team, task class, model) the first matching rule decides:
 * - a reroute to another model takes the group off the target model; a reroute TO the target brings it on;
 * - batchShare moves that share to the Batch API, which reserved capacity does not serve;
 * - a rate escalation to the target brings rate x tokenShare of the group's tokens to it.
 * Token counts move as they are (another model's tokenizer counts differently): the result is an estimate.
 */
import type { WhatIfRule } from "@/lib/whatif/schema";
import { ruleMatcher } from "@/lib/whatif/select";
import type { CallGroup } from "@/lib/whatif/types";

export interface GroupKey {
  workloadSlug: string | null;
  teamSlug: string | null;
  taskClass: string | null;
  provider: string;
  model: string;
}

/** Share of the group's tokens on the target model after the scenario (0..1+; escalation can add on top). */
export function shareOnTarget(rules: readonly WhatIfRule[], target: { provider: string; model: string }, group: GroupKey): number {
  const match = ruleMatcher(rules)(group as unknown as CallGroup);
  const isTarget = (m: { provider: string; model: string }) => m.provider === target.provider && m.model === target.model;
  const here = isTarget(group);
  if (match < 0) return here ? 1 : 0;
  const rule = rules[match];
  const end = rule.reroute ?? { provider: group.provider, model: group.model };
  const live = 1 - rule.batchShare;
  let share = isTarget(end) ? live : 0;
  const esc = rule.escalation;
  if (esc && esc.mode === "rate" && esc.rate !== undefined && isTarget(esc) && !isTarget(end)) share += live * esc.rate * esc.tokenShare;
  return share;
}

/** Notes for the parts of a scenario the planner cannot follow exactly. */
export function scenarioNotes(rules: readonly WhatIfRule[]): string[] {
  const notes = ["Tokens moved by the scenario are counted as they are; another model's tokenizer counts differently (estimate)."];
  if (rules.some((r) => r.escalation?.mode === "replay")) notes.push("Replay escalations are not followed (their rate comes from eval evidence); rate escalations are.");
  if (rules.some((r) => r.outputFactor !== 1)) notes.push("Output-length changes (outputFactor) are not applied to the load.");
  return notes;
}
