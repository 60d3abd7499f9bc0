import "server-only";
import { badRequest } from "@/lib/errors";
import { TASK_CLASSES } from "@/lib/classify/task-class";
import type { WhatIfRequest } from "../schema";
import type { WhatIfDims } from "./dimensions";
import type { WhatIfPricing } from "./pricing";

/**
 * Checks a parsed request against what exists and what the caller may see, before any traffic is read: every
 * workload, team, task class and model a rule selects must be known (for a lead, one of their teams'), and every
 * reroute or escalation target must have a price. One 400 lists every problem, each naming its rule (1-based).
 */
export function checkRequest(req: WhatIfRequest, dims: WhatIfDims, pricing: WhatIfPricing): void {
  const workloads = new Set([...dims.workloads.values()].filter((w) => w.visible).map((w) => w.slug));
  const teams = new Set([...dims.teams.values()].filter((t) => t.visible).map((t) => t.slug));
  const classes = new Set<string>(TASK_CLASSES);
  const models = new Set<string>();
  for (const m of dims.models.values()) {
    models.add(m.name);
    models.add(`${m.provider}/${m.name}`);
  }
  const problems: string[] = [];
  req.rules.forEach((rule, i) => {
    const n = i + 1;
    const unknown = (what: string, names: string[] | undefined, known: Set<string>) => {
      const missing = (names ?? []).filter((x) => !known.has(x));
      if (missing.length > 0) problems.push(`rule ${n}: unknown ${what} ${missing.map((x) => `"${x}"`).join(", ")}`);
    };
    unknown("workload", rule.select.workloads, workloads);
    unknown("team", rule.select.teams, teams);
    unknown("task class", rule.select.taskClasses, classes);
    unknown("model", rule.select.models, models);
    for (const [role, ref] of [["reroute target", rule.reroute], ["escalation model", rule.escalation]] as const) {
      if (!ref) continue;
      const why = pricing.unpricedReason(ref);
      if (why) problems.push(`rule ${n}: ${role} ${ref.provider}/${ref.model} is refused: ${why}`);
    }
  });
  if (problems.length > 0) throw badRequest(problems.join("; "), { problems });
}
