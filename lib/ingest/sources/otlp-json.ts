/**
 * OTLP/HTTP JSON (application/json) decoding of ExportTraceServiceRequest, following the OTLP spec's JSON
 * rules, which differ from plain proto3 JSON:
 * - field names are lowerCamelCase (resourceSpans, startTimeUnixNano); the proto names (resource_spans) are
 *   accepted too, as every proto3 JSON reader does;
 * - traceId/spanId are hex strings, not base64 (base64 of the right length is still accepted: some early
 *   exporters used the generic proto3 mapping);
 * - 64-bit integers (timeUnixNano, intValue) may be JSON strings or numbers;
 * - enums (kind, status.code) are integers; their names ("SPAN_KIND_CLIENT") are accepted too.
 *
 * A malformed envelope throws OtlpDecodeError (the request is not OTLP). A malformed span or attribute is
 * kept and marked, so one bad span is reported without losing the rest of the request.
 */
import {
  InvalidAttributeValue,
  OtlpDecodeError,
  type OtlpAttributes,
  type OtlpAttributeValue,
  type OtlpResourceSpans,
  type OtlpScopeSpans,
  type OtlpSpan,
  type OtlpTraceRequest,
} from "./otlp-model";
import { describeValue, isPlainObject } from "./values";

type Json = Record<string, unknown>;

/** Reads a member by its OTLP/JSON name, falling back to the proto field name. */
function member(obj: Json, camel: string, snake: string): unknown {
  const value = obj[camel];
  return value === undefined ? obj[snake] : value;
}

function list(obj: Json, camel: string, snake: string, path: string): unknown[] {
  const value = member(obj, camel, snake);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new OtlpDecodeError(`${path}.${camel} must be an array, got ${describeValue(value)}`);
  return value;
}

export function decodeOtlpJson(body: unknown): OtlpTraceRequest {
  if (!isPlainObject(body)) throw new OtlpDecodeError(`an OTLP trace request must be a JSON object, got ${describeValue(body)}`);
  const resourceSpans = list(body, "resourceSpans", "resource_spans", "request");
  return { resourceSpans: resourceSpans.map((rs, i) => decodeResourceSpans(rs, `resourceSpans[${i}]`)) };
}

function decodeResourceSpans(value: unknown, path: string): OtlpResourceSpans {
  if (!isPlainObject(value)) throw new OtlpDecodeError(`${path} must be an object, got ${describeValue(value)}`);
  const resource = value.resource;
  const resourceAttributes = isPlainObject(resource) ? decodeAttributes(resource.attributes) : new Map();
  const scopeSpans = list(value, "scopeSpans", "scope_spans", path).map((ss, i) => decodeScopeSpans(ss, `${path}.scopeSpans[${i}]`));
  return { resourceAttributes, scopeSpans };
}

function decodeScopeSpans(value: unknown, path: string): OtlpScopeSpans {
  if (!isPlainObject(value)) throw new OtlpDecodeError(`${path} must be an object, got ${describeValue(value)}`);
  const scope = isPlainObject(value.scope) ? value.scope : {};
  const spans = list(value, "spans", "spans", path).map((s, i) => decodeSpan(s, `${path}.spans[${i}]`));
  return {
    scopeName: typeof scope.name === "string" ? scope.name : "",
    scopeVersion: typeof scope.version === "string" ? scope.version : "",
    spans,
  };
}

const SPAN_KINDS: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
const STATUS_CODES: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

function decodeSpan(value: unknown, path: string): OtlpSpan {
  if (!isPlainObject(value)) throw new OtlpDecodeError(`${path} must be an object, got ${describeValue(value)}`);
  let problem: OtlpSpan["problem"] = null;
  const note = (field: string, message: string) => {
    problem ??= { field, message };
  };

  const traceId = decodeId(member(value, "traceId", "trace_id"), 16, "traceId", note);
  const spanId = decodeId(member(value, "spanId", "span_id"), 8, "spanId", note);
  const start = decodeNanos(member(value, "startTimeUnixNano", "start_time_unix_nano"), "startTimeUnixNano", note);
  const end = decodeNanos(member(value, "endTimeUnixNano", "end_time_unix_nano"), "endTimeUnixNano", note);
  const status = isPlainObject(value.status) ? value.status : {};
  return {
    traceId,
    spanId,
    name: typeof value.name === "string" ? value.name : "",
    kind: decodeEnum(value.kind, SPAN_KINDS),
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    attributes: decodeAttributes(value.attributes),
    statusCode: decodeEnum(status.code, STATUS_CODES),
    statusMessage: typeof status.message === "string" ? status.message : "",
    problem,
  };
}

