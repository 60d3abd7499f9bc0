import { AppError } from "@/lib/errors";
import type { OtlpTraceRequest } from "../sources/otlp-model";

/**
 * Per-request caps of OTLP trace exports, on top of the byte limit (RIGHTSIZE_MAX_REQUEST_MB): a small body can
 * still decode into a huge number of tiny spans or attributes, each a JS object, and one request lands in one
 * transaction. OpenTelemetry SDKs export at most 512 spans per batch by default (BatchSpanProcessor
 * maxExportBatchSize) with at most 128 attributes per span, so these caps sit far above any real exporter.
 * A request over a cap is refused whole (413), nothing stored.
 */
export const MAX_OTLP_SPANS = 20_000;
export const MAX_OTLP_ATTRIBUTES = 400_000;

export function checkOtlpCaps(request: OtlpTraceRequest): void {
  let spans = 0;
  let attributes = 0;
  for (const rs of request.resourceSpans) {
    attributes += rs.resourceAttributes.size;
    for (const ss of rs.scopeSpans) {
      spans += ss.spans.length;
      for (const span of ss.spans) attributes += span.attributes.size;
    }
  }
  if (spans > MAX_OTLP_SPANS) {
    throw new AppError("payload_too_large", `the request holds ${spans} spans; at most ${MAX_OTLP_SPANS} per request (send smaller batches)`);
  }
  if (attributes > MAX_OTLP_ATTRIBUTES) {
    throw new AppError("payload_too_large", `the request holds ${attributes} attributes; at most ${MAX_OTLP_ATTRIBUTES} per request (send smaller batches)`);
  }
}
