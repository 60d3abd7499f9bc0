import { describe, expect, it } from "vitest";
import protobuf from "protobufjs";
import { decodeWithProtobufjs, exportTraceServiceRequestType } from "./otlp-proto";
import { decodeOtlpProtobuf, MAX_DEPTH } from "./otlp-wire";
import { OtlpDecodeError } from "./otlp-model";

// protobufjs uses the `long` package for 64-bit values; its static constructors are untyped on util.Long.
const Long = protobuf.util.Long as unknown as { fromString(s: string, unsigned?: boolean): protobuf.Long; fromNumber(n: number): protobuf.Long };

/** Encodes a one-span request with the given int64 attribute values and span times. */
function request(ints: Record<string, protobuf.Long | number>, start: protobuf.Long) {
  const type = exportTraceServiceRequestType();
  return type.encode(
    type.fromObject({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: Buffer.alloc(16, 1), spanId: Buffer.alloc(8, 2), name: "s", startTimeUnixNano: start, attributes: Object.entries(ints).map(([key, intValue]) => ({ key, value: { intValue } })) }] }] }],
    }),
  ).finish();
}

describe("OTLP protobuf int64 values", () => {
  it("reads small ints as numbers, large ones as exact bigints, negative ones with their sign, and nanosecond times exactly", () => {
    const start = Long.fromString("1767261600123456789", true);
    const decoded = decodeOtlpProtobuf(
      request(
        {
          small: 12345,
          negative: Long.fromNumber(-5),
          safeMax: Long.fromString("9007199254740991"),
          aboveSafe: Long.fromString("9007199254740993"),
          hugeNegative: Long.fromString("-9223372036854775808"),
          justBelow2to53: Long.fromString("-9007199254740991"),
        },
        start,
      ),
    );
    const span = decoded.resourceSpans[0].scopeSpans[0].spans[0];
    expect(Object.fromEntries(span.attributes)).toEqual({
      small: 12345,
      negative: -5,
      safeMax: 9007199254740991,
      aboveSafe: 9007199254740993n,
      hugeNegative: -9223372036854775808n,
      justBelow2to53: -9007199254740991,
    });
    expect(span.startTimeUnixNano).toBe(1767261600123456789n);
  });
});

