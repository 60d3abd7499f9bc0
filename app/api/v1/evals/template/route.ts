import { withAuth } from "@/lib/api/with-auth";
import { evalTemplateCsv } from "@/lib/evals/eval-template";

export const dynamic = "force-dynamic";

// GET /api/v1/evals/template - a CSV with the columns the eval import reads and three example rows
export const GET = withAuth("read", async () =>
  new Response(evalTemplateCsv(), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="rightsize-eval-template.csv"', "cache-control": "no-store" },
  }),
);
