/**
 * OTLP/HTTP protobuf (application/x-protobuf) ExportTraceServiceRequest, read straight from the wire format into
 * OtlpTraceRequest: no intermediate message objects, no Long objects, ids as hex from the buffer.
 *
 * Why not protobufjs: decoding its objects and then converting them cost ~22 us of CPU per GenAI span (8 in
 * protobufjs, 14 converting Longs, ids and attribute objects), the largest part of the OTLP server's time
 * (issue 17). The message subset read here is the one in otlp-proto.ts (field numbers from opentelemetry-proto);
 * the tests decode the same bytes with protobufjs from that schema and compare (otlp-wire.test.ts).
 *
 * Wire rules followed: unknown fields of any wire type are skipped (groups included); a repeated message field
 * appends; a singular one seen twice keeps the last (as protobufjs does); of AnyValue's oneof, the last wins; a
 * known field with another wire type than its schema's, a length past the end, or nesting deeper than
 * MAX_DEPTH is an OtlpDecodeError (HTTP 400), never a partial read.
 */
import { OtlpDecodeError, type OtlpAttributes, type OtlpAttributeValue, type OtlpResourceSpans, type OtlpScopeSpans, type OtlpSpan, type OtlpTraceRequest } from "./otlp-model";

const VARINT = 0;
const FIXED64 = 1;
const BYTES = 2;
const START_GROUP = 3;
const END_GROUP = 4;
const FIXED32 = 5;

/** Nested AnyValue arrays/lists deeper than this are refused (a hostile body must not exhaust the stack). */
export const MAX_DEPTH = 32;

const TWO_32 = 4_294_967_296;

class Reader {
  pos: number;
  constructor(
    readonly buf: Buffer,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  /** A varint of up to 32 significant bits (tags, lengths, enums, uint32): higher bits are read and dropped. */
  uint32(): number {
    const buf = this.buf;
    let value = 0;
    let shift = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new OtlpDecodeError("truncated varint");
      const byte = buf[this.pos++];
      if (shift < 32) value |= (byte & 0x7f) << shift;
      shift += 7;
      if (byte < 0x80) return value >>> 0;
    }
    throw new OtlpDecodeError("varint longer than 10 bytes");
  }

  /** A 64-bit varint as its two 32-bit halves (two's complement for negative int64). */
  varint64(): [low: number, high: number] {
    const buf = this.buf;
    let low = 0;
    let high = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new OtlpDecodeError("truncated varint");
      const byte = buf[this.pos++];
      const bits = byte & 0x7f;
      if (i < 4) low |= bits << (7 * i);
      else if (i === 4) {
        low |= (bits & 0x0f) << 28;
        high |= bits >>> 4;
      } else high |= bits << (7 * i - 32);
      if (byte < 0x80) return [low >>> 0, high >>> 0];
    }
    throw new OtlpDecodeError("varint longer than 10 bytes");
  }

  /** The end offset of a length-delimited field starting here. */
  delimited(): number {
    const length = this.uint32();
    const end = this.pos + length;
    if (end > this.end) throw new OtlpDecodeError(`a field of ${length} bytes runs past the end of its message`);
    return end;
  }

  string(): string {
    const end = this.delimited();
    const s = this.buf.toString("utf8", this.pos, end);
    this.pos = end;
    return s;
  }

  hex(): string {
    const end = this.delimited();
    const s = this.buf.toString("hex", this.pos, end);
    this.pos = end;
    return s;
  }

  fixed64(): bigint {
    if (this.pos + 8 > this.end) throw new OtlpDecodeError("truncated fixed64");
    const value = this.buf.readBigUInt64LE(this.pos);
    this.pos += 8;
    return value;
  }

  skip(wireType: number, field: number): void {
    switch (wireType) {
      case VARINT:
        this.varint64();
        return;
      case FIXED64:
        this.advance(8);
        return;
      case BYTES:
        this.pos = this.delimited();
        return;
      case FIXED32:
        this.advance(4);
        return;
      case START_GROUP:
        for (;;) {
          const tag = this.uint32();
          if ((tag & 7) === END_GROUP) {
            if (tag >>> 3 !== field) throw new OtlpDecodeError("mismatched end of group");
            return;
          }
          this.skip(tag & 7, tag >>> 3);
        }
      default:
        throw new OtlpDecodeError(`invalid wire type ${wireType}`);
    }
  }

  private advance(n: number): void {
    if (this.pos + n > this.end) throw new OtlpDecodeError("truncated fixed-size field");
    this.pos += n;
  }

  /** A reader over the length-delimited field starting here; this one moves past it. */
  sub(): Reader {
    const end = this.delimited();
    const inner = new Reader(this.buf, this.pos, end);
    this.pos = end;
    return inner;
  }
}