describe("the wire decoder against protobufjs", () => {
  const type = exportTraceServiceRequestType();
  const encode = (object: object) => type.encode(type.fromObject(object)).finish();

  /** A deterministic pseudo-random generator, so a failure names a seed that reproduces it. */
  function random(seed: number) {
    let s = seed >>> 0;
    return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 4_294_967_296);
  }

  function anyValue(next: () => number, depth: number): object {
    const pick = Math.floor(next() * (depth > 2 ? 5 : 7));
    const ints = [0, 1, -1, 127, 128, 300, -300, 2 ** 31, -(2 ** 31), 2 ** 53 - 1, -(2 ** 53 - 1)];
    switch (pick) {
      case 0:
        return { stringValue: ["", "gpt-4o", "Ünïcødé ✓", "x".repeat(200), "日本語"][Math.floor(next() * 5)] };
      case 1:
        return { boolValue: next() < 0.5 };
      case 2:
        return { intValue: next() < 0.3 ? Long.fromString(["9223372036854775807", "-9223372036854775808", "9007199254740993", "-9007199254740993"][Math.floor(next() * 4)]) : ints[Math.floor(next() * ints.length)] };
      case 3:
        return { doubleValue: [0.5, -1.25, 1e300, 3.14159][Math.floor(next() * 4)] };
      case 4:
        return { bytesValue: Buffer.from([Math.floor(next() * 256), 0, 255]) };
      case 5:
        return { arrayValue: { values: Array.from({ length: Math.floor(next() * 3) }, () => anyValue(next, depth + 1)) } };
      default:
        return { kvlistValue: { values: Array.from({ length: Math.floor(next() * 3) }, (_, i) => ({ key: i === 1 ? "__proto__" : `k${i}`, value: anyValue(next, depth + 1) })) } };
    }
  }

  const attributes = (next: () => number) => Array.from({ length: Math.floor(next() * 6) }, (_, i) => (next() < 0.1 ? { key: `empty${i}` } : { key: next() < 0.1 ? "" : `gen_ai.attr.${i}`, value: anyValue(next, 0) }));

  function requestObject(seed: number): object {
    const next = random(seed);
    return {
      resourceSpans: Array.from({ length: 1 + Math.floor(next() * 2) }, () => ({
        resource: next() < 0.8 ? { attributes: attributes(next), droppedAttributesCount: 2 } : undefined,
        schemaUrl: "https://opentelemetry.io/schemas/1.26.0",
        scopeSpans: Array.from({ length: Math.floor(next() * 3) }, () => ({
          scope: next() < 0.7 ? { name: "openai.instrumentation", version: next() < 0.5 ? "1.2.3" : "", attributes: attributes(next) } : undefined,
          spans: Array.from({ length: Math.floor(next() * 4) }, (_, i) => ({
            traceId: next() < 0.9 ? Buffer.alloc(16, i + 1) : Buffer.alloc(0),
            spanId: Buffer.alloc(8, i + 7),
            traceState: "rojo=00f067aa0ba902b7",
            parentSpanId: next() < 0.5 ? Buffer.alloc(8, 9) : undefined,
            flags: 257,
            name: next() < 0.9 ? `chat model-${i}` : "",
            kind: Math.floor(next() * 6),
            startTimeUnixNano: next() < 0.9 ? Long.fromString(String(1_767_261_600_000_000_000n + BigInt(i)), true) : undefined,
            endTimeUnixNano: next() < 0.8 ? Long.fromString("18446744073709551615", true) : undefined,
            attributes: attributes(next),
            droppedAttributesCount: 1,
            droppedEventsCount: 3,
            status: next() < 0.6 ? { message: next() < 0.5 ? "boom" : "", code: Math.floor(next() * 3) } : undefined,
          })),
        })),
      })),
    };
  }

  it("decodes 300 varied requests exactly as protobufjs does", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const bytes = encode(requestObject(seed));
      expect(decodeOtlpProtobuf(bytes), `seed ${seed}`).toEqual(decodeWithProtobufjs(bytes));
    }
  });

  it("skips fields it does not read, of every wire type (span events, links, groups, fixed32/64)", () => {
    const span = Buffer.from(type.lookupType("opentelemetry.proto.trace.v1.Span").encode({ name: "chat gpt-4o", traceId: Buffer.alloc(16, 1), spanId: Buffer.alloc(8, 2) }).finish());
    // Tags as varints: field numbers above 15 take two bytes.
    const tag = (field: number, wire: number) => { const v = (field << 3) | wire; return v < 128 ? [v] : [(v & 0x7f) | 0x80, v >> 7]; };
    const unknown = Buffer.from([
      ...tag(11, 2), 3, 1, 2, 3, // events: a length-delimited message
      ...tag(13, 2), 0, // links: empty
      ...tag(40, 0), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, // a 10-byte varint
      ...tag(41, 1), 1, 2, 3, 4, 5, 6, 7, 8, // fixed64
      ...tag(42, 5), 1, 2, 3, 4, // fixed32
      ...tag(43, 3), ...tag(1, 0), 5, ...tag(43, 4), // a group holding a varint
    ]);
    const withUnknown = Buffer.concat([span, unknown]);
    const wrap = (spanBytes: Buffer) => {
      const scope = Buffer.concat([Buffer.from([(2 << 3) | 2, spanBytes.length]), spanBytes]);
      const rs = Buffer.concat([Buffer.from([(2 << 3) | 2, scope.length]), scope]);
      return Buffer.concat([Buffer.from([(1 << 3) | 2, rs.length]), rs]);
    };
    const decoded = decodeOtlpProtobuf(wrap(withUnknown)).resourceSpans[0].scopeSpans[0].spans[0];
    expect(decoded).toEqual(decodeOtlpProtobuf(wrap(span)).resourceSpans[0].scopeSpans[0].spans[0]);
    expect(decoded.name).toBe("chat gpt-4o");
    expect(decoded.traceId).toBe("01".repeat(16));
  });

  it("refuses truncated bodies, a known field of another wire type and values nested past the limit, with a 400's error", () => {
    const bytes = encode(requestObject(7));
    for (const cut of [1, 5, Math.floor(bytes.length / 2), bytes.length - 1]) expect(() => decodeOtlpProtobuf(bytes.subarray(0, cut)), `cut at ${cut}`).toThrow(OtlpDecodeError);
    // resource_spans as a varint instead of a message
    expect(() => decodeOtlpProtobuf(new Uint8Array([(1 << 3) | 0, 1]))).toThrow(/resource_spans has wire type 0/);
    let value: object = { stringValue: "deep" };
    for (let i = 0; i < MAX_DEPTH + 2; i++) value = { arrayValue: { values: [value] } };
    const deep = encode({ resourceSpans: [{ scopeSpans: [{ spans: [{ name: "s", attributes: [{ key: "k", value }] }] }] }] });
    expect(() => decodeOtlpProtobuf(deep)).toThrow(/nested deeper than 32/);
  });
});
