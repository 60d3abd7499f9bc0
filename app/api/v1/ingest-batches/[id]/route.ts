import { withAuth } from "@/lib/api/with-auth";
import { idParam } from "@/lib/api/read-json";
import { getIngestBatch } from "@/lib/ingest/queries/ingest-batches";

export const dynamic = "force-dynamic";

// GET /api/v1/ingest-batches/:id - one import with its rejected records (line, field, reason)
export const GET = withAuth("ingest", async ({ principal, params }) => Response.json(await getIngestBatch(principal, idParam(params.id))));