function expectWireType(actual: number, expected: number, field: string): void {
  if (actual !== expected) throw new OtlpDecodeError(`${field} has wire type ${actual}, expected ${expected}`);
}

/** Decodes an OTLP/HTTP protobuf body. Throws OtlpDecodeError when the bytes are not such a message. */
export function decodeOtlpProtobuf(bytes: Uint8Array): OtlpTraceRequest {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const r = new Reader(buf, 0, buf.length);
  const resourceSpans: OtlpResourceSpans[] = [];
  try {
    while (r.pos < r.end) {
      const tag = r.uint32();
      if (tag >>> 3 === 1) {
        expectWireType(tag & 7, BYTES, "resource_spans");
        resourceSpans.push(readResourceSpans(r.sub()));
      } else r.skip(tag & 7, tag >>> 3);
    }
  } catch (error) {
    if (error instanceof OtlpDecodeError) throw new OtlpDecodeError(`not a valid OTLP ExportTraceServiceRequest protobuf: ${error.message}`);
    throw error;
  }
  return { resourceSpans };
}

function readResourceSpans(r: Reader): OtlpResourceSpans {
  let resourceAttributes: OtlpAttributes = new Map();
  const scopeSpans: OtlpScopeSpans[] = [];
  while (r.pos < r.end) {
    const tag = r.uint32();
    const field = tag >>> 3;
    if (field === 1) {
      expectWireType(tag & 7, BYTES, "resource");
      resourceAttributes = readAttributesOf(r.sub());
    } else if (field === 2) {
      expectWireType(tag & 7, BYTES, "scope_spans");
      scopeSpans.push(readScopeSpans(r.sub()));
    } else r.skip(tag & 7, field);
  }
  return { resourceAttributes, scopeSpans };
}

/** Resource: attributes = 1 (a repeated KeyValue; other fields skipped). */
function readAttributesOf(r: Reader): OtlpAttributes {
  const out: OtlpAttributes = new Map();
  while (r.pos < r.end) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) {
      expectWireType(tag & 7, BYTES, "attributes");
      readKeyValueInto(r.sub(), out);
    } else r.skip(tag & 7, tag >>> 3);
  }
  return out;
}

function readScopeSpans(r: Reader): OtlpScopeSpans {
  let scopeName = "";
  let scopeVersion = "";
  const spans: OtlpSpan[] = [];
  while (r.pos < r.end) {
    const tag = r.uint32();
    const field = tag >>> 3;
    if (field === 1) {
      expectWireType(tag & 7, BYTES, "scope");
      // A scope seen twice replaces the first, fields it lacks included.
      scopeName = "";
      scopeVersion = "";
      const s = r.sub();
      while (s.pos < s.end) {
        const t = s.uint32();
        if (t >>> 3 === 1) {
          expectWireType(t & 7, BYTES, "scope.name");
          scopeName = s.string();
        } else if (t >>> 3 === 2) {
          expectWireType(t & 7, BYTES, "scope.version");
          scopeVersion = s.string();
        } else s.skip(t & 7, t >>> 3);
      }
    } else if (field === 2) {
      expectWireType(tag & 7, BYTES, "spans");
      spans.push(readSpan(r.sub()));
    } else r.skip(tag & 7, field);
  }
  return { scopeName, scopeVersion, spans };
}

function readSpan(r: Reader): OtlpSpan {
  const span: OtlpSpan = { traceId: "", spanId: "", name: "", kind: 0, startTimeUnixNano: null, endTimeUnixNano: null, attributes: new Map(), statusCode: 0, statusMessage: "", problem: null };
  while (r.pos < r.end) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    switch (field) {
      case 1:
        expectWireType(wire, BYTES, "trace_id");
        span.traceId = r.hex();
        break;
      case 2:
        expectWireType(wire, BYTES, "span_id");
        span.spanId = r.hex();
        break;
      case 5:
        expectWireType(wire, BYTES, "name");
        span.name = r.string();
        break;
      case 6:
        expectWireType(wire, VARINT, "kind");
        span.kind = r.uint32() | 0;
        break;
      case 7:
        expectWireType(wire, FIXED64, "start_time_unix_nano");
        span.startTimeUnixNano = nonZero(r.fixed64());
        break;
      case 8:
        expectWireType(wire, FIXED64, "end_time_unix_nano");
        span.endTimeUnixNano = nonZero(r.fixed64());
        break;
      case 9:
        expectWireType(wire, BYTES, "attributes");
        readKeyValueInto(r.sub(), span.attributes);
        break;
      case 15: {
        expectWireType(wire, BYTES, "status");
        span.statusCode = 0;
        span.statusMessage = "";
        const s = r.sub();
        while (s.pos < s.end) {
          const t = s.uint32();
          if (t >>> 3 === 2) {
            expectWireType(t & 7, BYTES, "status.message");
            span.statusMessage = s.string();
          } else if (t >>> 3 === 3) {
            expectWireType(t & 7, VARINT, "status.code");
            span.statusCode = s.uint32() | 0;
          } else s.skip(t & 7, t >>> 3);
        }
        break;
      }
      default:
        r.skip(wire, field);
    }
  }
  return span;
}