function decodeEnum(value: unknown, names: Record<string, number>): number {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string") return names[value] ?? (/^\d+$/.test(value) ? Number(value) : 0);
  return 0;
}

const HEX = /^[0-9a-fA-F]*$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function decodeId(value: unknown, bytes: number, field: string, note: (f: string, m: string) => void): string {
  if (value === undefined || value === null || value === "") return "";
  if (typeof value !== "string") {
    note(field, `must be a hex string, got ${describeValue(value)}`);
    return "";
  }
  if (value.length === bytes * 2 && HEX.test(value)) return value.toLowerCase();
  if (BASE64.test(value)) {
    const decoded = Buffer.from(value, "base64");
    if (decoded.length === bytes) return decoded.toString("hex");
  }
  note(field, `must be ${bytes * 2} hex characters, got ${describeValue(value)}`);
  return "";
}

function decodeNanos(value: unknown, field: string, note: (f: string, m: string) => void): bigint | null {
  if (value === undefined || value === null) return null;
  let big: bigint | null = null;
  if (typeof value === "string" && /^\d{1,20}$/.test(value)) big = BigInt(value);
  else if (typeof value === "number" && Number.isFinite(value) && value >= 0) big = BigInt(Math.trunc(value));
  if (big === null) {
    note(field, `must be nanoseconds since the Unix epoch, got ${describeValue(value)}`);
    return null;
  }
  return big === 0n ? null : big;
}

function decodeAttributes(value: unknown): OtlpAttributes {
  const out: OtlpAttributes = new Map();
  if (!Array.isArray(value)) return out;
  for (const kv of value) {
    if (!isPlainObject(kv) || typeof kv.key !== "string") continue;
    out.set(kv.key, decodeValue(kv.value));
  }
  return out;
}

function decodeValue(value: unknown): OtlpAttributeValue {
  if (!isPlainObject(value)) return null;
  let v: unknown;
  if ((v = member(value, "stringValue", "string_value")) !== undefined) {
    return typeof v === "string" ? v : new InvalidAttributeValue(`stringValue must be a string, got ${describeValue(v)}`);
  }
  if ((v = member(value, "intValue", "int_value")) !== undefined) return decodeInt(v);
  if ((v = member(value, "doubleValue", "double_value")) !== undefined) {
    if (typeof v === "number") return v;
    // proto3 JSON writes non-finite doubles as strings; finite numbers may also arrive quoted.
    if (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) return Number(v);
    if (v === "NaN") return NaN;
    return new InvalidAttributeValue(`doubleValue must be a number, got ${describeValue(v)}`);
  }
  if ((v = member(value, "boolValue", "bool_value")) !== undefined) {
    return typeof v === "boolean" ? v : new InvalidAttributeValue(`boolValue must be true or false, got ${describeValue(v)}`);
  }
  if ((v = member(value, "arrayValue", "array_value")) !== undefined) {
    const values = isPlainObject(v) && Array.isArray(v.values) ? v.values : [];
    return values.map(decodeValue);
  }
  if ((v = member(value, "kvlistValue", "kvlist_value")) !== undefined) {
    const obj: { [key: string]: OtlpAttributeValue } = {};
    const values = isPlainObject(v) && Array.isArray(v.values) ? v.values : [];
    for (const kv of values) {
      if (isPlainObject(kv) && typeof kv.key === "string" && kv.key !== "__proto__") obj[kv.key] = decodeValue(kv.value);
    }
    return obj;
  }
  if ((v = member(value, "bytesValue", "bytes_value")) !== undefined) {
    return typeof v === "string" ? new Uint8Array(Buffer.from(v, "base64")) : new InvalidAttributeValue("bytesValue must be base64 text");
  }
  return null;
}

/** int64 as JSON string or number: a JS number when exact, a bigint beyond 2^53, else invalid. */
function decodeInt(v: unknown): OtlpAttributeValue {
  if (typeof v === "number") {
    return Number.isInteger(v) ? v : new InvalidAttributeValue(`intValue must be an integer, got ${describeValue(v)}`);
  }
  if (typeof v === "string" && /^-?\d{1,20}$/.test(v)) {
    const big = BigInt(v);
    return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(big) : big;
  }
  return new InvalidAttributeValue(`intValue must be an integer, got ${describeValue(v)}`);
}
