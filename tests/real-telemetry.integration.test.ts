/**
 * Issue 15 "Must show": one real payload per exporter and format (tests/fixtures/real, provenance in its README),
 * each imported the way the Ingestion page and `rightsize ingest` import files, with the stored cost checked
 * against a price worked out by hand from the providers' published prices:
 *
 *   gpt-4o-mini(-2024-07-18):      input $0.15 / 1M, cached input $0.075 / 1M, output $0.60 / 1M (no cache-write price: billed as input)
 *   gpt-4o-2024-08-06, -2024-11-20: input $2.50 / 1M, cached input $1.25 / 1M, output $10.00 / 1M (no cache-write price: billed as input)
 *   gpt-5-mini-2025-08-07:         input $0.25 / 1M, output $2.00 / 1M (reasoning tokens are output)
 *   claude-sonnet-4(-5) (<=200k):  input $3 / 1M, 5-minute cache write $3.75, 1-hour cache write $6 (2x input), cache read $0.30, output $15
 *   claude-3-7-sonnet-20250219:    input $3 / 1M, output $15 / 1M
 *
 * 1 µ$ per 1M tokens = 1 nano-dollar per token, so "X µ$" below is X,000 nano-dollars.
 * Then: nothing of the prompts, completions or tool payloads those files carry is stored anywhere.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { useTestDatabase } from "./db";
import { request } from "./factories";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { createApiKey } from "@/lib/auth/api-keys";
import { POST as otlp } from "@/app/api/otlp/v1/traces/route";
import { importStream, type ImportResult } from "@/lib/ingest/import/import-stream";
import { SKIP } from "@/lib/ingest/sources/outcome";
import { pool } from "@/lib/db/pool";

useTestDatabase();

const NOW = new Date("2026-12-01T00:00:00Z");
const file = (name: string) => readFileSync(path.join(process.cwd(), "tests/fixtures/real", name));
/** Hand-written payloads in an exporter's shape (values ours), kept for shapes no published payload shows. */
const shapeFile = (name: string) => readFileSync(path.join(process.cwd(), "lib/ingest/sources/fixtures", name));

async function importFixture(name: string, now = NOW): Promise<ImportResult> {
  return importStream(Readable.from([file(name)]), { filename: name, actor: "test", now });
}

async function importShape(name: string): Promise<ImportResult> {
  return importStream(Readable.from([shapeFile(name)]), { filename: name, actor: "test", now: NOW });
}

interface StoredRow {
  model: string;
  input: number;
  cached: number;
  write: number;
  write1h: number;
  output: number;
  reasoning: number;
  cost: string | null;
  source_cost: string | null;
  team: string | null;
  user_name: string | null;
}

async function stored(batchId: number): Promise<StoredRow[]> {
  const r = await pool().query<StoredRow>(
    `SELECT m.name AS model, e.input_tokens AS input, e.cached_input_tokens AS cached, e.cache_write_tokens AS write,
       e.cache_write_1h_tokens AS write1h, e.output_tokens AS output, e.reasoning_tokens AS reasoning, e.cost_nanos::text AS cost,
       e.source_cost_nanos::text AS source_cost, t.name AS team, e.user_name
     FROM usage_events e JOIN models m ON m.id = e.model_id LEFT JOIN teams t ON t.id = e.team_id
     WHERE e.ingest_batch_id = $1 ORDER BY e.occurred_at, e.dedup_key`,
    [batchId],
  );
  return r.rows;
}

const total = (rows: StoredRow[]) => rows.reduce((sum, r) => sum + BigInt(r.cost ?? "0"), 0n);

