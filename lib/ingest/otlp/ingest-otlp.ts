import "server-only";
import type { NextRequest } from "next/server";
import { resolvePrincipal } from "@/lib/api/with-auth";
import { can } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { decodeOtlpJson, decodeOtlpProtobuf, OtlpDecodeError, otlpToEvents, type OtlpTraceRequest } from "../sources/otlp";
import { IngestSession } from "../ingest-session";
import { pool } from "@/lib/db/pool";
import { ingestCatalog } from "../store/ingest-catalog";
import { streamKey } from "../store/batch-record";
import { maxRequestBytes } from "../limits";
import { readBodyBuffer } from "../http/request-body";
import { callerContext } from "../http/ingest-events";
import { otlpFailure, otlpSuccess, type OtlpEncoding } from "./otlp-response";
import { checkOtlpCaps } from "./otlp-caps";

/** How many rejected spans the partial-success message names (it counts them all). */
const NAMED_ERRORS = 10;

/**
 * POST /api/otlp/v1/traces (OTEL_EXPORTER_OTLP_ENDPOINT = <app>/api/otlp): OTLP/HTTP trace export, protobuf or
 * JSON, gzip or not, authenticated by `Authorization: Bearer <ingest key>` (OTEL_EXPORTER_OTLP_HEADERS). GenAI
 * spans become usage events in one transaction; other spans are skipped; refused spans are counted in
 * partialSuccess with the first reasons. Errors answer with google.rpc.Status in the request's encoding.
 */
export async function ingestOtlpTraces(req: NextRequest, now = new Date()): Promise<Response> {
  const contentType = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const encoding: OtlpEncoding | null = contentType === "application/x-protobuf" ? "protobuf" : contentType === "application/json" ? "json" : null;
  if (encoding === null) return otlpFailure("json", 415, `Content-Type must be application/x-protobuf or application/json, got "${contentType}"`);
  try {
    const principal = await resolvePrincipal(req);
    if (!principal) return otlpFailure(encoding, 401, "send an ingest API key: OTEL_EXPORTER_OTLP_HEADERS=\"Authorization=Bearer <key>\"");
    if (!can(principal, "ingest")) return otlpFailure(encoding, 403, 'this key lacks the "ingest" scope');
    const body = await readBodyBuffer(req, maxRequestBytes());
    let request: OtlpTraceRequest;
    try {
      request = encoding === "json" ? decodeOtlpJson(JSON.parse(body.toString("utf8"))) : decodeOtlpProtobuf(body);
    } catch (error) {
      if (error instanceof OtlpDecodeError || error instanceof SyntaxError) return otlpFailure(encoding, 400, `cannot decode the request: ${error.message}`);
      throw error;
    }
    checkOtlpCaps(request);
    // Read once for both: the promoted keys decide which span attributes are kept.
    const catalog = await ingestCatalog(pool());
    const batch = otlpToEvents(request, now, { dimensionKeys: catalog.promotedKeys });
    const ordinals = spanOrdinals(request);
    const session = await IngestSession.open(
      { source: "otlp", format: encoding === "json" ? "otlp-json" : "otlp-protobuf", ...callerContext(principal), streamKey: streamKey("otlp", principal, now) },
      pool(),
      catalog,
    );
    for (const r of batch.rejected) session.reject(r);
    session.skipAll(batch.skipReasons);
    for (const event of batch.events) {
      const waiting = session.add(event, ordinals.get(event.externalId) ?? -1); // a promise only when it must wait
      if (waiting) await waiting;
    }
    const summary = await session.finish();
    const named = summary.errors.slice(0, NAMED_ERRORS).map((e) => `span[${e.index}] ${e.field}: ${e.message}`);
    const more = summary.rejected > named.length ? `; and ${summary.rejected - named.length} more` : "";
    return otlpSuccess(encoding, summary.rejected, summary.rejected > 0 ? `${summary.rejected} span(s) rejected: ${named.join("; ")}${more}` : "");
  } catch (error) {
    if (error instanceof AppError) return otlpFailure(encoding, error.status, error.message);
    console.error("OTLP ingestion failed", error);
    return otlpFailure(encoding, 500, "internal error");
  }
}

/** traceId+spanId -> 0-based position of the span in the request (how otlpToEvents numbers rejections). */
function spanOrdinals(request: OtlpTraceRequest): Map<string, number> {
  const out = new Map<string, number>();
  let ordinal = 0;
  for (const rs of request.resourceSpans) for (const ss of rs.scopeSpans) for (const span of ss.spans) out.set(span.traceId + span.spanId, ordinal++);
  return out;
}
