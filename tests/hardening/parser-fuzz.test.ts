import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { parseNativeEvent, decodeOtlpJson, decodeOtlpProtobuf, otlpToEvents, OtlpDecodeError, openAiUsageToEvents, anthropicUsageToEvents, parseLiteLlmSpendLog } from "@/lib/ingest/sources";
import { exportTraceServiceRequestType } from "@/lib/ingest/sources/otlp-proto";
import { readRecords } from "@/lib/ingest/formats/read-records";
import { toEvents } from "@/lib/ingest/formats/to-events";
import { FORMAT_IDS, type FormatId } from "@/lib/ingest/formats/format-ids";
import { UnreadableRecord } from "@/lib/ingest/formats/unreadable";
import { parseEvalFile } from "@/lib/evals/parse-eval-file";
import { EvalImportError } from "@/lib/evals/parse-eval-rows";
import { parseBillFile } from "@/lib/reconcile/parse-bill";
import type { RejectedRecord } from "@/lib/ingest/usage-event";
import type { SourceBatch } from "@/lib/ingest/sources/outcome";

/**
 * Issue 10 item 11: property-based fuzzing of every parser, random and mutated inputs. Fixed seed and bounded
 * runs, so `npm test` is repeatable and quick. Properties: a parser never throws anything but its documented
 * "this input is bad" error (which becomes a 400), and every rejected record names its index/line and field.
 */
const RUNS = { seed: 20261202, numRuns: 150 };
const NOW = new Date("2026-11-01T00:00:00Z");
const fixture = (name: string) => readFileSync(path.join(process.cwd(), "lib/ingest/sources/fixtures", name));
const fixtureJson = (name: string) => JSON.parse(fixture(name).toString("utf8"));
/** Real exporter payloads (tests/fixtures/real, sources noted in its README). */
const realFixture = (name: string) => readFileSync(path.join(process.cwd(), "tests/fixtures/real", name));

/** Replaces the value at one random path of a JSON document with a random value (structure-aware mutation). */
function mutate(doc: unknown, choices: number[], replacement: unknown): unknown {
  const copy = structuredClone(doc);
  let node: unknown = copy;
  for (const choice of choices) {
    if (node === null || typeof node !== "object") break;
    const keys = Object.keys(node as object);
    if (keys.length === 0) break;
    const key = keys[choice % keys.length];
    const child = (node as Record<string, unknown>)[key];
    if (child === null || typeof child !== "object" || choice % 3 === 0) {
      (node as Record<string, unknown>)[key] = replacement;
      return copy;
    }
    node = child;
  }
  return copy;
}
const mutated = (doc: unknown) => fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })).map(([c, v]) => mutate(doc, c, v));

function expectNamed(rejected: RejectedRecord[]) {
  for (const r of rejected) {
    expect(Number.isInteger(r.index)).toBe(true);
    expect(typeof r.field === "string" && r.field.length > 0).toBe(true);
    expect(typeof r.message === "string" && r.message.length > 0).toBe(true);
  }
}
function expectBatch(batch: SourceBatch) {
  expectNamed(batch.rejected);
  expect(batch.events.length + batch.rejected.length + batch.skipped).toBeGreaterThanOrEqual(0);
}

