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
    expect(detectFormat(gz, "usage.json.gz")).toEqual({ format: "openai-usage", gzip: true, description: "OpenAI usage export (Usage API pages), gzip-compressed" });
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
