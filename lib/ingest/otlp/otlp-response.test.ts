import { describe, expect, it } from "vitest";
import protobuf from "protobufjs";
import { otlpFailure, otlpSuccess } from "./otlp-response";

// The messages as opentelemetry-proto defines them, to decode what we hand-encode.
const root = protobuf.parse(`
syntax = "proto3";
message ExportTracePartialSuccess { int64 rejected_spans = 1; string error_message = 2; }
message ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1; }
message Status { int32 code = 1; string message = 2; }
`).root;

const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe("OTLP answers", () => {
  it("encodes partial success in protobuf as opentelemetry-proto defines it", async () => {
    const res = otlpSuccess("protobuf", 300, "span[2] gen_ai.usage.input_tokens: must be a non-negative integer");
    const decoded = root.lookupType("ExportTraceServiceResponse").toObject(root.lookupType("ExportTraceServiceResponse").decode(await bytes(res)), { longs: Number });
    expect(decoded).toEqual({ partialSuccess: { rejectedSpans: 300, errorMessage: "span[2] gen_ai.usage.input_tokens: must be a non-negative integer" } });
    expect(res.headers.get("content-type")).toBe("application/x-protobuf");
  });

  it("answers full success with an empty message, JSON or protobuf", async () => {
    expect((await bytes(otlpSuccess("protobuf", 0, ""))).length).toBe(0);
    expect(await otlpSuccess("json", 0, "").json()).toEqual({});
    expect(await otlpSuccess("json", 2, "x").json()).toEqual({ partialSuccess: { rejectedSpans: "2", errorMessage: "x" } });
  });

  it("encodes failures as google.rpc.Status", async () => {
    const res = otlpFailure("protobuf", 401, "bad key");
    expect(res.status).toBe(401);
    expect(root.lookupType("Status").toObject(root.lookupType("Status").decode(await bytes(res)))).toEqual({ code: 16, message: "bad key" });
    expect(await otlpFailure("json", 400, "broken").json()).toEqual({ code: 3, message: "broken" });
  });
});