const nonZero = (value: bigint): bigint | null => (value === 0n ? null : value);

/** KeyValue { key = 1; value = 2 } into `out` (a later duplicate key wins, as with the Map it replaced). */
function readKeyValueInto(r: Reader, out: OtlpAttributes): void {
  const [key, value] = readKeyValue(r, 0);
  out.set(key, value);
}

/** KeyValue { key = 1; value = 2 }: an absent key reads as "", an absent value as null. */
function readKeyValue(r: Reader, depth: number): [string, OtlpAttributeValue] {
  let key = "";
  let value: OtlpAttributeValue = null;
  while (r.pos < r.end) {
    const tag = r.uint32();
    const field = tag >>> 3;
    if (field === 1) {
      expectWireType(tag & 7, BYTES, "key");
      key = r.string();
    } else if (field === 2) {
      expectWireType(tag & 7, BYTES, "value");
      value = readAnyValue(r.sub(), depth);
    } else r.skip(tag & 7, field);
  }
  return [key, value];
}

function readAnyValue(r: Reader, depth: number): OtlpAttributeValue {
  if (depth > MAX_DEPTH) throw new OtlpDecodeError(`attribute values nested deeper than ${MAX_DEPTH}`);
  let value: OtlpAttributeValue = null;
  while (r.pos < r.end) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    switch (field) {
      case 1:
        expectWireType(wire, BYTES, "string_value");
        value = r.string();
        break;
      case 2:
        expectWireType(wire, VARINT, "bool_value");
        value = r.varint64().some((half) => half !== 0);
        break;
      case 3: {
        expectWireType(wire, VARINT, "int_value");
        const [low, high] = r.varint64();
        value = int64(low, high);
        break;
      }
      case 4:
        expectWireType(wire, FIXED64, "double_value");
        if (r.pos + 8 > r.end) throw new OtlpDecodeError("truncated double");
        value = r.buf.readDoubleLE(r.pos);
        r.pos += 8;
        break;
      case 5:
      case 6: {
        expectWireType(wire, BYTES, field === 5 ? "array_value" : "kvlist_value");
        value = field === 5 ? readArray(r.sub(), depth + 1) : readKvList(r.sub(), depth + 1);
        break;
      }
      case 7: {
        expectWireType(wire, BYTES, "bytes_value");
        const end = r.delimited();
        value = new Uint8Array(r.buf.subarray(r.pos, end));
        r.pos = end;
        break;
      }
      default:
        r.skip(wire, field);
    }
  }
  return value;
}

function readArray(r: Reader, depth: number): OtlpAttributeValue[] {
  const values: OtlpAttributeValue[] = [];
  while (r.pos < r.end) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) {
      expectWireType(tag & 7, BYTES, "array_value.values");
      values.push(readAnyValue(r.sub(), depth));
    } else r.skip(tag & 7, tag >>> 3);
  }
  return values;
}

function readKvList(r: Reader, depth: number): { [key: string]: OtlpAttributeValue } {
  const obj: { [key: string]: OtlpAttributeValue } = {};
  while (r.pos < r.end) {
    const tag = r.uint32();
    if (tag >>> 3 !== 1) {
      r.skip(tag & 7, tag >>> 3);
      continue;
    }
    expectWireType(tag & 7, BYTES, "kvlist_value.values");
    const [key, value] = readKeyValue(r.sub(), depth);
    if (key !== "__proto__") obj[key] = value;
  }
  return obj;
}

/**
 * int64 from its two's-complement halves: a JS number when it is exact in a double (|value| < 2^53), else a
 * bigint, never a silently rounded number.
 */
function int64(low: number, high: number): number | bigint {
  const signedHigh = high | 0;
  if (signedHigh >= -0x200000 && signedHigh < 0x200000) return signedHigh * TWO_32 + low;
  return BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low));
}
