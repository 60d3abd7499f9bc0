/**
 * The OTLP ExportTraceServiceRequest schema, and a decoder built on protobufjs from it: the reference the
 * production decoder (otlp-wire.ts, which reads the wire format directly, ~5x less CPU) is tested against, and the
 * encoder the tests and benchmarks build requests with.
 *
 * The message definitions below are the subset of opentelemetry-proto we read, copied field-for-field
 * (same names, numbers and types) from:
 *   opentelemetry/proto/common/v1/common.proto, resource/v1/resource.proto, trace/v1/trace.proto,
 *   collector/trace/v1/trace_service.proto.
 * Left out on purpose: Span.Event, Span.Link, entity refs and the profiles-only string-table value. protobuf
 * skips unknown fields, so requests carrying them still decode; leaving them out saves decoding work.
 */
import protobuf from "protobufjs";
import {
  OtlpDecodeError,
  type OtlpAttributes,
  type OtlpAttributeValue,
  type OtlpResourceSpans,
  type OtlpSpan,
  type OtlpTraceRequest,
} from "./otlp-model";

export const OTLP_TRACE_PROTO = `
syntax = "proto3";

package opentelemetry.proto.common.v1;

message AnyValue {
  oneof value {
    string string_value = 1;
    bool bool_value = 2;
    int64 int_value = 3;
    double double_value = 4;
    ArrayValue array_value = 5;
    KeyValueList kvlist_value = 6;
    bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue {
  string key = 1;
  AnyValue value = 2;
}
message InstrumentationScope {
  string name = 1;
  string version = 2;
  repeated KeyValue attributes = 3;
  uint32 dropped_attributes_count = 4;
}

package opentelemetry.proto.resource.v1;

message Resource {
  repeated opentelemetry.proto.common.v1.KeyValue attributes = 1;
  uint32 dropped_attributes_count = 2;
}

package opentelemetry.proto.trace.v1;

message ResourceSpans {
  opentelemetry.proto.resource.v1.Resource resource = 1;
  repeated ScopeSpans scope_spans = 2;
  string schema_url = 3;
}
message ScopeSpans {
  opentelemetry.proto.common.v1.InstrumentationScope scope = 1;
  repeated Span spans = 2;
  string schema_url = 3;
}
message Span {
  bytes trace_id = 1;
  bytes span_id = 2;
  string trace_state = 3;
  bytes parent_span_id = 4;
  fixed32 flags = 16;
  string name = 5;
  enum SpanKind {
    SPAN_KIND_UNSPECIFIED = 0;
    SPAN_KIND_INTERNAL = 1;
    SPAN_KIND_SERVER = 2;
    SPAN_KIND_CLIENT = 3;
    SPAN_KIND_PRODUCER = 4;
    SPAN_KIND_CONSUMER = 5;
  }
  SpanKind kind = 6;
  fixed64 start_time_unix_nano = 7;
  fixed64 end_time_unix_nano = 8;
  repeated opentelemetry.proto.common.v1.KeyValue attributes = 9;
  uint32 dropped_attributes_count = 10;
  uint32 dropped_events_count = 12;
  uint32 dropped_links_count = 14;
  Status status = 15;
}
message Status {
  reserved 1;
  string message = 2;
  enum StatusCode {
    STATUS_CODE_UNSET = 0;
    STATUS_CODE_OK = 1;
    STATUS_CODE_ERROR = 2;
  }
  StatusCode code = 3;
}

package opentelemetry.proto.collector.trace.v1;

message ExportTraceServiceRequest {
  repeated opentelemetry.proto.trace.v1.ResourceSpans resource_spans = 1;
}
`;

/**
 * protobufjs only honours one "package" per parse call, so each package's block is parsed separately into
 * one root (in dependency order) and then resolved.
 */
function buildRoot(): protobuf.Root {
  const root = new protobuf.Root();
  const blocks = OTLP_TRACE_PROTO.split(/\n(?=package )/).filter((b) => b.includes("package "));
  for (const block of blocks) protobuf.parse(`syntax = "proto3";\n${block}`, root, { keepCase: false });
  root.resolveAll();
  return root;
}

let requestType: protobuf.Type | null = null;

/** The ExportTraceServiceRequest type, built once on first use. */
export function exportTraceServiceRequestType(): protobuf.Type {
  requestType ??= buildRoot().lookupType("opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest");
  return requestType;
}

// Decoded protobufjs messages keep defaults on the prototype: own properties are exactly the fields that
// were on the wire, which is how presence is tested below.
const has = (obj: object, key: string) => Object.prototype.hasOwnProperty.call(obj, key);

