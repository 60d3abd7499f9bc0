import { withAuth } from "@/lib/api/with-auth";
import { readJson } from "@/lib/api/read-json";
import { ClassificationPatchSchema } from "@/lib/classify/classification-schema";
import { getClassification, patchClassification } from "@/lib/classify/workload-classification";

export const dynamic = "force-dynamic";

const slugOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : (v ?? ""));

// GET /api/v1/workloads/:slug/classification - task class, suggestion with reasons, floor, latency, eval set link
export const GET = withAuth("read", async ({ principal, params }) => Response.json(await getClassification(principal, slugOf(params.slug))));

// PATCH /api/v1/workloads/:slug/classification - owner confirms/changes class, floor, latency tolerance, eval link
export const PATCH = withAuth("edit_workloads", async ({ req, principal, params }) => {
  const patch = await readJson(req, ClassificationPatchSchema);
  return Response.json(await patchClassification(principal, slugOf(params.slug), patch, `user:${principal.label}`));
});
