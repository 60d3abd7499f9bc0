import { withAuth } from "@/lib/api/with-auth";
import { idParam, readJson } from "@/lib/api/read-json";
import { setModelTier } from "@/lib/analytics/model-tiers";
import { ModelTierPatchSchema } from "@/lib/analytics/model-tiers-schema";

export const dynamic = "force-dynamic";

// PATCH /api/v1/models/:id - set a model's tier (frontier, mid, small) or go back to the price-derived default
export const PATCH = withAuth("manage_settings", async ({ req, principal, params }) => {
  const patch = await readJson(req, ModelTierPatchSchema);
  return Response.json(await setModelTier(idParam(params.id), patch, `user:${principal.label}`));
});