interface PbKeyValue { key?: string; value?: PbAnyValue }
interface PbAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | protobuf.Long;
  doubleValue?: number;
  arrayValue?: { values?: PbAnyValue[] };
  kvlistValue?: { values?: PbKeyValue[] };
  bytesValue?: Uint8Array;
}
interface PbSpan {
  traceId?: Uint8Array;
  spanId?: Uint8Array;
  name?: string;
  kind?: number;
  startTimeUnixNano?: number | protobuf.Long;
  endTimeUnixNano?: number | protobuf.Long;
  attributes?: PbKeyValue[];
  status?: { message?: string; code?: number };
}
interface PbRequest {
  resourceSpans?: {
    resource?: { attributes?: PbKeyValue[] };
    scopeSpans?: { scope?: { name?: string; version?: string }; spans?: PbSpan[] }[];
  }[];
}

/** The reference decoding of an OTLP/HTTP protobuf body (tests). Throws OtlpDecodeError when the bytes are not such a message. */
export function decodeWithProtobufjs(buf: Uint8Array): OtlpTraceRequest {
  let message: PbRequest;
  try {
    message = exportTraceServiceRequestType().decode(buf) as unknown as PbRequest;
  } catch (error) {
    throw new OtlpDecodeError(`not a valid OTLP ExportTraceServiceRequest protobuf: ${(error as Error).message}`);
  }
  return { resourceSpans: (message.resourceSpans ?? []).map(convertResourceSpans) };
}

function convertResourceSpans(rs: NonNullable<PbRequest["resourceSpans"]>[number]): OtlpResourceSpans {
  return {
    resourceAttributes: convertAttributes(rs.resource?.attributes),
    scopeSpans: (rs.scopeSpans ?? []).map((ss) => ({
      scopeName: ss.scope?.name ?? "",
      scopeVersion: ss.scope?.version ?? "",
      spans: (ss.spans ?? []).map(convertSpan),
    })),
  };
}

function convertSpan(span: PbSpan): OtlpSpan {
  return {
    traceId: bytesToHex(span.traceId),
    spanId: bytesToHex(span.spanId),
    name: span.name ?? "",
    kind: span.kind ?? 0,
    startTimeUnixNano: nanos(span.startTimeUnixNano),
    endTimeUnixNano: nanos(span.endTimeUnixNano),
    attributes: convertAttributes(span.attributes),
    statusCode: span.status?.code ?? 0,
    statusMessage: span.status?.message ?? "",
    problem: null,
  };
}

function convertAttributes(list: PbKeyValue[] | undefined): OtlpAttributes {
  const out: OtlpAttributes = new Map();
  if (!list) return out;
  for (const kv of list) out.set(kv.key ?? "", convertValue(kv.value));
  return out;
}

function convertValue(v: PbAnyValue | undefined): OtlpAttributeValue {
  if (!v) return null;
  if (has(v, "stringValue")) return v.stringValue!;
  if (has(v, "intValue")) return int64(v.intValue!);
  if (has(v, "doubleValue")) return v.doubleValue!;
  if (has(v, "boolValue")) return v.boolValue!;
  if (has(v, "arrayValue")) return (v.arrayValue!.values ?? []).map(convertValue);
  if (has(v, "kvlistValue")) {
    const obj: { [key: string]: OtlpAttributeValue } = {};
    for (const kv of v.kvlistValue!.values ?? []) if (kv.key !== "__proto__") obj[kv.key ?? ""] = convertValue(kv.value);
    return obj;
  }
  if (has(v, "bytesValue")) return new Uint8Array(v.bytesValue!);
  return null;
}

const TWO_32 = 4_294_967_296;

/**
 * int64 attribute: a JS number when it fits exactly, else a bigint (never a silently rounded number).
 * Read from the Long's two 32-bit halves: Long.toString() (decimal digits by repeated division) measured as
 * the largest part of converting a span.
 */
function int64(value: number | protobuf.Long): OtlpAttributeValue {
  if (typeof value === "number") return value;
  const high = value.unsigned ? value.high >>> 0 : value.high;
  // |value| < 2^53 exactly when |high| < 2^21: then high * 2^32 + low is exact in a double.
  if (high >= -0x200000 && high < 0x200000) return high * TWO_32 + (value.low >>> 0);
  return longToBigInt(value);
}

function nanos(value: number | protobuf.Long | undefined): bigint | null {
  if (value === undefined) return null;
  const big = typeof value === "number" ? BigInt(Math.trunc(value)) : longToBigInt(value);
  return big === 0n ? null : big;
}

function longToBigInt(value: protobuf.Long): bigint {
  return (BigInt(value.unsigned ? value.high >>> 0 : value.high) << 32n) + BigInt(value.low >>> 0);
}

function bytesToHex(bytes: Uint8Array | undefined): string {
  if (!bytes || bytes.length === 0) return "";
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}
