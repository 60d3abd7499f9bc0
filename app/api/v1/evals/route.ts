import { withAuth } from "@/lib/api/with-auth";
import { parseParams } from "@/lib/analytics/parse-params";
import { readUpload } from "@/lib/evals/read-upload";
import { EvalImportQuerySchema } from "@/lib/evals/evals-schema";
import { importEvals } from "@/lib/evals/import-evals";
import { listEvalSets } from "@/lib/evals/list-eval-sets";
import { detectEvalFormat } from "@/lib/evals/parse-eval-file";

export const dynamic = "force-dynamic";

// GET /api/v1/evals - eval sets with each model's pass rate and the caller's workloads linked to them
export const GET = withAuth("read", async ({ principal }) => Response.json({ sets: await listEvalSets(principal) }));

// POST /api/v1/evals?set=NAME[&workload=W] - import eval results (CSV or JSON body), all or nothing
export const POST = withAuth("edit_workloads", async ({ req, principal }) => {
  const q = parseParams(EvalImportQuerySchema, req.nextUrl.searchParams);
  const text = await readUpload(req);
  const format = q.format ?? detectEvalFormat(text, req.headers.get("content-type"));
  const result = await importEvals({ text, format, set: q.set, workload: q.workload, threshold: q.threshold, actor: `user:${principal.label}` }, principal);
  return Response.json(result, { status: 201 });
});
