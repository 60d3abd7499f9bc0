import { withAuth } from "@/lib/api/with-auth";
import { DetectQuerySchema } from "@/lib/ingest/api-schemas";
import { detectRequestBody } from "@/lib/ingest/import/import-request";

export const dynamic = "force-dynamic";

// POST /api/v1/imports/detect?filename= - which format a file is, from its first bytes (the body; 64 KiB is enough)
export const POST = withAuth("ingest", async ({ req }) => {
  const { filename } = DetectQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  return Response.json(await detectRequestBody(req, filename));
});
