import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { TASK_CLASSES } from "@/lib/classify/task-class";
import { pool } from "@/lib/db/pool";
import { catalogueModels, defaultTier, normalizeProvider } from "@/lib/pricing";
import { loadPriceOverrides } from "@/lib/pricing/overrides-store";
import { defaultWindow } from "../window";
import { loadDims } from "./dimensions";

export interface WhatIfOptions {
  window: { from: string; to: string };
  workloads: {
    slug: string; name: string; team: string | null; taskClass: string | null; taskClassConfirmed: boolean;
    qualityFloor: number; latencyTolerant: boolean; evalSet: string | null;
  }[];
  teams: { slug: string; name: string }[];
  taskClasses: readonly string[];
  /** Models seen in traffic (selectable). */
  models: { provider: string; model: string; tier: string | null }[];
  /** Models a rule may reroute or escalate to: the price catalogue's chat models plus price overrides. */
  targets: { provider: string; model: string; name: string; tier: string | null; inputPerMtok: string; outputPerMtok: string; source: "catalogue" | "override" }[];
}

/**
 * What the rule builder offers, scoped to the caller: their workloads and teams, the models seen, and the
 * reroute targets. The target list is built here, server side: the price catalogue is too big for the browser.
 */
export async function whatIfOptions(principal: Pick<Principal, "teamIds">, now = new Date()): Promise<WhatIfOptions> {
  const [dims, overrides] = await Promise.all([loadDims(principal), loadPriceOverrides(pool())]);
  const targets: WhatIfOptions["targets"] = catalogueModels(now).map((m) => ({
    provider: m.provider, model: m.model, name: m.name, tier: defaultTier(m.provider, m.model, overrides, now),
    inputPerMtok: m.inputPerMtok, outputPerMtok: m.outputPerMtok, source: "catalogue",
  }));
  const known = new Set(targets.map((t) => `${t.provider}/${t.model.toLowerCase()}`));
  for (const o of overrides) {
    const provider = normalizeProvider(o.provider, o.model);
    const key = `${provider}/${o.model.toLowerCase()}`;
    if (known.has(key)) continue;
    known.add(key);
    targets.push({
      provider, model: o.model, name: o.model, tier: defaultTier(provider, o.model, overrides, now),
      inputPerMtok: o.inputPerMtok, outputPerMtok: o.outputPerMtok, source: "override",
    });
  }
  return {
    window: defaultWindow(now),
    workloads: [...dims.workloads.values()]
      .filter((w) => w.visible)
      .map((w) => ({
        slug: w.slug, name: w.name, team: w.teamSlug, taskClass: w.taskClass, taskClassConfirmed: w.taskClassConfirmed,
        qualityFloor: w.qualityFloor, latencyTolerant: w.latencyTolerant, evalSet: w.evalSetName,
      })),
    teams: [...dims.teams.values()].filter((t) => t.visible).map((t) => ({ slug: t.slug, name: t.name })),
    taskClasses: TASK_CLASSES,
    models: [...dims.models.values()].map((m) => ({ provider: m.provider, model: m.name, tier: m.tier })),
    targets: targets.sort((a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model)),
  };
}
