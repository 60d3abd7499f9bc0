import { withAuth } from "@/lib/api/with-auth";
import { CreateAllocationRuleSchema } from "@/lib/chargeback/chargeback-schema";
import { createAllocationRule, listAllocationRules } from "@/lib/chargeback/rule-store";
import { readJsonValue } from "@/lib/api/read-json";

export const dynamic = "force-dynamic";

// GET /api/v1/allocation-rules - how shared and unattributed spend is allocated to teams
export const GET = withAuth("read", async () => Response.json({ rules: await listAllocationRules() }));

// POST /api/v1/allocation-rules - {name, source, method, teams?, percentages?} (admin, finance)
export const POST = withAuth("manage_budgets", async ({ req, principal }) => {
  const input = CreateAllocationRuleSchema.parse(await readJsonValue(req));
  return Response.json(await createAllocationRule(input, `${principal.kind}:${principal.label}`), { status: 201 });
});
