import { withAuth } from "@/lib/api/with-auth";
import { idParam, readJson } from "@/lib/api/read-json";
import { PriceOverrideInputSchema } from "@/lib/pricing/override-schema";
import { deletePriceOverride, updatePriceOverride } from "@/lib/pricing/overrides-admin";
import { withRecommendationNote } from "@/lib/recommendations/price-change-note";

export const dynamic = "force-dynamic";

// PUT /api/v1/price-overrides/:id - replace a price; events from the earlier valid-from on are re-priced
export const PUT = withAuth("manage_settings", async ({ req, principal, params }) => {
  const input = await readJson(req, PriceOverrideInputSchema);
  return Response.json(await withRecommendationNote(input, () => updatePriceOverride(idParam(params.id), input, { label: principal.label })));
});

// DELETE /api/v1/price-overrides/:id - remove a price; its events get the catalogue price (or none) back
export const DELETE = withAuth("manage_settings", async ({ principal, params }) =>
  Response.json(await deletePriceOverride(idParam(params.id), { label: principal.label })),
);
