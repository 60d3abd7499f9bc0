import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { parseParams } from "@/lib/analytics/parse-params";
import { CreateRolloutSchema, RolloutListQuerySchema } from "@/lib/rollouts/rollout-schema";
import { createRollout, listRollouts } from "@/lib/rollouts/server/rollout-store";
import { toRolloutOut } from "@/lib/rollouts/server/rollout-out";

export const dynamic = "force-dynamic";

// GET /api/v1/rollouts?status= - applied, proposed (detected) and dismissed rollouts the caller may see
export const GET = withAuth("read", async ({ req, principal }) => {
  const { status } = parseParams(RolloutListQuerySchema, req.nextUrl.searchParams);
  return Response.json({ rollouts: (await listRollouts(principal, status)).map(toRolloutOut) });
});

// POST /api/v1/rollouts - mark a scenario applied from a day {scenarioId, appliedFrom, workloads?}
export const POST = withAuth("edit_workloads", async ({ req, principal }) => {
  const input = await readJson(req, CreateRolloutSchema);
  return Response.json(toRolloutOut(await createRollout(principal, input)), { status: 201 });
});
