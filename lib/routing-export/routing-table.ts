/**
 * A scenario as a gateway sees it: one route per workload the scenario changes. Gateways route by workload (a
 * model alias, a metadata key or a preset per workload), so a scenario's rules (which may select by team, task
 * class or current model) are resolved here against the workloads that exist, first matching rule wins, exactly
 * as the what-if engine matches them (lib/whatif/select.ts).
 */
import { ruleMatcher } from "@/lib/whatif/select";
import type { WhatIfRequest, WhatIfRule } from "@/lib/whatif/schema";
import type { ModelRef } from "@/lib/whatif/types";

export const EXPORT_FORMATS = ["litellm", "portkey", "openrouter", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface RouteEscalation extends ModelRef {
  /** "rate": a fixed share of calls; "replay": the share the eval replay measured (the application decides which). */
  mode: "rate" | "replay";
  /** Share of calls that also go to the escalation model (0-1); null for replay without a fallback rate. */
  rate: number | null;
  tokenShare: number;
}

export interface Route {
  workload: string;
  team: string | null;
  /** The model carrying most of the workload's calls in the scenario window (null when it had no traffic). */
  currentModel: ModelRef | null;
  /** Where the workload's calls go: the reroute target, or the current model when the rule only pulls levers. */
  model: ModelRef;
  escalation: RouteEscalation | null;
  batchShare: number;
  cachedShare: number | null;
  outputFactor: number;
  /** The workload's share of the window's calls among the routed workloads (0-1), so a gateway owner sees what matters. */
  expectedShare: number;
}

export interface RoutingTable {
  scenario: { id: number | null; name: string; from: string; to: string };
  routes: Route[];
}

export interface ExportWorkload {
  slug: string;
  teamSlug: string | null;
  taskClass: string | null;
  currentModel: ModelRef | null;
  calls: number;
}

const hasLever = (r: WhatIfRule) =>
  r.reroute !== undefined || r.escalation !== undefined || r.batchShare > 0 || r.cachedShare !== null || r.outputFactor !== 1;

/**
 * Resolves the rules per workload. A workload is routed when the first rule matching it (with its current model
 * standing for its traffic) pulls a lever; a rule that only holds traffic, or a lever-less workload, keeps its
 * current setup and is left out of the gateway config. Workloads without traffic and without a reroute are left out
 * too (there is no current model to keep).
 */
export function buildRoutingTable(
  scenario: { id: number | null; name: string; definition: WhatIfRequest },
  workloads: readonly ExportWorkload[],
): RoutingTable {
  const match = ruleMatcher(scenario.definition.rules);
  const picked: { w: ExportWorkload; rule: WhatIfRule; model: ModelRef }[] = [];
  for (const w of [...workloads].sort((a, b) => a.slug.localeCompare(b.slug))) {
    const index = match({
      day: scenario.definition.from,
      workloadSlug: w.slug,
      teamSlug: w.teamSlug,
      taskClass: w.taskClass,
      provider: w.currentModel?.provider ?? "",
      model: w.currentModel?.model ?? "",
      calls: 1,
      inputTokens: 0,
      cachedInputTokens: 0,
      cacheWriteTokens: 0,
      outputTokens: 0,
      baselineCostNanos: null,
    });
    if (index < 0) continue;
    const rule = scenario.definition.rules[index];
    if (!hasLever(rule)) continue;
    const model = rule.reroute ?? w.currentModel;
    if (!model) continue;
    picked.push({ w, rule, model: { provider: model.provider, model: model.model } });
  }
  const totalCalls = picked.reduce((s, p) => s + p.w.calls, 0);
  return {
    scenario: { id: scenario.id, name: scenario.name, from: scenario.definition.from, to: scenario.definition.to },
    routes: picked.map(({ w, rule, model }) => ({
      workload: w.slug,
      team: w.teamSlug,
      currentModel: w.currentModel,
      model,
      escalation: rule.escalation
        ? {
            provider: rule.escalation.provider,
            model: rule.escalation.model,
            mode: rule.escalation.mode,
            rate: rule.escalation.rate ?? null,
            tokenShare: rule.escalation.tokenShare,
          }
        : null,
      batchShare: rule.batchShare,
      cachedShare: rule.cachedShare,
      outputFactor: rule.outputFactor,
      expectedShare: totalCalls === 0 ? 0 : Math.round((w.calls / totalCalls) * 1e6) / 1e6,
    })),
  };
}

/**
 * The routing table as a scenario again: one rule per routed workload (select: that workload). This is what an
 * imported gateway config means to Rightsize; re-resolving it gives the same routing table (the round trip).
 */
export function routingTableToScenario(table: RoutingTable): WhatIfRequest {
  return {
    from: table.scenario.from,
    to: table.scenario.to,
    rules: table.routes.map((r) => ({
      select: { workloads: [r.workload] },
      reroute: { provider: r.model.provider, model: r.model.model },
      ...(r.escalation
        ? {
            escalation: {
              provider: r.escalation.provider,
              model: r.escalation.model,
              mode: r.escalation.mode,
              ...(r.escalation.rate === null ? {} : { rate: r.escalation.rate }),
              tokenShare: r.escalation.tokenShare,
            },
          }
        : {}),
      batchShare: r.batchShare,
      cachedShare: r.cachedShare,
      outputFactor: r.outputFactor,
    })),
  };
}

/** What no gateway can do for a route, in words (header comments of every format). */
export function inexpressible(table: RoutingTable): string[] {
  const notes: string[] = [];
  for (const r of table.routes) {
    if (r.escalation) {
      const share = r.escalation.rate === null ? "the replayed failure share" : `${pct(r.escalation.rate)} of calls`;
      notes.push(
        `${r.workload}: escalation to ${r.escalation.model} on ${share} is quality-based; gateway fallbacks fire on errors only, so the application's own quality check must re-send those calls to the escalation model.`,
      );
    }
    if (r.batchShare > 0) notes.push(`${r.workload}: send ${pct(r.batchShare)} of calls through the provider's Batch API (asynchronous, not a gateway route).`);
    if (r.cachedShare !== null) notes.push(`${r.workload}: raise the cached share of input to ${pct(r.cachedShare)} with a stable prompt prefix (provider prompt caching).`);
    if (r.outputFactor !== 1) notes.push(`${r.workload}: output expected at x${r.outputFactor} of today's tokens per call (prompt or max_tokens change).`);
  }
  return notes;
}

export function pct(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

export function modelKey(m: ModelRef): string {
  return `${m.provider}/${m.model}`;
}

/** "openai/gpt-5" -> { provider, model } (the first slash separates them). */
export function parseModelKey(key: string, what: string): ModelRef {
  const i = key.indexOf("/");
  if (i <= 0 || i === key.length - 1) throw new Error(`${what}: "${key}" is not provider/model`);
  return { provider: key.slice(0, i), model: key.slice(i + 1) };
}
