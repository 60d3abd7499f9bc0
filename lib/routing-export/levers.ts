/**
 * What a gateway config cannot hold but the round trip needs: the levers of a route, written beside the route
 * (LiteLLM `model_info`, which accepts extra keys; a `_rightsize` block in the JSON formats, which Portkey's and
 * OpenRouter's parsers ignore). Parsing reads the routing itself (which model, which escalation model) from the
 * gateway's own fields, and only these levers from here.
 */
import { z } from "zod";
import type { Route } from "./routing-table";

const Model = z.strictObject({ provider: z.string(), model: z.string() });

export const RouteLeversSchema = z.strictObject({
  team: z.string().nullable(),
  currentModel: Model.nullable(),
  escalation: z.strictObject({ mode: z.enum(["rate", "replay"]), rate: z.number().min(0).max(1).nullable(), tokenShare: z.number().min(0).max(1) }).nullable(),
  batchShare: z.number().min(0).max(1),
  cachedShare: z.number().min(0).max(1).nullable(),
  outputFactor: z.number().gt(0).max(10),
  expectedShare: z.number().min(0).max(1),
});
export type RouteLevers = z.infer<typeof RouteLeversSchema>;

export const ScenarioRefSchema = z.strictObject({ id: z.number().int().nullable(), name: z.string(), from: z.string(), to: z.string() });

export function leversOf(r: Route): RouteLevers {
  return {
    team: r.team,
    currentModel: r.currentModel,
    escalation: r.escalation ? { mode: r.escalation.mode, rate: r.escalation.rate, tokenShare: r.escalation.tokenShare } : null,
    batchShare: r.batchShare,
    cachedShare: r.cachedShare,
    outputFactor: r.outputFactor,
    expectedShare: r.expectedShare,
  };
}

/** Builds a route from what the gateway config says (workload, model, escalation model) and the levers beside it. */
export function routeFrom(
  workload: string,
  model: Route["model"],
  escalationModel: Route["model"] | null,
  levers: RouteLevers,
  where: string,
): Route {
  if ((escalationModel === null) !== (levers.escalation === null)) {
    throw new Error(`${where}: the escalation model and its rate disagree (one is missing)`);
  }
  return {
    workload,
    team: levers.team,
    currentModel: levers.currentModel,
    model,
    escalation: escalationModel && levers.escalation ? { ...escalationModel, ...levers.escalation } : null,
    batchShare: levers.batchShare,
    cachedShare: levers.cachedShare,
    outputFactor: levers.outputFactor,
    expectedShare: levers.expectedShare,
  };
}
