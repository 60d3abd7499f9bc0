/**
 * One in-memory shape for an OTLP ExportTraceServiceRequest, whichever wire format it came in
 * (OTLP/JSON or protobuf). Both decoders produce exactly this, so otlpToEvents has a single code path and
 * the tests can check that both encodings of the same spans give the same events.
 *
 * Only what usage accounting needs is kept: ids, name, kind, times, attributes, status. Events and links
 * are dropped while decoding.
 */

/**
 * An attribute whose wire value is malformed (e.g. intValue "12x"). Kept instead of failing the request so
 * that only a span that *needs* the value (a gen_ai token count) is rejected, naming the attribute.
 */
export class InvalidAttributeValue {
  constructor(readonly reason: string) {}
}

export type OtlpAttributeValue =
  | string
  | number
  | bigint
  | boolean
  | Uint8Array
  | null
  | InvalidAttributeValue
  | OtlpAttributeValue[]
  | { [key: string]: OtlpAttributeValue };

/** Attributes keyed by name. A Map, because attribute keys are arbitrary text ("__proto__" included). */
export type OtlpAttributes = Map<string, OtlpAttributeValue>;

export const SPAN_KIND_NAMES = ["unspecified", "internal", "server", "client", "producer", "consumer"] as const;
export const STATUS_CODE_UNSET = 0;
export const STATUS_CODE_OK = 1;
export const STATUS_CODE_ERROR = 2;

export interface OtlpSpan {
  /** Lower-case hex, 32 characters for a valid id; "" when absent. */
  traceId: string;
  /** Lower-case hex, 16 characters for a valid id; "" when absent. */
  spanId: string;
  name: string;
  kind: number;
  /** Nanoseconds since the Unix epoch; null when absent or zero. */
  startTimeUnixNano: bigint | null;
  endTimeUnixNano: bigint | null;
  attributes: OtlpAttributes;
  statusCode: number;
  statusMessage: string;
  /** A structural problem found while decoding this span (bad id encoding, bad timestamp). */
  problem: { field: string; message: string } | null;
}

export interface OtlpScopeSpans {
  scopeName: string;
  scopeVersion: string;
  spans: OtlpSpan[];
}

export interface OtlpResourceSpans {
  resourceAttributes: OtlpAttributes;
  scopeSpans: OtlpScopeSpans[];
}

export interface OtlpTraceRequest {
  resourceSpans: OtlpResourceSpans[];
}

/** The request as a whole cannot be read (not OTLP, truncated protobuf): answer 400, nothing ingested. */
export class OtlpDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OtlpDecodeError";
  }
}
