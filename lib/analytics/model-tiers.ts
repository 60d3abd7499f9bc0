import "server-only";
import { pool } from "@/lib/db/pool";
import { defaultTier } from "@/lib/pricing";
import { loadPriceOverrides } from "@/lib/pricing/overrides-store";
import { audit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import type { ModelOut, ModelTierPatch } from "./model-tiers-schema";

interface ModelRow {
  id: number;
  provider: string;
  name: string;
  tier: ModelOut["tier"];
  tier_source: ModelOut["tierSource"];
  unpriced: boolean;
  first_seen: Date;
}

/**
 * Model tiers (frontier / mid / small). Ingestion defaults a new model's tier from its list price
 * (lib/pricing/tier.ts); an admin can pin another tier ("manual") or go back to the default. Every view reads
 * the tier through a join at query time, so a change shows everywhere at once without touching the roll-ups.
 */
export async function listModels(): Promise<ModelOut[]> {
  const [rows, overrides] = await Promise.all([
    pool().query<ModelRow>("SELECT id, provider, name, tier, tier_source, unpriced, first_seen FROM models ORDER BY provider, name"),
    loadPriceOverrides(pool()),
  ]);
  return rows.rows.map((m) => toModel(m, defaultTier(m.provider, m.name, overrides)));
}

export async function setModelTier(id: number, patch: ModelTierPatch, actor: string): Promise<ModelOut> {
  const current = await pool().query<ModelRow>("SELECT id, provider, name, tier, tier_source, unpriced, first_seen FROM models WHERE id = $1", [id]);
  const model = current.rows[0];
  if (!model) throw notFound(`model ${id}`);
  const fallback = defaultTier(model.provider, model.name, await loadPriceOverrides(pool()));
  const manual = patch.tier !== "default";
  const tier = manual ? patch.tier : fallback;
  const updated = await pool().query<ModelRow>(
    "UPDATE models SET tier = $2, tier_source = $3 WHERE id = $1 RETURNING id, provider, name, tier, tier_source, unpriced, first_seen",
    [id, tier, manual ? "manual" : "default"],
  );
  await audit(actor, "model_tier_changed", `${model.provider}/${model.name}`, { from: model.tier, to: tier, source: manual ? "manual" : "default" });
  return toModel(updated.rows[0], fallback);
}

function toModel(m: ModelRow, fallback: ModelOut["defaultTier"]): ModelOut {
  return {
    id: m.id,
    provider: m.provider,
    name: m.name,
    key: `${m.provider}/${m.name}`,
    tier: m.tier,
    tierSource: m.tier_source,
    defaultTier: fallback,
    unpriced: m.unpriced,
    firstSeen: m.first_seen.toISOString(),
  };
}
