import { withAuth } from "@/lib/api/with-auth";
import { idParam, readJson } from "@/lib/api/read-json";
import { PatchRolloutSchema } from "@/lib/rollouts/rollout-schema";
import { getRolloutDetail } from "@/lib/rollouts/server/rollout-detail";
import { patchRollout } from "@/lib/rollouts/server/rollout-store";

export const dynamic = "force-dynamic";

// GET /api/v1/rollouts/:id - realised savings per day and in total, against the counterfactual and the prediction
export const GET = withAuth("read", async ({ principal, params }) => Response.json(await getRolloutDetail(principal, idParam(params.id))));

// PATCH /api/v1/rollouts/:id - confirm (status applied) or dismiss a proposal, link a scenario, move appliedFrom
export const PATCH = withAuth("edit_workloads", async ({ req, principal, params }) => {
  const id = idParam(params.id);
  const patch = await readJson(req, PatchRolloutSchema);
  await patchRollout(principal, id, patch);
  return Response.json(await getRolloutDetail(principal, id));
});
