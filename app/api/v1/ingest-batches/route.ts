import { withAuth } from "@/lib/api/with-auth";
import { IngestBatchQuerySchema } from "@/lib/ingest/api-schemas";
import { listIngestBatches } from "@/lib/ingest/queries/ingest-batches";

export const dynamic = "force-dynamic";

// GET /api/v1/ingest-batches?limit=&kind= - recent imports and hourly API/OTLP traffic, with accepted/duplicates/rejected
export const GET = withAuth("ingest", async ({ req, principal }) => {
  const query = IngestBatchQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  return Response.json({ batches: await listIngestBatches(principal, query) });
});
