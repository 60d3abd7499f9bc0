import { withAuth } from "@/lib/api/with-auth";
import { idParam, readJson } from "@/lib/api/read-json";
import { ScenarioInputSchema } from "@/lib/scenarios/scenario-schema";
import { deleteScenario, getScenario, updateScenario } from "@/lib/scenarios/scenario-store";

export const dynamic = "force-dynamic";

// GET /api/v1/scenarios/:id - one saved scenario
export const GET = withAuth("read", async ({ principal, params }) => Response.json(await getScenario(principal, idParam(params.id))));

// PUT /api/v1/scenarios/:id - rename or redefine (author or admin)
export const PUT = withAuth("read", async ({ req, principal, params }) => {
  const input = await readJson(req, ScenarioInputSchema);
  return Response.json(await updateScenario(principal, idParam(params.id), input));
});

// DELETE /api/v1/scenarios/:id - delete (author or admin)
export const DELETE = withAuth("read", async ({ principal, params }) => {
  await deleteScenario(principal, idParam(params.id));
  return new Response(null, { status: 204 });
});
