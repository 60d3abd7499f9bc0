/**
 * Rule selection. Within a rule, each given list must match (AND across workloads/teams/taskClasses/models, OR
 * within a list); an empty selection selects all traffic. The first rule that matches a group wins, so order rules
 * from specific to broad.
 */
import type { RuleSelect, WhatIfRule } from "./schema";
import type { CallGroup } from "./types";

type Matcher = (g: CallGroup) => boolean;

function compile(select: RuleSelect): Matcher {
  const workloads = select.workloads && new Set(select.workloads);
  const teams = select.teams && new Set(select.teams);
  const classes = select.taskClasses && new Set(select.taskClasses);
  const models = select.models && new Set(select.models);
  return (g) =>
    (!workloads || (g.workloadSlug !== null && workloads.has(g.workloadSlug))) &&
    (!teams || (g.teamSlug !== null && teams.has(g.teamSlug))) &&
    (!classes || (g.taskClass !== null && classes.has(g.taskClass))) &&
    (!models || models.has(g.model) || models.has(`${g.provider}/${g.model}`));
}

/** Returns a function giving the index of the first rule that selects a group, or -1. */
export function ruleMatcher(rules: readonly WhatIfRule[]): (g: CallGroup) => number {
  const matchers = rules.map((r) => compile(r.select));
  return (g) => {
    for (let i = 0; i < matchers.length; i++) if (matchers[i](g)) return i;
    return -1;
  };
}