describe("real exporter payloads import and price right (issue 15 must-show)", () => {
  it("OpenLLMetry (current names): the chat span counts, the workflow span is skipped with its reason", async () => {
    const result = await importFixture("openllmetry-openai.otlp.json");
    expect(result).toMatchObject({ format: "otlp-json", accepted: 1, rejected: 0, skipped: 1, heuristic: 0 });
    expect(result.skipReasons).toEqual({ [SKIP.noUsage]: 1 });
    const [row] = await stored(result.batchId);
    // 412 input of which 256 cache reads (semconv: input_tokens includes them), 27 output of which 8 reasoning.
    expect(row).toMatchObject({ model: "gpt-4o-mini-2024-07-18", input: 412, cached: 256, output: 27, reasoning: 8 });
    // (412-256)*0.15 + 256*0.075 + 27*0.60 = 23.4 + 19.2 + 16.2 = 58.8 µ$
    expect(row.cost).toBe("58800");
  });

  it("OpenLLMetry (pre-semconv names): prompt_tokens and cache_creation_input_tokens are read; the contradiction is a counted guess", async () => {
    const result = await importFixture("openllmetry-legacy.otlp.json");
    // The http POST span is skipped; cache writes (1024) larger than prompt_tokens (412) cannot be inside it, so the
    // last-resort rule adds them and the event is counted as priced through a heuristic.
    expect(result).toMatchObject({ accepted: 1, rejected: 0, skipped: 1, heuristic: 1 });
    const [row] = await stored(result.batchId);
    expect(row).toMatchObject({ input: 1436, write: 1024, output: 27 });
    // 412*0.15 + 1024*0.15 (gpt-4o-mini has no cache-write price: billed as input) + 27*0.60 = 61.8 + 153.6 + 16.2 = 231.6 µ$
    expect(row.cost).toBe("231600");
  });

  it("OpenInference (Arize Phoenix): llm.token_count.* spans import instead of being dropped", async () => {
    const result = await importFixture("openinference-openai.otlp.json");
    expect(result).toMatchObject({ accepted: 1, rejected: 0, skipped: 0 });
    const [row] = await stored(result.batchId);
    expect(row).toMatchObject({ model: "gpt-4o-mini-2024-07-18", input: 412, cached: 256, output: 27, reasoning: 8 });
    // The same call as the OpenLLMetry capture: 58.8 µ$
    expect(row.cost).toBe("58800");
  });

  it("Vercel AI SDK: the doGenerate span is the call; the outer generateText total and the tool span are skipped", async () => {
    const result = await importFixture("vercel-ai-sdk.otlp.json");
    expect(result).toMatchObject({ accepted: 1, rejected: 0, skipped: 2 });
    expect(result.skipReasons).toEqual({ [SKIP.aggregate]: 1, [SKIP.noUsage]: 1 });
    const [row] = await stored(result.batchId);
    // ai.response.providerMetadata {"openai":{"cachedPromptTokens":384}}: 384 of the 412 input tokens were cache reads.
    expect(row).toMatchObject({ model: "gpt-4o-mini-2024-07-18", input: 412, cached: 384, output: 27 });
    // (412-384)*0.15 + 384*0.075 + 27*0.60 = 4.2 + 28.8 + 16.2 = 49.2 µ$
    expect(row.cost).toBe("49200");
  });

  it("Pydantic AI: the model-less agent-run span is skipped (not rejected); the chat span from its own snapshot is priced", async () => {
    const result = await importFixture("pydantic-ai-agent.otlp.json");
    expect(result).toMatchObject({ accepted: 1, rejected: 0, skipped: 1 });
    expect(result.skipReasons).toEqual({ [SKIP.noModel]: 1 });
    const [row] = await stored(result.batchId);
    // pydantic-ai's input_tokens 100 hold its 20 cache reads and 10 cache writes (RequestUsage.input_tokens is all input).
    expect(row).toMatchObject({ model: "gpt-4o-2024-11-20", input: 100, cached: 20, write: 10, output: 200 });
    // (100-20)*2.50 (the 10 writes at the input price: gpt-4o has none of its own) + 20*1.25 + 200*10
    // = 200 + 25 + 2000 = 2,225 µ$; pydantic-ai's own operation.cost 0.002225 USD says the same.
    expect(row).toMatchObject({ cost: "2225000", source_cost: "2225000" });
  });

  it("OpenLIT (captured from the real SDK): cache reads under the dotted semconv name are priced as cache reads", async () => {
    // Captured on 2026-12-02 15:13 UTC (scripts/capture-fixtures/openlit.cjs), so "now" is the day after.
    const result = await importFixture("openlit-openai.otlp.json", new Date("2026-12-03T00:00:00Z"));
    expect(result).toMatchObject({ accepted: 1, rejected: 0 });
    const [row] = await stored(result.batchId);
    expect(row).toMatchObject({ model: "gpt-4o-mini-2024-07-18", input: 1200, cached: 1024, output: 80 });
    // (1200-1024)*0.15 + 1024*0.075 + 80*0.60 = 26.4 + 76.8 + 48 = 151.2 µ$. OpenLIT's own gen_ai.usage.cost
    // (0.0001512 USD, from the price list the capture gave it) is kept beside ours and agrees.
    expect(row).toMatchObject({ cost: "151200", source_cost: "151200" });
  });

  it("Langfuse SDK (captured from @langfuse/openai 5.11.1 over its OTel processor): usage_details parts add up to the call", async () => {
    // Captured on 2026-12-02 15:15 UTC (scripts/capture-fixtures/langfuse.mjs). Langfuse splits OpenAI's usage into
    // parts: input 512 (fresh) + input_cached_tokens 1536 = 2048 prompt tokens; output 150; total 2198.
    const result = await importFixture("langfuse-sdk-openai.otlp.json", new Date("2026-12-03T00:00:00Z"));
    expect(result).toMatchObject({ accepted: 1, rejected: 0 });
    const [row] = await stored(result.batchId);
    expect(row).toMatchObject({ model: "gpt-4o-2024-08-06", input: 2048, cached: 1536, output: 150, user_name: "u-42" });
    // 512*2.50 + 1536*1.25 + 150*10 = 1280 + 1920 + 1500 = 4700 µ$
    expect(row.cost).toBe("4700000");
  });

  it("Anthropic usage report: 1-hour cache writes are billed at 2x input, 5-minute ones at 1.25x", async () => {
    const result = await importFixture("anthropic-usage-report.json");
    expect(result).toMatchObject({ format: "anthropic-usage", accepted: 1, rejected: 0 });
    const [row] = await stored(result.batchId);
    expect(row).toMatchObject({ input: 3200, cached: 200, write: 1500, write1h: 1000, output: 500 });
    // Tokens: 1500*3 + 500*3.75 + 1000*6 + 200*0.30 + 500*15 = 4500 + 1875 + 6000 + 60 + 7500 = 19,935 µ$ (with
    // every write at the 5-minute rate it would be 17,685 µ$). The report's 10 web searches are priced on top as a
    // non-token charge: 10 x $10 / 1,000 searches = $0.10 = 100,000 µ$. Stored cost: 119,935 µ$.
    expect(row.cost).toBe("119935000");
  });

  it("OpenAI usage page with rows under `result` (the OpenAPI spec's name) is read, and its ungrouped row explained", async () => {
    const result = await importFixture("openai-usage-spec-result.json");
    // The spec's example is not grouped by model, so it cannot be priced: one rejection naming the fix and the
    // row's own line (line 20 of the file, counted by hand), not "has neither data nor results".
    expect(result).toMatchObject({ format: "openai-usage", accepted: 0, rejected: 1 });
    expect(result.errors).toEqual([{ index: 20, field: "data[0].result[0].model", message: expect.stringContaining("group_by=model") }]);
  });

  it("LiteLLM spend-log row (LiteLLM's own expected SpendLogsPayload): metadata and request_tags as JSON strings", async () => {
    const result = await importFixture("litellm-spend-log-router.json");
    expect(result).toMatchObject({ format: "litellm-json", accepted: 1, rejected: 0, skipped: 0, heuristic: 0 });
    const [row] = await stored(result.batchId);
    // No team (team_id ""), no key owner (user ""): the end user is the user.
    expect(row).toMatchObject({ model: "claude-3-7-sonnet-20250219", team: null, user_name: "test_user_1", input: 2095, cached: 0, write: 0, output: 503 });
    // 2095*3 + 503*15 = 6,285 + 7,545 = 13,830 µ$ (LiteLLM's own spend 0.01383 USD agrees)
    expect(row).toMatchObject({ cost: "13830000", source_cost: "13830000" });
  });

  it("Langfuse trace download (Langfuse's own test fixture): the GENERATIONs are priced, reasoning counted as output, spans skipped", async () => {
    const result = await importFixture("langfuse-langgraph-js-trace.json");
    expect(result).toMatchObject({ format: "langfuse-json", accepted: 2, rejected: 0, skipped: 2, heuristic: 0 });
    expect(result.skipReasons).toEqual({ [SKIP.noUsage]: 2 });
    const rows = await stored(result.batchId);
    // Langfuse's usage types are separate parts adding up to `total`: 142 + 24 = 166; 179 + 35 + 64 output_reasoning = 278.
    expect(rows).toMatchObject([
      { model: "gpt-5-mini-2025-08-07", input: 142, cached: 0, output: 24, reasoning: 0 },
      { model: "gpt-5-mini-2025-08-07", input: 179, cached: 0, output: 99, reasoning: 64 },
    ]);
    // 142*0.25 + 24*2 = 35.5 + 48 = 83.5 µ$; 179*0.25 + (35+64)*2 = 44.75 + 198 = 242.75 µ$ (Langfuse's costDetails.total agree)
    expect(rows.map((r) => [r.cost, r.source_cost])).toEqual([["83500", "83500"], ["242750", "242750"]]);
    expect(total(rows)).toBe(326_250n);
  });

  it("Helicone request query answer (Helicone's own test mock): ClickHouse timestamps, cost in its stored unit", async () => {
    const result = await importFixture("helicone-request-query-mock.json");
    expect(result).toMatchObject({ format: "helicone-json", accepted: 2, rejected: 0, skipped: 0 });
    const rows = await stored(result.batchId);
    // The first row is a refused call (response_status 400, no tokens) that still names its model: stored at no cost.
    expect(rows.find((r) => r.model === "gpt-4o-mini")).toMatchObject({ input: 0, output: 0, cost: "0", source_cost: "0" });
    const call = rows.find((r) => r.model === "gpt-4o-mini-2024-07-18")!;
    expect(call).toMatchObject({ input: 13, cached: 0, output: 30, team: null, user_name: null });
    // 13*0.15 + 30*0.60 = 1.95 + 18 = 19.95 µ$. The mock's cost 19950 is Helicone's stored integer (USD x 1e9):
    // 19,950 nano-dollars, the same amount, not $19,950.
    expect(call).toMatchObject({ cost: "19950", source_cost: "19950" });
    expect(total(rows)).toBe(19_950n);
  });

  it("LiteLLM /spend/logs/ui page (shape, values ours): rows inside `data` import, the refused call is skipped, 1-hour writes priced", async () => {
    const result = await importShape("litellm-spend-logs-ui.shape.json");
    expect(result).toMatchObject({ format: "litellm-json", accepted: 1, rejected: 0, skipped: 1, heuristic: 0 });
    expect(result.skipReasons).toEqual({ [SKIP.refusedCall]: 1 });
    const [row] = await stored(result.batchId);
    // text_tokens 100 + reads 1000 + writes 1200 = 2300 = prompt_tokens: the row itself says prompt_tokens is all input.
    expect(row).toMatchObject({ team: "search", input: 2300, cached: 1000, write: 1200, write1h: 1000, output: 50 });
    // 100*3 + 1000*0.30 + 200*3.75 + 1000*6 + 50*15 = 300 + 300 + 750 + 6000 + 750 = 8,100 µ$
    expect(row.cost).toBe("8100000");
  });

  it("Langfuse /api/public/observations page (shape, values ours): the GENERATION is priced from its separate usage types, the SPAN skipped", async () => {
    const result = await importShape("langfuse-observations.shape.json");
    expect(result).toMatchObject({ format: "langfuse-json", accepted: 1, rejected: 0, skipped: 1, heuristic: 0 });
    const [row] = await stored(result.batchId);
    // usageDetails input 200 + input_cached_tokens 1000 + output 80 = total 1280: separate parts, so input = 1200.
    expect(row).toMatchObject({ model: "gpt-4o-2024-08-06", input: 1200, cached: 1000, output: 80, source_cost: "2550000" });
    // 200*2.50 + 1000*1.25 + 80*10 = 500 + 1250 + 800 = 2,550 µ$ (Langfuse's own costDetails.total says the same)
    expect(row.cost).toBe("2550000");
  });

  it("Helicone requests (shape, values ours): priced, attributed from its properties", async () => {
    const result = await importShape("helicone-requests.shape.json");
    expect(result).toMatchObject({ format: "helicone-json", accepted: 1, rejected: 0 });
    const [row] = await stored(result.batchId);
    expect(row).toMatchObject({ model: "gpt-4o-mini-2024-07-18", team: "support", user_name: "user-42", input: 2000, output: 300 });
    // 2000*0.15 + 300*0.60 = 300 + 180 = 480 µ$
    expect(row.cost).toBe("480000");
  });

  it("keeps all three roll-ups exact", async () => {
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });
});

