import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { detectFormat, readRecords, toEvents, type FormatId, type SourceBatch } from "./index";

const NOW = new Date("2026-01-02T00:00:00Z");
const fixture = (name: string) => readFileSync(path.join(__dirname, "../sources/fixtures", name));

/** A Readable that hands out the bytes in small chunks, like a slow upload. */
function streamOf(bytes: Uint8Array, chunk = 97): Readable {
  let pos = 0;
  return new Readable({
    read() {
      this.push(pos < bytes.length ? Buffer.from(bytes.subarray(pos, (pos += chunk))) : null);
    },
  });
}

/** Detect, stream and convert a whole file the way the import job does. */
async function importFile(bytes: Uint8Array, filename?: string, chunk?: number): Promise<SourceBatch & { format: FormatId; records: number }> {
  const detected = detectFormat(Buffer.from(bytes.subarray(0, 65536)), filename);
  const total: SourceBatch = { events: [], rejected: [], skipped: 0, skipReasons: {} };
  let records = 0;
  for await (const { line, value } of readRecords(streamOf(bytes, chunk), detected)) {
    records++;
    const batch = toEvents(detected.format, value, line, NOW);
    total.events.push(...batch.events);
    total.rejected.push(...batch.rejected);
    total.skipped += batch.skipped;
  }
  return { ...total, format: detected.format, records };
}

describe("readRecords + toEvents", () => {
  it("imports Rightsize NDJSON, naming the line of every bad record", async () => {
    const result = await importFile(fixture("native-events.ndjson"));
    expect(result.events.map((e) => [e.source, e.externalId.slice(0, 5), e.provider])).toEqual([
      ["file", "evt-1", "openai"],
      [expect.any(String), expect.any(String), "anthropic"],
    ]);
    expect(result.rejected).toEqual([
      { index: 4, field: "input_tokens", message: "must be a non-negative integer, got -5" },
      { index: 5, field: "record", message: expect.stringMatching(/^not valid JSON: /) },
      { index: 6, field: "cached_input_tokens", message: expect.stringContaining("cached_input_tokens (20) + cache_write_tokens (0) exceed input_tokens (10)") },
    ]);
  });

  it("imports a LiteLLM CSV export with quoted JSON, embedded newlines and CRLF", async () => {
    const result = await importFile(fixture("litellm-spend-logs.csv"), "spend.csv", 13);
    expect(result.format).toBe("litellm-csv");
    expect(result.records).toBe(4);
    expect(result.skipped).toBe(1); // the auth failure that never reached a model
    expect(result.rejected).toEqual([{ index: 6, field: "prompt_tokens", message: 'must be a non-negative integer, got "-3"' }]);
    expect(result.events[0]).toMatchObject({
      externalId: "chatcmpl-9f1c2d3e",
      provider: "openai",
      model: "gpt-4o",
      inputTokens: 1500,
      cachedInputTokens: 1024,
      sourceCostNanos: 1_230_000n,
      team: "search",
      latencyMs: 1600,
      tags: { env: "prod", nightly: "true", feature: "query-rewrite", "litellm.end_user": "customer-7" },
    });
    expect(result.events[1]).toMatchObject({
      externalId: "msg_01XFDUDYJgAACzvnptvVoYEL",
      provider: "anthropic",
      model: "claude-sonnet-4-20250514",
      inputTokens: 4300,
      cachedInputTokens: 3000,
      cacheWriteTokens: 1000,
      latencyMs: 2500,
      team: "support",
    });
    expect(result.events[1].tags).toMatchObject({ ticket: "T-1", "litellm.end_user": "line one\r\nline two, with comma" });
  });

  it("imports LiteLLM JSON, OpenAI and Anthropic exports and OTLP/JSON, as found", async () => {
    expect(await importFile(fixture("litellm-spend-logs.json"))).toMatchObject({ format: "litellm-json", records: 1, events: [{ provider: "azure", inputTokens: 1500 }] });
    const openai = await importFile(fixture("openai-usage-completions.json"));
    expect(openai).toMatchObject({ format: "openai-usage", records: 1 });
    expect(openai.events).toHaveLength(2);
    expect(openai.rejected).toEqual([{ index: 1, field: "data[1].results[0].model", message: expect.stringContaining("group_by=model") }]);
    const anthropic = await importFile(fixture("anthropic-usage-messages.json"));
    expect(anthropic.events.map((e) => e.inputTokens)).toEqual([3200, 90000]);
    const otlp = await importFile(fixture("otlp-genai-trace.json"));
    expect(otlp).toMatchObject({ format: "otlp-json", skipped: 1, rejected: [] });
    expect(otlp.events).toHaveLength(2);
  });

  it("imports several usage pages saved one per line, and gzip files", async () => {
    const page = JSON.stringify(JSON.parse(fixture("anthropic-usage-messages.json").toString()));
    const ndjson = Buffer.from(`${page}\n${page}\n`);
    const plain = await importFile(ndjson);
    expect(plain).toMatchObject({ format: "anthropic-usage", records: 2 });
    expect(plain.events).toHaveLength(4);
    const gz = await importFile(gzipSync(ndjson), "report.jsonl.gz", 50);
    expect(gz.events).toEqual(plain.events);
  });

  it("streams a JSON array of events element by element, with start lines", async () => {
    const events = Array.from({ length: 3000 }, (_, i) => ({ id: `e${i}`, timestamp: "2026-01-01T00:00:00Z", model: "gpt-4.1", input_tokens: i }));
    const text = "[\n" + events.map((e) => JSON.stringify(e)).join(",\n") + ',\n{"id":"bad","timestamp":"2026-01-01T00:00:00Z"}\n]';
    const result = await importFile(Buffer.from(text), "events.json", 4096);
    expect(result.format).toBe("native-json");
    expect(result.events).toHaveLength(3000);
    expect(result.events[2999]).toMatchObject({ externalId: "e2999", inputTokens: 2999 });
    expect(result.rejected).toEqual([{ index: 3002, field: "model", message: "is required" }]);
  });

  it("streams OTLP protobuf files one ResourceSpans at a time, concatenated requests included", async () => {
    const body = (service: string, n: number) => {
      const exporter = new InMemorySpanExporter();
      const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ "service.name": service }), spanProcessors: [new SimpleSpanProcessor(exporter)] });
      const tracer = provider.getTracer("t");
      for (let i = 0; i < n; i++) {
        const span = tracer.startSpan("chat", { attributes: { "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 10 + i, "gen_ai.usage.output_tokens": 1 }, startTime: new Date("2026-01-01T00:00:00Z") });
        span.end(new Date("2026-01-01T00:00:01Z"));
      }
      return ProtobufTraceSerializer.serializeRequest(exporter.getFinishedSpans())!;
    };
    const file = Buffer.concat([body("svc-a", 3), body("svc-b", 2)]);
    const result = await importFile(file, "traces.binpb", 7);
    expect(result).toMatchObject({ format: "otlp-protobuf", records: 2, rejected: [] });
    expect(result.events.map((e) => [e.sourceKey, e.inputTokens])).toEqual([
      ["svc-a", 10],
      ["svc-a", 11],
      ["svc-a", 12],
      ["svc-b", 10],
      ["svc-b", 11],
    ]);
    const truncated = await importFile(file.subarray(0, file.length - 5), "traces.pb", 7);
    expect(truncated.rejected).toEqual([{ index: 2, field: "record", message: "the file ends inside a protobuf field (truncated upload?)" }]);
    expect(truncated.events).toHaveLength(3);
  });
});
