/** Test data for bench/ingest.ts: native NDJSON from the demo company, and OTLP export requests from the real SDK. */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { ROOT_CONTEXT, trace, type Context } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { generateDemoEvents } from "@/lib/demo/generate";
import type { UsageEvent } from "@/lib/ingest/usage-event";

/** A UsageEvent as the public event format (POST /api/v1/events, NDJSON files). */
export function nativeLine(e: UsageEvent): string {
  return JSON.stringify({
    id: e.externalId,
    timestamp: e.occurredAt.toISOString(),
    provider: e.provider,
    model: e.model,
    input_tokens: e.inputTokens,
    cached_input_tokens: e.cachedInputTokens,
    cache_write_tokens: e.cacheWriteTokens,
    output_tokens: e.outputTokens,
    reasoning_tokens: e.reasoningTokens,
    team: e.team ?? undefined,
    workload: e.workload ?? undefined,
    user: e.user ?? undefined,
    batch: e.batch || undefined,
    service_tier: e.serviceTier ?? undefined,
    latency_ms: e.latencyMs ?? undefined,
    status: e.status ?? undefined,
    tags: e.tags,
  });
}

/** `events` demo calls over 30 days ending now, seed-distinct ids (so files of different seeds never overlap). */
export function demoLines(events: number, seed: number): Generator<string> {
  return (function* () {
    for (const e of generateDemoEvents({ events, days: 30, endDate: new Date(), seed })) yield nativeLine(e);
  })();
}

/** Writes lines to a file until it holds `bytes` (or the lines run out); returns the number of lines. */
export async function writeLines(file: string, lines: Iterable<string>, bytes = Infinity): Promise<number> {
  const out = createWriteStream(file);
  let size = 0;
  let n = 0;
  let buffer = "";
  for (const line of lines) {
    buffer += line + "\n";
    n++;
    if (buffer.length > 1 << 20) {
      size += buffer.length;
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
      if (size >= bytes) break;
    }
  }
  if (buffer) out.write(buffer);
  out.end();
  await once(out, "finish");
  return n;
}

/** Synthetic native lines for the large-file test: varied, distinct ids, ~300 bytes each, fast to produce. */
export function* syntheticLines(prefix: string): Generator<string> {
  const models = ["gpt-4.1-mini", "gpt-4o", "claude-sonnet-4-5", "gemini-2.5-flash", "gpt-5-mini"];
  const providers = ["openai", "openai", "anthropic", "google", "openai"];
  const start = Date.now() - 20 * 86_400_000;
  for (let i = 0; ; i++) {
    const k = i % 5;
    yield `{"id":"${prefix}-${i}","timestamp":"${new Date(start + (i % 1_700_000) * 1000).toISOString()}","provider":"${providers[k]}","model":"${models[k]}","input_tokens":${1000 + (i % 3000)},"cached_input_tokens":${i % 900},"output_tokens":${50 + (i % 700)},"team":"team-${i % 8}","workload":"wl-${i % 25}","user":"user-${i % 200}","latency_ms":${300 + (i % 2000)},"status":"ok","tags":{"service.name":"svc-${i % 12}","env":"prod"}}`;
  }
}

/**
 * OTLP trace export requests of `perRequest` GenAI spans each, serialized as the SDK's exporter does (protobuf by
 * default). `spansPerTrace` model calls share a trace (an agent's steps: one run, lib/runs); 1 = every call alone.
 */
export function otlpRequests(requests: number, perRequest: number, encoding: "protobuf" | "json" = "protobuf", spansPerTrace = 1): Uint8Array[] {
  const out: Uint8Array[] = [];
  const models = ["gpt-4o", "gpt-4.1-mini", "claude-sonnet-4-5"];
  const now = Date.now() - 3_600_000;
  for (let r = 0; r < requests; r++) {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": `bench-svc-${r % 7}`, "rightsize.team": `team-${r % 5}` }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer("bench");
    let parent: Context | undefined;
    for (let i = 0; i < perRequest; i++) {
      if (i % spansPerTrace === 0) parent = undefined;
      const span = tracer.startSpan(`chat ${models[i % 3]}`, {
        startTime: new Date(now + i),
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.provider.name": i % 3 === 2 ? "anthropic" : "openai",
          "gen_ai.request.model": models[i % 3],
          "gen_ai.usage.input_tokens": 800 + (i % 4000),
          "gen_ai.usage.cache_read.input_tokens": i % 500,
          "gen_ai.usage.output_tokens": 40 + (i % 600),
          "user.id": `user-${i % 50}`,
        },
      }, parent);
      // The next calls of this trace are children of its first.
      if (spansPerTrace > 1 && parent === undefined) parent = trace.setSpan(ROOT_CONTEXT, span);
      span.end(new Date(now + i + 700));
    }
    const serializer = encoding === "json" ? JsonTraceSerializer : ProtobufTraceSerializer;
    out.push(serializer.serializeRequest(exporter.getFinishedSpans())!);
  }
  return out;
}
