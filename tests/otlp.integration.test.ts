/**
 * OTLP/HTTP ingestion with the real OpenTelemetry JS SDK: a NodeTracerProvider records GenAI spans and the
 * official exporters (-proto: protobuf, -http: JSON) send them over HTTP to a node:http server on 127.0.0.1 that
 * hands each request to the route handler of /api/otlp/v1/traces.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SpanStatusCode, type Attributes } from "@opentelemetry/api";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { InMemorySpanExporter, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { gzipSync } from "node:zlib";
import { useTestDatabase } from "./db";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { serveRoutes } from "./route-server";
import { POST } from "@/app/api/otlp/v1/traces/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { pool } from "@/lib/db/pool";
import { createPricer } from "@/lib/pricing";

useTestDatabase();

let server: Awaited<ReturnType<typeof serveRoutes>>;
let key: string;
const T0 = Date.now() - 3_600_000;

beforeAll(async () => {
  key = (await createApiKey({ name: "otel", scopes: ["ingest"] })).key;
  server = await serveRoutes({ "/api/otlp/v1/traces": POST });
});
afterAll(async () => {
  await server.close();
});

/** Records spans through a real tracer provider into `exporter`, then flushes. */
async function emit(exporter: SpanExporter, service: string, spans: [string, Attributes, boolean?][]) {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": service, "rightsize.team": "research" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("integration-test");
  spans.forEach(([name, attributes, error], i) => {
    const span = tracer.startSpan(name, { attributes, startTime: new Date(T0 + i * 1000) });
    if (error) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(new Date(T0 + i * 1000 + 800));
  });
  await provider.forceFlush();
  // Shutting down also shuts the exporter, which empties an in-memory one: keep those readable.
  if (!(exporter instanceof InMemorySpanExporter)) await provider.shutdown();
}

const chat = (model: string, input: number, output: number, extra: Attributes = {}): Attributes => ({
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": model,
  "gen_ai.usage.input_tokens": input,
  "gen_ai.usage.output_tokens": output,
  ...extra,
});

async function eventsOf(service: string) {
  const rows = await pool().query(
    `SELECT m.name AS model, e.input_tokens, e.cached_input_tokens, e.output_tokens, e.reasoning_tokens, e.cost_nanos::text AS cost, e.status, t.slug AS team
     FROM usage_events e JOIN models m ON m.id = e.model_id LEFT JOIN teams t ON t.id = e.team_id
     WHERE e.source_key = $1 ORDER BY e.occurred_at`,
    [service],
  );
  return rows.rows;
}

const price = (model: string, input: number, cached: number, output: number) =>
  createPricer([]).price({ provider: "openai", model, occurredAt: new Date(T0), inputTokens: input, cachedInputTokens: cached, cacheWriteTokens: 0, outputTokens: output, batch: false, serviceTier: null }).costNanos!.toString();

