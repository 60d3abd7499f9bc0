import type { Rule } from "./definition";
import type { Names } from "./names";

/** One line per rule, in words: what it selects and what it changes. */
export function ruleSummary(rule: Rule, names?: Names): { selects: string; changes: string } {
  const s = rule.select;
  // Teams and workloads by their names (the definition holds slugs).
  const workloads = names ? s.workloads?.map(names.workload) : s.workloads;
  const teams = names ? s.teams?.map(names.team) : s.teams;
  const list = (what: string, xs: string[] | undefined) =>
    xs && xs.length > 0 ? `${xs.length === 1 ? xs[0] : `${xs.length} ${what} (${xs.slice(0, 3).join(", ")}${xs.length > 3 ? ", …" : ""})`}` : null;
  const parts = [list("workloads", workloads), list("teams", teams), list("task classes", s.taskClasses), list("models", s.models)].filter(Boolean);
  const changes: string[] = [];
  if (rule.reroute) changes.push(`reroute to ${rule.reroute.model}`);
  if (rule.outputFactor !== undefined && rule.outputFactor !== 1) changes.push(`output ×${rule.outputFactor}`);
  if (rule.escalation) {
    const e = rule.escalation;
    const d = e.detector;
    const detector = !d
      ? "perfect detector: upper bound"
      : "fromJudge" in d
        ? "detector from the judge column"
        : `detector recall ${fmtPct(d.recall)}, false escalations ${fmtPct(d.falseEscalationRate)}`;
    changes.push(e.mode === "replay" ? `escalate flagged answers to ${e.model} (eval replay, ${detector})` : `escalate ${fmtPct(e.rate ?? 0)} of calls to ${e.model}`);
    if (e.tokenShare !== undefined && e.tokenShare !== 1) changes.push(`re-sending ${fmtPct(e.tokenShare)} of tokens`);
  }
  if (rule.batchShare) changes.push(`${fmtPct(rule.batchShare)} through batch`);
  if (rule.cachedShare !== null && rule.cachedShare !== undefined) changes.push(`${fmtPct(rule.cachedShare)} of input cached`);
  return { selects: parts.length ? parts.join(" and ") : "all traffic", changes: changes.length ? changes.join(", ") : "left as it is" };
}

function fmtPct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
