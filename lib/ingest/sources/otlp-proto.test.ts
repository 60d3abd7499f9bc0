import { describe, expect, it } from "vitest";
import protobuf from "protobufjs";
import { decodeOtlpProtobuf, exportTraceServiceRequestType } from "./otlp-proto";

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
