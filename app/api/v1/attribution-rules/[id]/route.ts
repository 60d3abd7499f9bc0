import { withAuth } from "@/lib/api/with-auth";
import { idParam, readJson } from "@/lib/api/read-json";
import { changeRule, removeRule } from "@/lib/attribution/change-rules";
import { RuleInputSchema } from "@/lib/attribution/rule-schema";

export const dynamic = "force-dynamic";

// PUT /api/v1/attribution-rules/:id - replace a rule and re-attribute history
export const PUT = withAuth("manage_settings", async ({ req, principal, params }) => {
  const id = idParam(params.id);
  const input = await readJson(req, RuleInputSchema);
  return Response.json(await changeRule(id, input, `user:${principal.label}`));
});

// DELETE /api/v1/attribution-rules/:id - delete a rule and re-attribute history without it
export const DELETE = withAuth("manage_settings", async ({ principal, params }) => {
  return Response.json(await removeRule(idParam(params.id), `user:${principal.label}`));
});
