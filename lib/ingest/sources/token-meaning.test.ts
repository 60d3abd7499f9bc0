/**
 * The same call, as each source reports it, must land as the same internal token meaning
 * (usage-event.ts): inputTokens = all input; cached and cache-write tokens are parts of it; reasoning is
 * part of output. The call: 1,000 fresh input tokens, 3,000 read from the cache, 500 written to it
 * (5-minute TTL), 400 output tokens of which 150 were reasoning.
 */
import { describe, expect, it } from "vitest";
import { anthropicUsageToEvents } from "./anthropic-usage";
import { parseLiteLlmSpendLog } from "./litellm";
import { parseNativeEvent } from "./native";
import { openAiUsageToEvents } from "./openai-usage";
import { decodeOtlpJson, otlpToEvents } from "./otlp";
import type { UsageEvent } from "../usage-event";

const NOW = new Date("2026-01-02T00:00:00Z");
const tokens = (e: UsageEvent) => ({
  inputTokens: e.inputTokens,
  cachedInputTokens: e.cachedInputTokens,
  cacheWriteTokens: e.cacheWriteTokens,
  outputTokens: e.outputTokens,
});
const EXPECTED = { inputTokens: 4500, cachedInputTokens: 3000, cacheWriteTokens: 500, outputTokens: 400 };

describe("one call, every source, one meaning", () => {
  it("Anthropic's separate counts and OpenAI's inclusive counts agree", () => {
    const anthropic = anthropicUsageToEvents(
      {
        data: [
          {
            starting_at: "2026-01-01T00:00:00Z",
            ending_at: "2026-01-01T01:00:00Z",
            results: [
              {
                uncached_input_tokens: 1000,
                cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 500 },
                cache_read_input_tokens: 3000,
                output_tokens: 400,
                model: "claude-sonnet-4-5",
              },
            ],
          },
        ],
      },
      NOW,
    ).events[0];
    const openai = openAiUsageToEvents(
      {
        object: "page",
        data: [
          {
            object: "bucket",
            start_time: 1767225600,
            end_time: 1767229200,
            results: [
              {
                object: "organization.usage.completions.result",
                input_tokens: 4500,
                input_cached_tokens: 3000,
                input_cache_write_tokens: 500,
                output_tokens: 400,
                num_model_requests: 1,
                model: "gpt-5",
              },
            ],
          },
        ],
      },
      NOW,
    ).events[0];
    expect(tokens(anthropic)).toEqual(EXPECTED);
    expect(tokens(openai)).toEqual(EXPECTED);
  });

  it("OTLP, LiteLLM and the native API agree too", () => {
    const otlp = otlpToEvents(
      decodeOtlpJson({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: "5b8efff798038103d269b633813fc60c",
                    spanId: "eee19b7ec3c1b174",
                    startTimeUnixNano: "1767225600000000000",
                    attributes: [
                      { key: "gen_ai.request.model", value: { stringValue: "claude-sonnet-4-5" } },
                      { key: "gen_ai.usage.input_tokens", value: { intValue: "4500" } },
                      { key: "gen_ai.usage.cache_read.input_tokens", value: { intValue: "3000" } },
                      { key: "gen_ai.usage.cache_creation.input_tokens", value: { intValue: "500" } },
                      { key: "gen_ai.usage.output_tokens", value: { intValue: "400" } },
                      { key: "gen_ai.usage.reasoning.output_tokens", value: { intValue: "150" } },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      }),
      NOW,
    ).events[0];
    // LiteLLM's Anthropic adapter folds cache reads and writes into prompt_tokens.
    const litellm = parseLiteLlmSpendLog(
      {
        request_id: "req-1",
        startTime: "2026-01-01T00:00:00Z",
        model: "claude-sonnet-4-5",
        custom_llm_provider: "anthropic",
        prompt_tokens: 4500,
        completion_tokens: 400,
        metadata: {
          additional_usage_values: {
            cache_read_input_tokens: 3000,
            cache_creation_input_tokens: 500,
            prompt_tokens_details: { cached_tokens: 3000 },
            completion_tokens_details: { reasoning_tokens: 150 },
          },
        },
      },
      0,
      NOW,
    );
    const native = parseNativeEvent(
      { timestamp: "2026-01-01T00:00:00Z", model: "claude-sonnet-4-5", input_tokens: 4500, cached_input_tokens: 3000, cache_write_tokens: 500, output_tokens: 400, reasoning_tokens: 150 },
      0,
      NOW,
    );
    expect(tokens(otlp)).toEqual(EXPECTED);
    expect(litellm?.ok && tokens(litellm.event)).toEqual(EXPECTED);
    expect(native.ok && tokens(native.event)).toEqual(EXPECTED);
    expect(otlp.reasoningTokens).toBe(150);
    expect(litellm?.ok && litellm.event.reasoningTokens).toBe(150);
  });
});