describe("prompt and completion text is never stored (issue 15 item 2)", () => {
  let key: string;
  beforeAll(async () => {
    key = (await createApiKey({ name: "otlp-content", scopes: ["ingest"] })).key;
  });

  // Every key an exporter has used for content, plus made-up ones: tags come from an allow-list, so keys nobody has
  // seen yet are kept out too.
  const SECRET = "SECRET-PROMPT-7f3a";
  const contentKeys = [
    "gen_ai.prompt", "gen_ai.completion", "gen_ai.prompt.0.content", "gen_ai.completion.0.content", "gen_ai.input.messages",
    "gen_ai.output.messages", "gen_ai.system_instructions", "gen_ai.tool.call.arguments", "gen_ai.tool.call.result",
    "gen_ai.tool.definitions", "gen_ai.retrieval.query.text", "gen_ai.content.prompt", "llm.input_messages.0.message.content",
    "llm.output_messages.0.message.content", "llm.prompts.0", "input.value", "output.value", "ai.prompt", "ai.prompt.messages",
    "ai.response.text", "ai.toolCall.args", "ai.toolCall.result", "traceloop.entity.input", "traceloop.entity.output",
    "langfuse.observation.input", "langfuse.observation.output", "logfire.msg", "all_messages_events", "final_result", "pydantic_ai.all_messages",
    "my.company.prompt_text", "customer_question",
  ];

  it("stores no attribute value that carries message content, tool arguments or outputs, in any column of any table", async () => {
    const attributes = [
      { key: "gen_ai.provider.name", value: { stringValue: "openai" } },
      { key: "gen_ai.request.model", value: { stringValue: "gpt-4o-mini" } },
      { key: "gen_ai.usage.input_tokens", value: { intValue: "100" } },
      { key: "gen_ai.usage.output_tokens", value: { intValue: "10" } },
      { key: "rightsize.team", value: { stringValue: "content-check" } },
      ...contentKeys.map((k, i) => ({ key: k, value: { stringValue: `${SECRET} ${i}: tell me about order A-1187` } })),
    ];
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "content-check" } }] },
          scopeSpans: [{ spans: [{ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", name: "chat", startTimeUnixNano: "1764547200000000000", attributes }] }],
        },
      ],
    };
    const res = await otlp(request("/api/otlp/v1/traces", { key, body }));
    expect(res.status).toBe(200);
    const events = await pool().query("SELECT tags FROM usage_events WHERE source_key = 'content-check'");
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].tags).toEqual({ "service.name": "content-check", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o-mini", "rightsize.team": "content-check" });

    // Texts the fixtures imported above carry in their content attributes and bodies.
    const texts = [
      SECRET, "A-1187", "You are a support agent", "lookup_order", "order_id", "in_transit", "Refunds are accepted",
      "What is the refund window", "Summarise ticket 4471", "login loop", "Which plan includes SSO", "Business plan includes SSO",
      "my_ret", "Observation:", "SECRET-PROMPT-TEXT", "which team owns this ticket", "Route this ticket to billing",
      "summarise invoice INV-7", "Invoice INV-7 is overdue",
      // pydantic-ai's snapshot chat span, Langfuse's LangGraph trace, Helicone's mock bodies
      "tool_return_content", "retry_prompt1", "Fix the errors and try again", "weather in San Francisco", "always sunny",
      "how are you", "computer program",
    ];
    const tables = await pool().query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    const leaks: string[] = [];
    for (const { tablename } of tables.rows) {
      const rows = await pool().query(`SELECT * FROM "${tablename}"`);
      const dump = JSON.stringify(rows.rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
      for (const text of texts) if (dump.includes(text)) leaks.push(`${tablename}: ${text}`);
    }
    expect(leaks).toEqual([]);
  });
});

