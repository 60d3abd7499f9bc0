/**
 * The plain routing table for custom gateways: workload -> model, escalation model and rule, expected share,
 * and the levers a gateway cannot apply, with the same header notes as the other formats.
 */
import { z } from "zod";
import { headerLines } from "./header";
import { pct, type RoutingTable } from "./routing-table";

const Model = z.strictObject({ provider: z.string(), model: z.string() });
const RouteSchema = z.strictObject({
  workload: z.string(),
  team: z.string().nullable(),
  currentModel: Model.nullable(),
  model: Model,
  escalation: z
    .strictObject({
      provider: z.string(),
      model: z.string(),
      mode: z.enum(["rate", "replay"]),
      rate: z.number().min(0).max(1).nullable(),
      tokenShare: z.number().min(0).max(1),
      rule: z.string(),
    })
    .nullable(),
  batchShare: z.number().min(0).max(1),
  cachedShare: z.number().min(0).max(1).nullable(),
  outputFactor: z.number().gt(0).max(10),
  expectedShare: z.number().min(0).max(1),
});
const TableSchema = z.strictObject({
  _comment: z.array(z.string()),
  version: z.literal(1),
  scenario: z.strictObject({ id: z.number().int().nullable(), name: z.string(), from: z.string(), to: z.string() }),
  routes: z.array(RouteSchema),
});

function ruleText(e: NonNullable<RoutingTable["routes"][number]["escalation"]>): string {
  const share = e.rate === null ? "the calls the eval replay says the cheap model fails" : `${pct(e.rate)} of calls`;
  return `re-send ${share} to ${e.model} when the application's quality check rejects the answer${e.tokenShare < 1 ? ` (${pct(e.tokenShare)} of the tokens)` : ""}`;
}

export function renderJsonTable(table: RoutingTable): string {
  const doc = {
    _comment: headerLines("json", table, ["Use: route each request by its workload to `model`; escalate as `escalation.rule` says."], []),
    version: 1 as const,
    scenario: table.scenario,
    routes: table.routes.map((r) => ({ ...r, escalation: r.escalation ? { ...r.escalation, rule: ruleText(r.escalation) } : null })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function parseJsonTable(text: string): RoutingTable {
  const doc = TableSchema.parse(JSON.parse(text));
  return {
    scenario: doc.scenario,
    routes: doc.routes.map((r) => {
      if (!r.escalation) return { ...r, escalation: null };
      const { rule: _rule, ...escalation } = r.escalation;
      void _rule;
      return { ...r, escalation };
    }),
  };
}
