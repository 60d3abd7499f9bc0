import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { WorkloadVerdictQuerySchema } from "@/lib/recommendations/workload-verdict-schema";
import { workloadVerdict } from "@/lib/recommendations/workload-verdict";

export const dynamic = "force-dynamic";

const slugOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : (v ?? ""));

// GET /api/v1/workloads/:slug/recommendation - verdict (over-specified or not, why), recommendation, evidence, model switch
export const GET = withAuth("read", async ({ req, principal, params }) => {
  const slug = slugOf(params.slug);
  const query = parseParams(WorkloadVerdictQuerySchema, req.nextUrl.searchParams);
  return Response.json(await workloadVerdict(principal, slug, query));
});