describe("parser fuzzing (fast-check, fixed seed)", () => {
  it("native events: any JSON value is an event or a rejection naming its field", () => {
    const base = JSON.parse(fixture("native-events.ndjson").toString("utf8").split("\n")[0]);
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated(base)), (value) => {
        const outcome = parseNativeEvent(value, 3, NOW);
        if (!outcome.ok) expectNamed([outcome.error]);
      }),
      RUNS,
    );
  });

  it("OTLP JSON: decodes or throws OtlpDecodeError; decoded spans become events or named rejections", () => {
    const base = fixtureJson("otlp-genai-trace.json");
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated(base)), (value) => {
        let request;
        try {
          request = decodeOtlpJson(value);
        } catch (error) {
          expect(error).toBeInstanceOf(OtlpDecodeError);
          return;
        }
        expectBatch(otlpToEvents(request, NOW));
      }),
      RUNS,
    );
  });

  it("OTLP protobuf: random and bit-flipped bytes decode or throw OtlpDecodeError", () => {
    const valid = exportTraceServiceRequestType().encode(exportTraceServiceRequestType().fromObject({ resourceSpans: [] })).finish();
    const real = Buffer.from(exportTraceServiceRequestType().encode(exportTraceServiceRequestType().fromObject(protoObject())).finish());
    const flipped = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
      const copy = Buffer.from(real);
      copy[at % copy.length] = byte;
      return copy;
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), flipped, fc.constant(valid)), (bytes) => {
        let request;
        try {
          request = decodeOtlpProtobuf(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(OtlpDecodeError);
          return;
        }
        expectBatch(otlpToEvents(request, NOW));
      }),
      RUNS,
    );
  });

  it("OpenAI and Anthropic usage pages, LiteLLM logs: rejections name their field", () => {
    const openai = fixtureJson("openai-usage-completions.json");
    const anthropic = fixtureJson("anthropic-usage-messages.json");
    const litellm = fixtureJson("litellm-spend-logs.json");
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated(openai)), (v) => expectBatch(openAiUsageToEvents(v, NOW))),
      RUNS,
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated(anthropic)), (v) => expectBatch(anthropicUsageToEvents(v, NOW))),
      RUNS,
    );
    const row = Array.isArray(litellm) ? litellm[0] : litellm;
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated(row)), (v) => {
        const outcome = parseLiteLlmSpendLog(v, 2, NOW);
        if (outcome && !outcome.ok) expectNamed([outcome.error]);
      }),
      RUNS,
    );
  });

  it("file formats: random and mutated bytes stream into records and named rejections, never a crash", async () => {
    const samples: Record<FormatId, Buffer> = {
      "native-ndjson": fixture("native-events.ndjson"),
      "native-json": Buffer.from(JSON.stringify(fixture("native-events.ndjson").toString("utf8").split("\n").filter((l) => l.startsWith("{")).map((l) => l))),
      "otlp-json": fixture("otlp-genai-trace.json"),
      "otlp-protobuf": Buffer.alloc(0),
      "openai-usage": fixture("openai-usage-completions.json"),
      "anthropic-usage": fixture("anthropic-usage-messages.json"),
      "litellm-csv": fixture("litellm-spend-logs.csv"),
      "litellm-json": fixture("litellm-spend-logs.json"),
      "langfuse-json": realFixture("langfuse-langgraph-js-trace.json"),
      "helicone-json": realFixture("helicone-request-query-mock.json"),
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FORMAT_IDS),
        fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 8 }))),
        async (format, edit) => {
          let bytes: Buffer;
          if (edit instanceof Uint8Array) bytes = Buffer.from(edit);
          else {
            const base = samples[format];
            const at = base.length ? edit[0] % base.length : 0;
            const cut = base.length ? edit[1] % (base.length - at + 1) : 0;
            bytes = Buffer.concat([base.subarray(0, at), Buffer.from(edit[2]), base.subarray(at + Math.min(cut, 16))]);
          }
          try {
            for await (const { line, value } of readRecords(Readable.from([bytes]), format)) {
              if (value instanceof UnreadableRecord) continue; // becomes a rejection naming the line
              expectBatch(toEvents(format, value, line, NOW));
            }
          } catch (error) {
            // A whole file that cannot be read is refused as a 400 with the reason (AppError), never a crash.
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).status).toBe(400);
          }
        },
      ),
      { ...RUNS, numRuns: 200 },
    );
  });

  it("eval files: parse or throw EvalImportError naming the row/line", () => {
    const csv = "task_id,model,passed\nt1,gpt-4o,true\nt2,gpt-4o,false\n";
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.tuple(fc.nat(), fc.string({ maxLength: 6 })).map(([at, s]) => csv.slice(0, at % csv.length) + s + csv.slice(at % csv.length)), fc.jsonValue().map((v) => JSON.stringify(v))), fc.constantFrom("csv" as const, "json" as const), (text, format) => {
        try {
          parseEvalFile(text, format);
        } catch (error) {
          expect(error).toBeInstanceOf(EvalImportError);
          expect((error as Error).message.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it("bill files: parse or refuse the whole file with a 400 naming lines", () => {
    const page = { object: "page", data: [{ object: "bucket", start_time: 1759276800, end_time: 1759363200, results: [{ object: "organization.costs.result", amount: { value: 1.25, currency: "usd" }, line_item: "gpt-4o, input", project_id: null }] }] };
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), mutated(page).map((v) => JSON.stringify(v)), fc.string({ maxLength: 200 })), (text) => {
        try {
          parseBillFile(text);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).status).toBe(400);
        }
      }),
      RUNS,
    );
  });
});

/** A small real OTLP request (one GenAI span) as a protobufjs object, for bit-flipping. */
function protoObject() {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "svc" } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: Buffer.from("0af7651916cd43dd8448eb211c80319c", "hex"),
                spanId: Buffer.from("b7ad6b7169203331", "hex"),
                name: "chat gpt-4o",
                startTimeUnixNano: "1760529600000000000",
                endTimeUnixNano: "1760529601000000000",
                attributes: [
                  { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
                  { key: "gen_ai.request.model", value: { stringValue: "gpt-4o" } },
                  { key: "gen_ai.system", value: { stringValue: "openai" } },
                  { key: "gen_ai.usage.input_tokens", value: { intValue: 100 } },
                  { key: "gen_ai.usage.output_tokens", value: { intValue: 10 } },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}