describe("OTLP traffic keeps its skip reasons per key and hour", () => {
  it("adds each request's reasons to the hourly row", async () => {
    const created = await createApiKey({ name: "otlp-skips", scopes: ["ingest"] });
    const key = created.key;
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [] },
          scopeSpans: [
            {
              spans: [
                { traceId: "1af7651916cd43dd8448eb211c80319c", spanId: "c7ad6b7169203331", name: "GET /health", startTimeUnixNano: "1764547200000000000", attributes: [] },
                {
                  traceId: "1af7651916cd43dd8448eb211c80319c",
                  spanId: "c7ad6b7169203332",
                  name: "invoke_agent",
                  startTimeUnixNano: "1764547200000000000",
                  attributes: [
                    { key: "gen_ai.operation.name", value: { stringValue: "invoke_agent" } },
                    { key: "gen_ai.usage.input_tokens", value: { intValue: "10" } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    for (let i = 0; i < 2; i++) expect((await otlp(request("/api/otlp/v1/traces", { key, body }))).status).toBe(200);
    const row = await pool().query("SELECT skipped, skip_reasons FROM ingest_batches WHERE stream_key LIKE $1", [`otlp:key:${created.record.id}:%`]);
    // Two requests, each with one ordinary span and one agent total.
    expect(row.rows).toEqual([{ skipped: 4, skip_reasons: { [SKIP.noUsage]: 2, [SKIP.aggregate]: 2 } }]);
  });
});
