import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { reorderRules } from "@/lib/attribution/change-rules";
import { ReorderSchema } from "@/lib/attribution/rule-schema";

export const dynamic = "force-dynamic";

// PUT /api/v1/attribution-rules/order - set the evaluation order (first match wins) and re-attribute history
export const PUT = withAuth("manage_settings", async ({ req, principal }) => {
  const { ids } = await readJson(req, ReorderSchema);
  return Response.json(await reorderRules(ids, `user:${principal.label}`));
});
