import { withAuth } from "@/lib/api/with-auth";
import { ImportQuerySchema } from "@/lib/ingest/api-schemas";
import { importRequestBody } from "@/lib/ingest/import/import-request";

export const dynamic = "force-dynamic";

// POST /api/v1/imports?format=&filename= - import a file sent as the request body (streamed; any size up to the import limit)
export const POST = withAuth("ingest", async ({ req, principal }) => {
  const query = ImportQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  return Response.json(await importRequestBody(req, query, principal));
});
