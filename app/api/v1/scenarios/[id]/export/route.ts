import { withAuth } from "@/lib/api/with-auth";
import { idParam } from "@/lib/api/read-json";
import { parseParams } from "@/lib/analytics/parse-params";
import { ExportQuerySchema } from "@/lib/routing-export/export-schema";
import { exportScenario } from "@/lib/routing-export/server/export-scenario";

export const dynamic = "force-dynamic";

// GET /api/v1/scenarios/:id/export?format=litellm|portkey|openrouter|json - the scenario as gateway routing config
export const GET = withAuth("read", async ({ req, principal, params }) => {
  const id = idParam(params.id);
  const { format } = parseParams(ExportQuerySchema, req.nextUrl.searchParams);
  const out = await exportScenario(principal, id, format);
  return new Response(out.body, {
    headers: { "content-type": out.contentType, "content-disposition": `attachment; filename="${out.filename}"`, "cache-control": "no-store" },
  });
});
