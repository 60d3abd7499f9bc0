/**
 * LiteLLM proxy config.yaml: one model group per workload (`model_name` = the workload slug: the application sends
 * model="<workload>"), its deployment carrying `tags: [<workload>]` for tag-based routing, and the escalation model as
 * a second group `<workload>-escalation` listed in `router_settings.fallbacks`. Keys are `os.environ/...` references.
 */
import { parse as parseYaml, stringify } from "yaml";
import { fromLitellmModel, litellmKeyRef, litellmModel } from "./gateway-names";
import { headerLines } from "./header";
import { leversOf, routeFrom, RouteLeversSchema, ScenarioRefSchema } from "./levers";
import type { Route, RoutingTable } from "./routing-table";

const ESCALATION_SUFFIX = "-escalation";
const SCENARIO_LINE = "# rightsize-scenario: ";

export function renderLitellm(table: RoutingTable): string {
  const modelList: unknown[] = [];
  const fallbacks: Record<string, string[]>[] = [];
  for (const r of table.routes) {
    modelList.push({
      model_name: r.workload,
      litellm_params: { model: litellmModel(r.model.provider, r.model.model), api_key: litellmKeyRef(r.model.provider), tags: [r.workload] },
      model_info: { rightsize_role: "route", rightsize: leversOf(r) },
    });
    if (r.escalation) {
      const group = `${r.workload}${ESCALATION_SUFFIX}`;
      modelList.push({
        model_name: group,
        litellm_params: { model: litellmModel(r.escalation.provider, r.escalation.model), api_key: litellmKeyRef(r.escalation.provider) },
        model_info: { rightsize_role: "escalation", rightsize_workload: r.workload },
      });
      fallbacks.push({ [r.workload]: [group] });
    }
  }
  const config = { model_list: modelList, router_settings: { fallbacks } };
  const header = headerLines(
    "litellm",
    table,
    [
      'Use: start the proxy with this file (litellm --config config.yaml); each workload sends model="<workload>" (a model group per workload).',
      "Tag-based routing instead: set router_settings.enable_tag_filtering: true and send tags: [\"<workload>\"].",
      "model_info.rightsize holds the scenario's levers for a round trip back into Rightsize; LiteLLM ignores it.",
    ],
    ["router_settings.fallbacks fire on errors (rate limits, timeouts, context window), not on answer quality."],
  );
  return [...header.map((l) => `# ${l}`), `${SCENARIO_LINE}${JSON.stringify(table.scenario)}`, "", stringify(config, { lineWidth: 0 })].join("\n");
}

/** Reads a LiteLLM config written by renderLitellm back into a routing table; errors name the entry at fault. */
export function parseLitellm(text: string): RoutingTable {
  const line = text.split("\n").find((l) => l.startsWith(SCENARIO_LINE));
  if (!line) throw new Error(`the "${SCENARIO_LINE.trim()}" header line is missing: not a Rightsize export`);
  const scenario = ScenarioRefSchema.parse(JSON.parse(line.slice(SCENARIO_LINE.length)));
  const doc = parseYaml(text) as { model_list?: unknown[]; router_settings?: { fallbacks?: Record<string, string[]>[] } };
  const list = (doc.model_list ?? []) as { model_name: string; litellm_params: { model: string }; model_info?: Record<string, unknown> }[];
  const groups = new Map(list.map((d) => [d.model_name, d]));
  const fallbackOf = new Map<string, string>();
  for (const [i, entry] of (doc.router_settings?.fallbacks ?? []).entries()) {
    for (const [group, targets] of Object.entries(entry)) {
      if (targets.length !== 1) throw new Error(`router_settings.fallbacks[${i}].${group}: expected one escalation group, got ${targets.length}`);
      fallbackOf.set(group, targets[0]);
    }
  }
  const routes: Route[] = [];
  for (const [i, d] of list.entries()) {
    if (d.model_info?.rightsize_role !== "route") continue;
    const where = `model_list[${i}] (${d.model_name})`;
    const levers = RouteLeversSchema.parse(d.model_info.rightsize);
    const fallback = fallbackOf.get(d.model_name);
    const escalation = fallback === undefined ? null : groups.get(fallback);
    if (fallback !== undefined && !escalation) throw new Error(`${where}: fallback group "${fallback}" is not in model_list`);
    routes.push(routeFrom(d.model_name, fromLitellmModel(d.litellm_params.model), escalation ? fromLitellmModel(escalation.litellm_params.model) : null, levers, where));
  }
  return { scenario, routes };
}
