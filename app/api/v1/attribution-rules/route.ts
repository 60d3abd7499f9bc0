import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { pool } from "@/lib/db/pool";
import { listRules } from "@/lib/attribution/rules-store";
import { createRule } from "@/lib/attribution/change-rules";
import { RuleInputSchema } from "@/lib/attribution/rule-schema";

export const dynamic = "force-dynamic";

// GET /api/v1/attribution-rules - the rules in evaluation order
export const GET = withAuth("manage_settings", async () => Response.json({ rules: await listRules(pool()) }));

// POST /api/v1/attribution-rules - add a rule and re-attribute history with it
export const POST = withAuth("manage_settings", async ({ req, principal }) => {
  const input = await readJson(req, RuleInputSchema);
  return Response.json(await createRule(input, `user:${principal.label}`), { status: 201 });
});
