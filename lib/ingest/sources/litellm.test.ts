import { describe, expect, it } from "vitest";
import { parseLiteLlmSpendLog } from "./litellm";

const NOW = new Date("2026-01-01T00:00:00Z");

function ok(raw: unknown) {
  const outcome = parseLiteLlmSpendLog(raw, 7, NOW);
  if (!outcome?.ok) throw new Error(`expected an event, got ${JSON.stringify(outcome)}`);
  return outcome.event;
}

describe("LiteLLM spend logs", () => {
  const row = {
    request_id: "chatcmpl-abc123",
    call_type: "acompletion",
    api_key: "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b",
    spend: 0.002,
    total_tokens: 1700,
    prompt_tokens: 1500,
    completion_tokens: 200,
    startTime: "2025-06-21T15:47:15.344000Z",
    endTime: "2025-06-21T15:47:16.944000Z",
    model: "gpt-4o",
    model_group: "gpt-4o",
    custom_llm_provider: "openai",
    user: "ishaan@berri.ai",
    metadata: JSON.stringify({
      user_api_key_alias: "prod-search",
      user_api_key_team_alias: "search",
      spend_logs_metadata: { feature: "query-rewrite" },
      additional_usage_values: { prompt_tokens_details: { cached_tokens: 1024 }, completion_tokens_details: { reasoning_tokens: 64 } },
    }),
    request_tags: '["env:prod", "nightly"]',
    team_id: "a3f1",
    end_user: "customer-7",
    status: "success",
  };

  it("maps a spend-log row; prompt_tokens already includes cached tokens", () => {
    expect(ok(row)).toEqual({
      source: "litellm",
      externalId: "chatcmpl-abc123",
      occurredAt: new Date("2025-06-21T15:47:15.344Z"),
      provider: "openai",
      model: "gpt-4o",
      inputTokens: 1500,
      cachedInputTokens: 1024,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      outputTokens: 200,
      reasoningTokens: 64,
      requests: 1,
      team: "search",
      workload: null,
      user: "ishaan@berri.ai",
      sourceKey: "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b",
      batch: false,
      serviceTier: null,
      sourceCostNanos: 2_000_000n,
      latencyMs: 1600,
      status: "ok",
      tags: {
        env: "prod",
        nightly: "true",
        feature: "query-rewrite",
        "litellm.team_id": "a3f1",
        "litellm.key_alias": "prod-search",
        "litellm.end_user": "customer-7",
        "litellm.model_group": "gpt-4o",
        "litellm.call_type": "acompletion",
      },
    });
  });

  it("reads CSV-style text cells, Python float spend and Postgres timestamps", () => {
    const event = ok({ ...row, prompt_tokens: "1500", completion_tokens: "200", spend: "1.2e-05", startTime: "2025-06-21 15:47:15.344+00", endTime: "", request_duration_ms: "1234" });
    expect(event).toMatchObject({ inputTokens: 1500, outputTokens: 200, sourceCostNanos: 12_000n, occurredAt: new Date("2025-06-21T15:47:15.344Z"), latencyMs: 1234 });
  });

  it("splits a provider prefix off the model only when it names the provider", () => {
    expect(ok({ ...row, model: "anthropic/claude-sonnet-4-20250514", custom_llm_provider: "" })).toMatchObject({ provider: "anthropic", model: "claude-sonnet-4-20250514" });
    expect(ok({ ...row, model: "accounts/fireworks/models/llama-v3p1-70b-instruct", custom_llm_provider: "fireworks_ai" })).toMatchObject({
      provider: "fireworks_ai",
      model: "accounts/fireworks/models/llama-v3p1-70b-instruct",
    });
  });

  it("adds cache tokens back for old versions that passed Anthropic's uncached input through", () => {
    const event = ok({ ...row, prompt_tokens: 20, metadata: { additional_usage_values: { cache_read_input_tokens: 3000, cache_creation_input_tokens: 500 } } });
    expect(event).toMatchObject({ inputTokens: 3520, cachedInputTokens: 3000, cacheWriteTokens: 500 });
  });

  it("skips calls that never reached a model and rejects bad rows by field", () => {
    expect(parseLiteLlmSpendLog({ request_id: "x", startTime: "2025-06-21 15:49:15", model: "", prompt_tokens: 0, completion_tokens: 0, status: "failure" }, 1, NOW)).toBeNull();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...row, prompt_tokens: "-3" }, "prompt_tokens", 'must be a non-negative integer, got "-3"'],
      [{ ...row, completion_tokens: 2.5 }, "completion_tokens", "must be a non-negative integer, got 2.5"],
      [{ ...row, request_id: "" }, "request_id", "is required; it identifies the request so re-imports count it once"],
      [{ ...row, startTime: "21/06/2025" }, "startTime", 'is not a date-time, got "21/06/2025"'],
      [{ ...row, startTime: "2026-03-01T00:00:00Z" }, "startTime", "is more than 24 hours in the future (2026-03-01T00:00:00.000Z)"],
      [{ ...row, model: "", model_group: null }, "model", "is missing: the row has tokens but names no model (model or model_group)"],
      [{ ...row, metadata: "{not json" }, "metadata", 'is not valid JSON: "{not json"'],
      [{ ...row, spend: "free" }, "spend", 'must be a non-negative amount in USD, got "free"'],
    ];
    for (const [raw, field, message] of cases) {
      expect(parseLiteLlmSpendLog(raw, 7, NOW)).toEqual({ ok: false, error: { index: 7, field, message } });
    }
  });
});
