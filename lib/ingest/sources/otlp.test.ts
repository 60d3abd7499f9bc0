import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SpanStatusCode, type Attributes } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { decodeOtlpJson, decodeOtlpProtobuf, OtlpDecodeError, otlpToEvents } from "./otlp";
import { SKIP } from "./outcome";

const NOW = new Date("2026-01-02T00:00:00Z");
const T0 = new Date("2026-01-01T10:00:00Z").getTime();

/** Spans recorded through the real OpenTelemetry JS SDK, so the wire formats are the SDK's own. */
function recordSpans() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "research-agent", "rightsize.team": "ml-platform" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("genai-test", "1.0.0");
  const span = (name: string, attributes: Attributes, startOffset: number, durationMs: number, error = false) => {
    const s = tracer.startSpan(name, { attributes, startTime: new Date(T0 + startOffset) });
    if (error) s.setStatus({ code: SpanStatusCode.ERROR, message: "rate limited" });
    s.end(new Date(T0 + startOffset + durationMs));
  };
  // 0: a model call with every usage attribute
  span("chat gpt-5-mini", {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "OpenAI",
    "gen_ai.request.model": "gpt-5-mini",
    "gen_ai.response.model": "gpt-5-mini-2025-08-07",
    "gen_ai.usage.input_tokens": 5000,
    "gen_ai.usage.cache_read.input_tokens": 4096,
    "gen_ai.usage.cache_creation.input_tokens": 0,
    "gen_ai.usage.output_tokens": 900,
    "gen_ai.usage.reasoning.output_tokens": 640,
    "user.id": "alice",
    "rightsize.workload": "summaries",
    "gen_ai.input.messages": "[{\"role\":\"user\",\"content\":\"private\"}]",
    "openai.response.service_tier": "default",
  }, 0, 1500);
  // 1: an ordinary HTTP span: skipped
  span("GET /health", { "http.request.method": "GET" }, 10, 5);
  // 2: agent span with roll-up usage: skipped (its model calls are traced separately)
  span("invoke_agent researcher", {
    "gen_ai.operation.name": "invoke_agent",
    "gen_ai.agent.name": "researcher",
    "gen_ai.request.model": "gpt-5-mini",
    "gen_ai.usage.input_tokens": 5000,
    "gen_ai.usage.output_tokens": 900,
  }, 0, 2000);
  // 3: failed call: model but no usage -> an event with zero tokens and status error
  span("chat claude-opus-4-1", { "gen_ai.provider.name": "anthropic", "gen_ai.request.model": "claude-opus-4-1" }, 20, 30, true);
  // 4: bad token value -> rejected, naming the attribute
  span("chat bad", { "gen_ai.request.model": "gpt-5", "gen_ai.usage.input_tokens": -5 }, 30, 10);
  // 5: usage without a model (an agent/workflow total, e.g. Pydantic AI's agent run) -> skipped, not rejected
  span("chat nameless", { "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 1 }, 40, 10);
  // 6: legacy Anthropic-style instrumentation: input_tokens without the cache (cache > input)
  span("chat claude", {
    "gen_ai.system": "anthropic",
    "gen_ai.request.model": "claude-sonnet-4-5",
    "gen_ai.usage.input_tokens": 20,
    "gen_ai.usage.cache_read.input_tokens": 3000,
    "gen_ai.usage.cache_creation.input_tokens": 500,
    "gen_ai.usage.output_tokens": 100,
  }, 50, 800);
  return exporter.getFinishedSpans();
}

describe("OTLP GenAI spans", () => {
  const spans = recordSpans();
  const jsonBody = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)!));
  const protoBody = ProtobufTraceSerializer.serializeRequest(spans)!;
  const fromJson = otlpToEvents(decodeOtlpJson(jsonBody), NOW);
  const fromProto = otlpToEvents(decodeOtlpProtobuf(protoBody), NOW);

  it("decodes the SDK's JSON and protobuf encodings to the same events", () => {
    expect(fromProto).toEqual(fromJson);
    expect(fromJson.events).toHaveLength(3);
    // Skipped: the HTTP span (1), the agent roll-up (2) and the model-less usage total (5), each with its reason.
    expect(fromJson.skipped).toBe(3);
    expect(fromJson.skipReasons).toEqual({ [SKIP.noUsage]: 1, [SKIP.aggregate]: 1, [SKIP.noModel]: 1 });
    expect(fromJson.rejected).toHaveLength(1);
  });

  it("maps semconv usage attributes to the internal token meaning", () => {
    const [chat] = fromJson.events;
    const sdkSpan = spans[0];
    expect(chat).toMatchObject({
      source: "otlp",
      externalId: sdkSpan.spanContext().traceId + sdkSpan.spanContext().spanId,
      occurredAt: new Date(T0),
      provider: "openai",
      model: "gpt-5-mini-2025-08-07", // response model preferred
      inputTokens: 5000,
      cachedInputTokens: 4096,
      cacheWriteTokens: 0,
      outputTokens: 900,
      reasoningTokens: 640,
      requests: 1,
      team: "ml-platform", // from the resource
      workload: "summaries",
      user: "alice",
      sourceKey: "research-agent",
      serviceTier: "default",
      latencyMs: 1500,
      status: "ok",
    });
    expect(chat.externalId).toMatch(/^[0-9a-f]{48}$/);
    expect(chat.tags["service.name"]).toBe("research-agent");
    expect(chat.tags["gen_ai.request.model"]).toBe("gpt-5-mini");
    expect(chat.tags).not.toHaveProperty("gen_ai.input.messages"); // prompt content never becomes a tag
  });

  it("keeps failed calls as zero-token events with status error", () => {
    expect(fromJson.events[1]).toMatchObject({ model: "claude-opus-4-1", inputTokens: 0, outputTokens: 0, status: "error", latencyMs: 30 });
  });

  it("adds the cache back when an instrumentation reported Anthropic's uncached input", () => {
    expect(fromJson.events[2]).toMatchObject({ provider: "anthropic", inputTokens: 3520, cachedInputTokens: 3000, cacheWriteTokens: 500 });
  });

  it("rejects gen_ai spans with bad values, naming the span ordinal and attribute", () => {
    expect(fromJson.rejected).toEqual([
      { index: 4, field: "gen_ai.usage.input_tokens", message: "must be a non-negative integer, got -5" },
    ]);
  });

  it("counts agent roll-up spans only when asked", () => {
    const withAgents = otlpToEvents(decodeOtlpJson(jsonBody), NOW, { includeAgentSpans: true });
    expect(withAgents.events).toHaveLength(4);
    expect(withAgents.skipped).toBe(2); // the HTTP span and the model-less total

  });

  it("reads a hand-written OTLP/JSON request shaped like the spec's example", () => {
    const body = JSON.parse(readFileSync(path.join(__dirname, "fixtures/otlp-genai-trace.json"), "utf8"));
    const batch = otlpToEvents(decodeOtlpJson(body), NOW);
    expect(batch.skipped).toBe(1);
    expect(batch.rejected).toEqual([]);
    expect(batch.events[0]).toMatchObject({
      externalId: "5b8efff798038103d269b633813fc60ceee19b7ec3c1b174", // upper-case hex normalised
      occurredAt: new Date("2026-01-01T00:00:00Z"),
      model: "gpt-4o-2024-08-06",
      inputTokens: 1200, // intValue sent as a string
      cachedInputTokens: 1024,
      outputTokens: 350,
      team: "customer-care",
      user: "u-42",
      latencyMs: 1250,
    });
    expect(batch.events[0].tags).toMatchObject({ "deployment.environment.name": "production", "server.address": "api.openai.com" });
    expect(batch.events[0].tags).not.toHaveProperty("gen_ai.input.messages");
    expect(batch.events[1]).toMatchObject({ provider: "anthropic", model: "claude-sonnet-4-5", inputTokens: 40, outputTokens: 12, workload: "triage", status: "error" });
  });

  it("accepts proto field names and base64 ids, and marks malformed spans", () => {
    const body = {
      resource_spans: [
        {
          scope_spans: [
            {
              spans: [
                {
                  trace_id: Buffer.from("5b8efff798038103d269b633813fc60c", "hex").toString("base64"),
                  span_id: "eee19b7ec3c1b174",
                  start_time_unix_nano: 1767225600000000000,
                  attributes: [
                    { key: "gen_ai.request.model", value: { string_value: "gpt-4o" } },
                    { key: "gen_ai.usage.input_tokens", value: { int_value: "7" } },
                  ],
                },
                { traceId: "zz", spanId: "eee19b7ec3c1b174", attributes: [{ key: "gen_ai.request.model", value: { stringValue: "x" } }] },
                { traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b175", startTimeUnixNano: "1767225600000000000", attributes: [{ key: "gen_ai.request.model", value: { stringValue: "x" } }, { key: "gen_ai.usage.output_tokens", value: { intValue: "1.5" } }] },
              ],
            },
          ],
        },
      ],
    };
    const batch = otlpToEvents(decodeOtlpJson(body), NOW);
    expect(batch.events).toHaveLength(1);
    expect(batch.events[0]).toMatchObject({ externalId: "5b8efff798038103d269b633813fc60ceee19b7ec3c1b174", inputTokens: 7 });
    expect(batch.rejected).toEqual([
      { index: 1, field: "traceId", message: 'must be 32 hex characters, got "zz"' },
      { index: 2, field: "gen_ai.usage.output_tokens", message: 'intValue must be an integer, got "1.5"' },
    ]);
  });

  it("refuses spans dated more than a day ahead", () => {
    const later = otlpToEvents(decodeOtlpJson(jsonBody), new Date(T0 - 3 * 86_400_000));
    expect(later.events).toHaveLength(0);
    expect(later.rejected[0]).toMatchObject({ field: "startTimeUnixNano", message: expect.stringContaining("more than 24 hours in the future") });
  });

  it("throws OtlpDecodeError for bodies that are not OTLP", () => {
    expect(() => decodeOtlpJson([1, 2])).toThrow(OtlpDecodeError);
    expect(() => decodeOtlpJson({ resourceSpans: "nope" })).toThrow(/resourceSpans must be an array/);
    expect(() => decodeOtlpProtobuf(new Uint8Array([0x0a, 0xff, 0xff, 0xff]))).toThrow(OtlpDecodeError);
    expect(decodeOtlpJson({})).toEqual({ resourceSpans: [] });
  });
});
