import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { PriceOverrideInputSchema } from "@/lib/pricing/override-schema";
import { createPriceOverride, listPriceOverrides } from "@/lib/pricing/overrides-admin";
import { withRecommendationNote } from "@/lib/recommendations/price-change-note";
import { cataloguePriceAt } from "@/lib/pricing/catalogue-price";

export const dynamic = "force-dynamic";

// GET /api/v1/price-overrides - negotiated and custom prices (administrators and finance only), each with the
// catalogue price in force today that it replaces
export const GET = withAuth("read_prices", async () => {
  const now = new Date();
  const overrides = await listPriceOverrides();
  return Response.json({ overrides: overrides.map((o) => ({ ...o, catalogue: cataloguePriceAt(o.provider, o.model, now) })) });
});

// POST /api/v1/price-overrides - add a price; stored events it covers are re-priced in the same transaction, and
// the change's effect on recommendations is noted (GET /api/v1/recommendations/notes)
export const POST = withAuth("manage_settings", async ({ req, principal }) => {
  const input = await readJson(req, PriceOverrideInputSchema);
  const change = await withRecommendationNote(input, () => createPriceOverride(input, { label: principal.label, userId: principal.kind === "user" ? principal.id : null }));
  return Response.json(change, { status: 201 });
});
