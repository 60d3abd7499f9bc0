/**
 * OTLP/HTTP answers (opentelemetry-proto collector/trace/v1 and the OTLP spec): the response is encoded like the
 * request, protobuf for application/x-protobuf and JSON for application/json.
 * - success: ExportTraceServiceResponse, with `partial_success` { rejected_spans, error_message } set only when
 *   some spans were refused (field numbers 1 and 1/2, as in trace_service.proto);
 * - failure: google.rpc.Status { code = 1, message = 2 }.
 * Hand-encoded: two tiny messages do not need a protobuf runtime on the answer path.
 */
export type OtlpEncoding = "protobuf" | "json";

export function otlpSuccess(encoding: OtlpEncoding, rejectedSpans: number, errorMessage: string): Response {
  if (encoding === "json") {
    // proto3 JSON maps int64 to a decimal string.
    const body = rejectedSpans > 0 ? { partialSuccess: { rejectedSpans: String(rejectedSpans), errorMessage } } : {};
    return Response.json(body);
  }
  const bytes = rejectedSpans > 0 ? lengthDelimited(1, concat(varintField(1, rejectedSpans), stringField(2, errorMessage))) : new Uint8Array(0);
  return protobufResponse(bytes, 200);
}

/** gRPC status codes used here: 3 INVALID_ARGUMENT, 7 PERMISSION_DENIED, 16 UNAUTHENTICATED, 13 INTERNAL... */
export function otlpFailure(encoding: OtlpEncoding, httpStatus: number, message: string): Response {
  const code = GRPC_CODE[httpStatus] ?? 2;
  if (encoding === "json") return Response.json({ code, message }, { status: httpStatus });
  return protobufResponse(concat(varintField(1, code), stringField(2, message)), httpStatus);
}

const GRPC_CODE: Record<number, number> = { 400: 3, 401: 16, 403: 7, 404: 5, 413: 8, 415: 3, 429: 8, 500: 13, 503: 14 };

function protobufResponse(bytes: Uint8Array, status: number): Response {
  return new Response(bytes as BodyInit, { status, headers: { "content-type": "application/x-protobuf" } });
}

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

function varintField(field: number, value: number): Uint8Array {
  return Uint8Array.from([...varint(field << 3), ...varint(value)]);
}

function lengthDelimited(field: number, payload: Uint8Array): Uint8Array {
  return concat(Uint8Array.from([...varint((field << 3) | 2), ...varint(payload.length)]), payload);
}

function stringField(field: number, text: string): Uint8Array {
  return text === "" ? new Uint8Array(0) : lengthDelimited(field, new TextEncoder().encode(text));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
