/**
 * OpenRouter presets, one per workload: `models` is the fallback list in priority order (the target, then the
 * escalation model), `provider.order` prefers the model's own provider with fallbacks allowed. Each preset is a
 * chat-completions body without messages, the shape OpenRouter's preset API stores; the application then sends
 * model "@preset/rightsize-<workload>".
 */
import { fromOpenrouterModel, openrouterModel, openrouterProvider } from "./gateway-names";
import { headerLines } from "./header";
import { leversOf, routeFrom, RouteLeversSchema, ScenarioRefSchema } from "./levers";
import type { Route, RoutingTable } from "./routing-table";

const PREFIX = "rightsize-";

export function renderOpenrouter(table: RoutingTable): string {
  const presets = table.routes.map((r) => {
    const models = [openrouterModel(r.model.provider, r.model.model)];
    if (r.escalation) models.push(openrouterModel(r.escalation.provider, r.escalation.model));
    return {
      slug: `${PREFIX}${r.workload}`,
      models,
      provider: { order: [openrouterProvider(r.model.provider)], allow_fallbacks: true },
      _rightsize: { workload: r.workload, levers: leversOf(r) },
    };
  });
  const doc = {
    _comment: headerLines(
      "openrouter",
      table,
      [
        'Use: create each preset (OpenRouter settings > Presets, or the presets API with the body minus "slug" and "_rightsize"), then send model "@preset/<slug>".',
        "Model ids follow OpenRouter's author/slug naming; check each exists at openrouter.ai/models.",
      ],
      ["the models list falls back on errors (downtime, rate limits, moderation, context length), not on answer quality."],
    ),
    _rightsize: { scenario: table.scenario },
    presets,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function parseOpenrouter(text: string): RoutingTable {
  const doc = JSON.parse(text) as { _rightsize?: { scenario?: unknown }; presets?: { slug: string; models: string[]; _rightsize?: { workload?: string; levers?: unknown } }[] };
  const scenario = ScenarioRefSchema.parse(doc._rightsize?.scenario);
  const routes: Route[] = (doc.presets ?? []).map((p, i) => {
    const where = `presets[${i}] (${p.slug})`;
    if (!p.slug?.startsWith(PREFIX)) throw new Error(`${where}: slug must start with "${PREFIX}"`);
    if (!Array.isArray(p.models) || p.models.length < 1 || p.models.length > 2) throw new Error(`${where}: models must list the target and at most one escalation model`);
    const [model, escalation] = p.models.map(fromOpenrouterModel);
    return routeFrom(p.slug.slice(PREFIX.length), model, escalation ?? null, RouteLeversSchema.parse(p._rightsize?.levers), where);
  });
  return { scenario, routes };
}
