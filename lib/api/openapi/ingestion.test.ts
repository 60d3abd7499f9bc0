import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

describe("OpenAPI: ingestion and pricing routes", () => {
  it("documents every ingestion and pricing route with its request and answer", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> }>> };
    for (const [path, methods] of Object.entries({
      "/api/v1/events": ["post"],
      "/api/v1/imports": ["post"],
      "/api/v1/imports/detect": ["post"],
      "/api/v1/ingest-batches": ["get"],
      "/api/v1/ingest-batches/{id}": ["get"],
      "/api/v1/unpriced-models": ["get"],
      "/api/v1/price-overrides": ["get", "post"],
      "/api/v1/price-overrides/{id}": ["put", "delete"],
    })) {
      for (const method of methods) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const events = doc.paths["/api/v1/events"].post;
    expect(Object.keys(events.requestBody!.content)).toEqual(["application/json", "application/x-ndjson"]);
    expect(JSON.stringify(events.responses["200"])).toContain("duplicates");
  });
});
