/**
 * Issue 15 items 1, 3, 4, 8 and issue 9 items 2 and 5: each exporter's own names and token meaning land as the one
 * UsageEvent meaning, priced right. Expected values worked out by hand from published prices:
 * Claude Sonnet 4: input $3 / 1M, 5-minute cache write $3.75, 1-hour cache write $6, cache read $0.30, output $15.
 */
import { describe, expect, it } from "vitest";
import { createPricer } from "@/lib/pricing";
import type { UsageEvent } from "../usage-event";
import { parseLiteLlmSpendLog } from "./litellm";
import { parseNativeEvent } from "./native";
import { decodeOtlpJson, otlpToEvents } from "./otlp";
import { SKIP } from "./outcome";

const NOW = new Date("2026-12-01T00:00:00Z");
const pricer = createPricer([]);
const price = (e: UsageEvent) =>
  pricer.price({ ...e, provider: e.provider || "anthropic", batch: false, serviceTier: null }).costNanos;

type Attr = string | number;
function spans(...list: Record<string, Attr>[]) {
  const attributes = (a: Record<string, Attr>) =>
    Object.entries(a).map(([key, v]) => ({
      key,
      value: typeof v === "number" ? (Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v }) : { stringValue: v },
    }));
  return otlpToEvents(
    decodeOtlpJson({
      resourceSpans: [
        {
          resource: { attributes: [] },
          scopeSpans: [
            {
              spans: list.map((a, i) => ({
                traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
                spanId: `00f067aa0ba902b${i}`,
                name: "span",
                startTimeUnixNano: "1764547200000000000",
                attributes: attributes(a),
              })),
            },
          ],
        },
      ],
    }),
    NOW,
  );
}

describe("OpenLLMetry Anthropic spans (issue 15 item 1)", () => {
  it("reads gen_ai.usage.cache_read_input_tokens / cache_creation_input_tokens, so cached calls are priced as cached", () => {
    // OpenLLMetry's Anthropic instrumentation reports prompt_tokens = input + cache reads + cache writes.
    const batch = spans({
      "gen_ai.system": "Anthropic",
      "gen_ai.request.model": "claude-sonnet-4-20250514",
      "gen_ai.usage.prompt_tokens": 10_100,
      "gen_ai.usage.completion_tokens": 50,
      "gen_ai.usage.cache_read_input_tokens": 10_000,
      "gen_ai.usage.cache_creation_input_tokens": 0,
    });
    const [e] = batch.events;
    expect(e).toMatchObject({ inputTokens: 10_100, cachedInputTokens: 10_000, cacheWriteTokens: 0, outputTokens: 50 });
    expect(e.guessedTokenMeaning).toBeUndefined();
    // 100 * 3,000 + 10,000 * 300 + 50 * 15,000 = 300,000 + 3,000,000 + 750,000 = 4,050,000 nano-$.
    // Ignoring the cache (the bug) gave 10,100 * 3,000 + 750,000 = 31,050,000: 7.7x, the "~93% too high" of the issue.
    expect(price(e)).toBe(4_050_000n);
  });

  it("prices OpenLLMetry's 1-hour cache-creation attribute at 2x input (issue 9 item 2)", () => {
    const [e] = spans({
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.model": "claude-sonnet-4-20250514",
      "gen_ai.usage.input_tokens": 1_000,
      "gen_ai.usage.cache_creation_input_tokens": 1_000,
      "gen_ai.usage.cache_creation.ephemeral_1h_input_tokens": 1_000,
    }).events;
    expect(e).toMatchObject({ cacheWriteTokens: 1_000, cacheWrite1hTokens: 1_000 });
    // 1,000 * 6,000
    expect(price(e)).toBe(6_000_000n);
  });
});

