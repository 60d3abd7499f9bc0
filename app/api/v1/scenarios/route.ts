import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { ScenarioInputSchema } from "@/lib/scenarios/scenario-schema";
import { createScenario, listScenarios } from "@/lib/scenarios/scenario-store";

export const dynamic = "force-dynamic";

// GET /api/v1/scenarios - saved what-if scenarios the caller may see, newest first
export const GET = withAuth("read", async ({ principal }) => Response.json({ scenarios: await listScenarios(principal) }));

// POST /api/v1/scenarios - save a named scenario (its definition is a POST /api/v1/whatif body)
export const POST = withAuth("read", async ({ req, principal }) => {
  const input = await readJson(req, ScenarioInputSchema);
  return Response.json(await createScenario(principal, input), { status: 201 });
});
