/**
 * Portkey gateway config: `strategy.mode: conditional` on `metadata.workload` (the application sends
 * x-portkey-metadata {"workload": "<slug>"}); each workload's target sets the model with `override_params`, and
 * an escalation model makes the target a nested `fallback` strategy. Providers are Model Catalog slugs
 * (`@openai`), so no key is written. Other workloads go to the `unchanged` target, which keeps the request's model.
 */
import { portkeyProvider } from "./gateway-names";
import { headerLines } from "./header";
import { leversOf, routeFrom, RouteLeversSchema, ScenarioRefSchema } from "./levers";
import type { Route, RoutingTable } from "./routing-table";

export const UNCHANGED_TARGET = "unchanged";

interface Leaf {
  provider: string;
  override_params: { model: string };
}

export function renderPortkey(table: RoutingTable, defaultProvider = "openai"): string {
  const leaf = (m: { provider: string; model: string }): Leaf => ({ provider: portkeyProvider(m.provider), override_params: { model: m.model } });
  const targets: unknown[] = table.routes.map((r) =>
    r.escalation
      ? { name: r.workload, strategy: { mode: "fallback" }, targets: [leaf(r.model), leaf(r.escalation)] }
      : { name: r.workload, ...leaf(r.model) },
  );
  targets.push({ name: UNCHANGED_TARGET, provider: portkeyProvider(table.routes[0]?.currentModel?.provider ?? defaultProvider) });
  const config = {
    _comment: headerLines(
      "portkey",
      table,
      [
        'Use: save as a Portkey config and send its id with each request, with metadata {"workload": "<slug>"}.',
        'Providers are Model Catalog slugs ("@openai"): create them in Portkey, or replace each with your own slug or virtual_key.',
        `Requests of other workloads go to target "${UNCHANGED_TARGET}" (their own model); set its provider to yours.`,
        "_comment and _rightsize are ignored by Portkey; _rightsize holds the scenario's levers for a round trip into Rightsize.",
      ],
      ["a nested fallback target fires on error status codes, not on answer quality."],
    ),
    _rightsize: { scenario: table.scenario, levers: Object.fromEntries(table.routes.map((r) => [r.workload, leversOf(r)])) },
    strategy: {
      mode: "conditional",
      conditions: table.routes.map((r) => ({ query: { "metadata.workload": { $eq: r.workload } }, then: r.workload })),
      default: UNCHANGED_TARGET,
    },
    targets,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

type Target = { name?: string; provider?: string; override_params?: { model?: string }; strategy?: { mode?: string }; targets?: Target[] };

export function parsePortkey(text: string): RoutingTable {
  const doc = JSON.parse(text) as {
    _rightsize?: { scenario?: unknown; levers?: Record<string, unknown> };
    strategy?: { mode?: string; conditions?: { query: Record<string, { $eq?: string }>; then: string }[] };
    targets?: Target[];
  };
  if (doc.strategy?.mode !== "conditional") throw new Error(`strategy.mode must be "conditional", got ${JSON.stringify(doc.strategy?.mode)}`);
  const scenario = ScenarioRefSchema.parse(doc._rightsize?.scenario);
  const byName = new Map((doc.targets ?? []).map((t) => [t.name, t]));
  const routes: Route[] = [];
  for (const [i, c] of (doc.strategy.conditions ?? []).entries()) {
    const where = `strategy.conditions[${i}]`;
    const workload = c.query["metadata.workload"]?.$eq;
    if (typeof workload !== "string") throw new Error(`${where}: expected a query on metadata.workload with $eq`);
    const target = byName.get(c.then);
    if (!target) throw new Error(`${where}: target "${c.then}" is not in targets`);
    const leaves = target.strategy?.mode === "fallback" ? (target.targets ?? []) : [target];
    if (leaves.length < 1 || leaves.length > 2) throw new Error(`${where}: target "${c.then}" must have one model or a fallback of two`);
    const [model, escalation] = leaves.map((t, j) => modelOf(t, `${where} target ${c.then}[${j}]`));
    routes.push(routeFrom(workload, model, escalation ?? null, RouteLeversSchema.parse(doc._rightsize?.levers?.[workload]), where));
  }
  return { scenario, routes };
}

function modelOf(t: Target, where: string) {
  if (!t.provider?.startsWith("@") || !t.override_params?.model) throw new Error(`${where}: needs provider "@<slug>" and override_params.model`);
  return { provider: t.provider.slice(1), model: t.override_params.model };
}