describe("OTLP/HTTP from the OpenTelemetry SDK", () => {
  it("stores GenAI spans sent by the protobuf exporter (gzip), with tokens and exact cost; other spans are skipped", async () => {
    const exporter = new ProtoExporter({ url: `${server.url}/api/otlp/v1/traces`, headers: { Authorization: `Bearer ${key}` }, compression: "gzip" as never });
    await emit(exporter, "proto-svc", [
      ["chat gpt-4o", chat("gpt-4o", 5000, 700, { "gen_ai.usage.cache_read.input_tokens": 4096, "gen_ai.usage.reasoning.output_tokens": 100 })],
      ["GET /health", { "http.request.method": "GET" }],
      ["chat gpt-4o-mini", chat("gpt-4o-mini", 1200, 90), true],
    ]);
    expect(await eventsOf("proto-svc")).toEqual([
      { model: "gpt-4o", input_tokens: 5000, cached_input_tokens: 4096, output_tokens: 700, reasoning_tokens: 100, cost: price("gpt-4o", 5000, 4096, 700), status: "ok", team: "research" },
      { model: "gpt-4o-mini", input_tokens: 1200, cached_input_tokens: 0, output_tokens: 90, reasoning_tokens: 0, cost: price("gpt-4o-mini", 1200, 0, 90), status: "error", team: "research" },
    ]);
    const batch = await pool().query("SELECT source, format, accepted, skipped FROM ingest_batches WHERE source = 'otlp' AND format = 'otlp-protobuf'");
    expect(batch.rows).toEqual([{ source: "otlp", format: "otlp-protobuf", accepted: 2, skipped: 1 }]);
  });

  it("works with the JSON exporter configured only by the documented environment variables", async () => {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `${server.url}/api/otlp`;
    process.env.OTEL_EXPORTER_OTLP_HEADERS = `Authorization=Bearer ${key}`;
    try {
      await emit(new JsonExporter(), "json-svc", [["chat gpt-4o", chat("gpt-4o", 300, 40, { "gen_ai.usage.prompt_tokens": 1 })]]);
    } finally {
      delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
      delete process.env.OTEL_EXPORTER_OTLP_HEADERS;
    }
    expect(await eventsOf("json-svc")).toMatchObject([{ model: "gpt-4o", input_tokens: 300, output_tokens: 40, cost: price("gpt-4o", 300, 0, 40) }]);
  });

  describe("partial success and refusals", () => {
    const memory = new InMemorySpanExporter();
    let spans: ReturnType<InMemorySpanExporter["getFinishedSpans"]>;
    beforeAll(async () => {
      await emit(memory, "partial-svc", [
        ["chat ok", chat("gpt-4o", 100, 10)],
        ["chat bad", chat("gpt-4o", 100, 10, { "gen_ai.usage.input_tokens": -3 })],
        // Usage without a model: an agent/workflow total, skipped with its reason, not rejected (issue 15 item 4).
        ["chat nameless", { "gen_ai.usage.input_tokens": 5, "gen_ai.usage.output_tokens": 1 }],
      ]);
      spans = memory.getFinishedSpans();
    });
    const send = (body: Uint8Array, type: string, auth = `Bearer ${key}`, encoding?: string) =>
      fetch(`${server.url}/api/otlp/v1/traces`, { method: "POST", body: body as BodyInit, headers: { "content-type": type, authorization: auth, ...(encoding ? { "content-encoding": encoding } : {}) } });

    it("answers protobuf partialSuccess naming the rejected spans, and keeps the good one", async () => {
      const res = await send(gzipSync(ProtobufTraceSerializer.serializeRequest(spans)!), "application/x-protobuf", undefined, "gzip");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/x-protobuf");
      const answer = ProtobufTraceSerializer.deserializeResponse(new Uint8Array(await res.arrayBuffer()));
      expect(Number(answer.partialSuccess?.rejectedSpans)).toBe(1);
      expect(answer.partialSuccess?.errorMessage).toContain("span[1] gen_ai.usage.input_tokens: must be a non-negative integer");
      expect(await eventsOf("partial-svc")).toHaveLength(1);
    });

    it("answers JSON partialSuccess to a JSON request, and re-sending stores nothing twice", async () => {
      const res = await send(JsonTraceSerializer.serializeRequest(spans)!, "application/json");
      expect(await res.json()).toEqual({ partialSuccess: { rejectedSpans: "1", errorMessage: expect.stringContaining("span[1]") } });
      expect(await eventsOf("partial-svc")).toHaveLength(1);
    });

    it("refuses a wrong key with 401 (google.rpc.Status) and stores nothing", async () => {
      const before = await pool().query("SELECT count(*)::int AS n FROM usage_events");
      const res = await send(ProtobufTraceSerializer.serializeRequest(spans)!, "application/x-protobuf", "Bearer rs_wrong_key");
      expect(res.status).toBe(401);
      const json = await send(JsonTraceSerializer.serializeRequest(spans)!, "application/json", "Bearer rs_wrong_key");
      expect(json.status).toBe(401);
      expect((await json.json()).code).toBe(16);
      expect((await pool().query("SELECT count(*)::int AS n FROM usage_events")).rows[0]).toEqual(before.rows[0]);
    });

    it("refuses a body it cannot decode with 400 and an unknown content type with 415", async () => {
      expect((await send(Uint8Array.from([0x0a, 0xff, 0xff]), "application/x-protobuf")).status).toBe(400);
      expect((await send(new TextEncoder().encode("{"), "application/json")).status).toBe(400);
      expect((await send(new TextEncoder().encode("x"), "text/plain")).status).toBe(415);
    });
  });

  it("keeps the roll-ups equal to a recomputation", async () => {
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });
});
