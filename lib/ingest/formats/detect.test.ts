import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { detectFormat, FormatDetectionError } from "./detect";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../sources/fixtures", name));

describe("detectFormat", () => {
  it.each([
    ["otlp-genai-trace.json", "otlp-json"],
    ["openai-usage-completions.json", "openai-usage"],
    ["anthropic-usage-messages.json", "anthropic-usage"],
    ["litellm-spend-logs.csv", "litellm-csv"],
    ["litellm-spend-logs.json", "litellm-json"],
    ["native-events.ndjson", "native-ndjson"],
  ])("recognises %s as %s, by content alone", (name, format) => {
    expect(detectFormat(fixture(name))).toMatchObject({ format, gzip: false });
  });

  it("detects gzip by its magic bytes and looks inside", () => {
    const gz = gzipSync(fixture("openai-usage-completions.json"));
    expect(detectFormat(gz, "usage.json.gz")).toMatchObject({ format: "openai-usage", gzip: true, confidence: "certain" });
    expect(detectFormat(gz, "usage.json.gz").description).toBe(
      "OpenAI usage export (Usage API pages), certain (organization.usage.completions.result, start_time, end_time), gzip-compressed",
    );
    // Only the first bytes of a large gzip file are available at detection time.
    const big = gzipSync(Buffer.from(Array.from({ length: 5000 }, (_, i) => `{"timestamp":"2026-01-01T00:00:00Z","model":"m${i}"}`).join("\n")));
    expect(detectFormat(big.subarray(0, 300))).toMatchObject({ format: "native-ndjson", gzip: true });
  });

  it("tells Rightsize NDJSON from JSON", () => {
    expect(detectFormat(Buffer.from('[{"timestamp":"2026-01-01T00:00:00Z","model":"m"}]')).format).toBe("native-json");
    expect(detectFormat(Buffer.from('{"timestamp":"2026-01-01T00:00:00Z","model":"m"}\n{"timestamp":"2026-01-01T00:00:00Z","model":"n"}\n')).format).toBe("native-ndjson");
    expect(detectFormat(Buffer.from('{\n  "timestamp": "2026-01-01T00:00:00Z",\n  "model": "m"\n}\n')).format).toBe("native-json");
    expect(detectFormat(Buffer.from('{"timestamp":"2026-01-01T00:00:00Z","model":"m"}'), "events.jsonl").format).toBe("native-ndjson");
  });

  it("recognises OTLP protobuf by its binary content or its name", () => {
    const pb = Buffer.from([0x0a, 0x8d, 0x01, 0x0a, 0x19, 0x0a, 0x15, 0x0a, 0x0c, 0x00, 0xff]);
    expect(detectFormat(pb).format).toBe("otlp-protobuf");
    expect(detectFormat(gzipSync(pb), "spans.pb.gz")).toMatchObject({ format: "otlp-protobuf", gzip: true });
  });

  it("explains what it could not recognise", () => {
    expect(() => detectFormat(Buffer.alloc(0))).toThrow("the file is empty");
    expect(() => detectFormat(Buffer.from("date,amount\n2026-01-01,3\n"), "bill.csv")).toThrow(/does not look like a LiteLLM spend-log export/);
    expect(() => detectFormat(Buffer.from("hello world"))).toThrow(FormatDetectionError);
    expect(() => detectFormat(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]))).toThrow(FormatDetectionError);
  });
});

describe("detectFormat, look-alikes", () => {
  it("tells cost exports from usage exports", () => {
    const cost = '{"data":[{"starting_at":"2025-08-01T00:00:00Z","ending_at":"2025-08-02T00:00:00Z","results":[{"currency":"USD","amount":"123.45"}]}]}';
    expect(() => detectFormat(Buffer.from(cost))).toThrow(/Anthropic cost report/);
    const openaiCosts = '{"object":"page","data":[{"object":"bucket","start_time":1,"end_time":2,"results":[{"object":"organization.costs.result","amount":{"value":0.06,"currency":"usd"}}]}]}';
    expect(() => detectFormat(Buffer.from(openaiCosts))).toThrow(/OpenAI Costs API export/);
    expect(detectFormat(Buffer.from('{"data":[{"starting_at":"2025-08-01T00:00:00Z","results":[]}],"has_more":false}')).format).toBe("anthropic-usage");
  });
});

describe("detectFormat says how sure it is, and what it knows when nothing fits (issue 15 item 7)", () => {
  it("reads a Langfuse observations export as Langfuse, not as Rightsize events", () => {
    // Field names from Langfuse's GET /api/public/observations; before, any JSON object fell through to native events.
    const page = '{"data":[{"id":"obs-1","traceId":"t-1","type":"GENERATION","startTime":"2026-01-01T00:00:00.000Z","model":"gpt-4o","usageDetails":{"input":10,"output":2,"total":12}}],"meta":{"page":1}}';
    expect(detectFormat(Buffer.from(page))).toMatchObject({ format: "langfuse-json", confidence: "certain" });
  });

  it("does not take a generic CSV with request_id and token columns for a LiteLLM export", () => {
    const csv = "request_id,model,prompt_tokens,completion_tokens\nr1,gpt-4o,10,2\n";
    // Before: request_id + prompt_tokens + completion_tokens (3 LiteLLM columns) made it "litellm-csv".
    expect(() => detectFormat(Buffer.from(csv), "calls.csv")).toThrow(/does not look like a LiteLLM spend-log export.*request_id and startTime/);
  });

  it("tells Helicone rows from LiteLLM rows although both have request_id and completion_tokens", () => {
    const row = '[{"request_id":"r1","request_created_at":"2026-01-01T00:00:00Z","model":"gpt-4o","prompt_tokens":10,"completion_tokens":2}]';
    expect(detectFormat(Buffer.from(row))).toMatchObject({ format: "helicone-json", confidence: "certain" });
  });

  it("says which fields made it likely", () => {
    const row = '[{"request_id":"r1","startTime":"2026-01-01T00:00:00Z","model":"gpt-4o","spend":0.1,"call_type":"acompletion"}]';
    expect(detectFormat(Buffer.from(row))).toMatchObject({ format: "litellm-json", confidence: "likely", evidence: ["request_id", "startTime", "spend", "call_type"] });
  });

  it("lists the formats it knows and the fields it looked for when no format fits", () => {
    const other = '[{"when":"2026-01-01","cost":3}]';
    let message = "";
    try {
      detectFormat(Buffer.from(other));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("fields seen: when, cost");
    for (const known of ["OpenTelemetry traces", "OpenAI usage export", "Anthropic usage report", "LiteLLM spend logs", "Langfuse observations", "Helicone requests", "Rightsize events (NDJSON/JSON) (timestamp, model"]) {
      expect(message).toContain(known);
    }
  });
});