describe("spans that are not model calls are skipped with a reason (issue 15 items 3 and 4)", () => {
  it("OpenInference LLM spans import; CHAIN/AGENT spans with totals are skipped", () => {
    const batch = spans(
      { "openinference.span.kind": "LLM", "llm.model_name": "claude-sonnet-4-20250514", "llm.provider": "anthropic", "llm.token_count.prompt": 1_000, "llm.token_count.completion": 10 },
      { "openinference.span.kind": "CHAIN", "llm.token_count.prompt": 1_000, "llm.token_count.completion": 10 },
    );
    expect(batch.events).toHaveLength(1);
    expect(batch.rejected).toEqual([]);
    expect(batch.skipReasons).toEqual({ [SKIP.aggregate]: 1 });
    // 1,000 * 3,000 + 10 * 15,000
    expect(price(batch.events[0])).toBe(3_150_000n);
  });

  it("a Pydantic AI agent-run span (usage, no model) is skipped, not rejected", () => {
    const batch = spans({ agent_name: "my_agent", model_name: "test", "gen_ai.usage.input_tokens": 103, "gen_ai.usage.output_tokens": 12 });
    expect(batch).toMatchObject({ events: [], rejected: [], skipped: 1, skipReasons: { [SKIP.noModel]: 1 } });
  });

  it("a Pydantic AI chat span's own price (operation.cost, USD) is kept as the source's cost", () => {
    const [e] = spans({ "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 100, "gen_ai.usage.output_tokens": 200, "operation.cost": 0.002225 }).events;
    expect(e.sourceCostNanos).toBe(2_225_000n);
  });
});

describe("token meaning by source (issue 9 item 5)", () => {
  it("Vercel AI SDK for Anthropic: promptTokens excludes the cache (provider-shaped), so the cache is added", () => {
    const [e] = spans({
      "ai.operationId": "ai.generateText.doGenerate",
      "ai.model.provider": "anthropic.messages",
      "ai.model.id": "claude-sonnet-4-20250514",
      "ai.usage.promptTokens": 100,
      "ai.usage.completionTokens": 10,
      "ai.response.providerMetadata": '{"anthropic":{"cacheCreationInputTokens":200,"cacheReadInputTokens":300}}',
    }).events;
    expect(e).toMatchObject({ provider: "anthropic", inputTokens: 600, cachedInputTokens: 300, cacheWriteTokens: 200 });
    expect(e.guessedTokenMeaning).toBeUndefined();
  });

  it("semconv spans whose cache parts exceed input_tokens are a counted guess, not silently fixed", () => {
    const [e] = spans({ "gen_ai.request.model": "claude-sonnet-4-20250514", "gen_ai.usage.input_tokens": 100, "gen_ai.usage.cache_read.input_tokens": 500 }).events;
    expect(e).toMatchObject({ inputTokens: 600, cachedInputTokens: 500, guessedTokenMeaning: true });
  });
});

describe("LiteLLM prompt_tokens for Anthropic, decided by the row's own fields (issue 15 item 8)", () => {
  // One call: 100 fresh input tokens, 1,000 cache reads, 200 cache writes, 50 output. LiteLLM versions reported
  // prompt_tokens as 1,300 (all), 1,100 (reads only) or 100 (Anthropic's uncached input).
  const row = (prompt: number, details: Record<string, unknown>) => ({
    request_id: `r-${prompt}`,
    startTime: "2026-11-01T00:00:00Z",
    model: "claude-sonnet-4-20250514",
    custom_llm_provider: "anthropic",
    prompt_tokens: prompt,
    completion_tokens: 50,
    metadata: { additional_usage_values: { cache_read_input_tokens: 1_000, cache_creation_input_tokens: 200, ...details } },
  });
  const event = (raw: unknown) => {
    const outcome = parseLiteLlmSpendLog(raw, 1, NOW);
    if (!outcome?.ok) throw new Error("expected an event");
    return outcome.event;
  };
  // 100 * 3,000 + 1,000 * 300 + 200 * 3,750 + 50 * 15,000 = 300,000 + 300,000 + 750,000 + 750,000
  const EXPECTED = 2_100_000n;

  it.each([
    [1_300, "all input"],
    [1_100, "input + cache reads"],
    [100, "uncached input only"],
  ])("prompt_tokens %i (%s) with text_tokens 100: priced the same, not guessed", (prompt) => {
    const e = event(row(prompt, { prompt_tokens_details: { text_tokens: 100, cached_tokens: 1_000 } }));
    expect(e).toMatchObject({ inputTokens: 1_300, cachedInputTokens: 1_000, cacheWriteTokens: 200 });
    expect(e.guessedTokenMeaning).toBeUndefined();
    expect(price(e)).toBe(EXPECTED);
  });

  it("without text_tokens the row cannot say: the heuristic decides and the event is counted as guessed", () => {
    const reads = event(row(1_100, {}));
    expect(reads).toMatchObject({ inputTokens: 1_300, guessedTokenMeaning: true });
    expect(price(reads)).toBe(EXPECTED);
    // 1,300 >= reads + writes: taken as all input, still a guess for an Anthropic row.
    expect(event(row(1_300, {}))).toMatchObject({ inputTokens: 1_300, guessedTokenMeaning: true });
  });

  it("reads 1-hour cache writes from cache_creation_token_details", () => {
    const e = event(row(1_300, { prompt_tokens_details: { text_tokens: 100, cache_creation_token_details: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 200 } } }));
    expect(e.cacheWrite1hTokens).toBe(200);
    // 200 writes at $6 instead of $3.75: 2,100,000 - 750,000 + 1,200,000
    expect(price(e)).toBe(2_550_000n);
  });
});

describe("native events carry 1-hour cache writes (issue 9 item 2)", () => {
  it("reads cache_write_1h_tokens as part of cache_write_tokens and refuses more than that", () => {
    const ok = parseNativeEvent({ timestamp: "2026-11-01T00:00:00Z", provider: "anthropic", model: "claude-sonnet-4-20250514", input_tokens: 1_000, cache_write_tokens: 1_000, cache_write_1h_tokens: 400 }, 0, NOW);
    if (!ok.ok) throw new Error(ok.error.message);
    // 600 * 3,750 + 400 * 6,000 = 2,250,000 + 2,400,000
    expect(price(ok.event)).toBe(4_650_000n);
    const bad = parseNativeEvent({ timestamp: "2026-11-01T00:00:00Z", model: "m", input_tokens: 10, cache_write_tokens: 5, cache_write_1h_tokens: 6 }, 0, NOW);
    expect(bad).toMatchObject({ ok: false, error: { field: "cache_write_1h_tokens" } });
  });
});
