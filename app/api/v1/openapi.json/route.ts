import { openApiDocument } from "@/lib/api/openapi/document";

// GET /api/v1/openapi.json - the OpenAPI 3.1 description of the public API (public, like any API reference).
export function GET(req: Request) {
  return Response.json(openApiDocument(new URL(req.url).origin));
}
