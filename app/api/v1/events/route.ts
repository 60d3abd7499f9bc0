import { withAuth } from "@/lib/api/with-auth";
import { maxRequestBytes } from "@/lib/ingest/limits";
import { requestBody } from "@/lib/ingest/http/request-body";
import { ingestEventsBody } from "@/lib/ingest/http/ingest-events";

export const dynamic = "force-dynamic";

// POST /api/v1/events - store usage events (JSON object, JSON array or NDJSON); bad events are reported, good ones kept
export const POST = withAuth("ingest", async ({ req, principal }) => {
  const body = requestBody(req, { limit: maxRequestBytes() });
  return Response.json(await ingestEventsBody(body, req.headers.get("content-type"), principal));
});
