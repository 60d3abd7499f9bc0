import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { anthropicUsageToEvents } from "./anthropic-usage";

const NOW = new Date("2026-01-01T00:00:00Z");
const report = JSON.parse(readFileSync(path.join(__dirname, "fixtures/anthropic-usage-messages.json"), "utf8"));

describe("Anthropic usage report", () => {
  const batch = anthropicUsageToEvents(report, NOW);

  it("adds cache reads and both cache-write TTLs into input tokens", () => {
    expect(batch.rejected).toEqual([]);
    expect(batch.events[0]).toEqual({
      source: "anthropic",
      externalId: expect.stringMatching(/^[0-9a-f]{64}$/),
      occurredAt: new Date("2025-08-01T00:00:00Z"),
      provider: "anthropic",
      model: "claude-sonnet-4-20250514",
      inputTokens: 3200, // 1500 uncached + 1000 (1h write) + 500 (5m write) + 200 cache read
      cachedInputTokens: 200,
      cacheWriteTokens: 1500,
      cacheWrite1hTokens: 1000, // cache_creation.ephemeral_1h_input_tokens: priced at 2x input, not kept as a tag
      outputTokens: 500,
      reasoningTokens: 0,
      requests: 0, // the report has no request count
      team: null,
      workload: null,
      user: null,
      sourceKey: "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ",
      batch: false,
      serviceTier: "standard",
      sourceCostNanos: null,
      latencyMs: null,
      status: null,
      tags: {
        "anthropic.api_key_id": "apikey_01Rj2N8SVvo6BePZj99NhmiT",
        "anthropic.workspace_id": "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ",
        "anthropic.context_window": "0-200k",
        "anthropic.web_search_requests": "10",
        "anthropic.bucket_end": "2025-08-02T00:00:00.000Z",
      },
    });
  });

  it("marks the batch service tier as batch and falls back to the API key as source key", () => {
    expect(batch.events[1]).toMatchObject({ batch: true, serviceTier: "batch", sourceKey: "apikey_01Rj2N8SVvo6BePZj99NhmiT", inputTokens: 90000 });
  });

  it("keys buckets stably, whatever the timestamp spelling", () => {
    const respelled = JSON.parse(JSON.stringify(report).replaceAll("T00:00:00Z", "T00:00:00+00:00"));
    expect(anthropicUsageToEvents(respelled, NOW).events.map((e) => e.externalId)).toEqual(batch.events.map((e) => e.externalId));
    expect(batch.events[0].externalId).not.toBe(batch.events[1].externalId);
    expect(batch.events[0].externalId).toBe(PINNED_KEY);
  });

  it("rejects bad results with their path and skips nothing silently", () => {
    const bad = {
      data: [
        {
          starting_at: "2025-08-01T00:00:00Z",
          ending_at: "2025-08-02T00:00:00Z",
          results: [
            { uncached_input_tokens: 1, output_tokens: 1, model: null },
            { uncached_input_tokens: 1, output_tokens: 1, cache_creation: { ephemeral_5m_input_tokens: "3" }, model: "claude-3-5-haiku-20241022" },
            { output_tokens: 1, model: "claude-3-5-haiku-20241022" },
          ],
        },
        { starting_at: "2025-13-01", results: [{}] },
      ],
    };
    expect(anthropicUsageToEvents(bad, NOW).rejected).toEqual([
      { index: 0, field: "data[0].results[0].model", message: "is null: request the report with group_by[]=model so each result names the model it can be priced with" },
      { index: 1, field: "data[0].results[1].cache_creation.ephemeral_5m_input_tokens", message: 'must be a non-negative integer, got "3"' },
      { index: 2, field: "data[0].results[2].uncached_input_tokens", message: "is required" },
      { index: 3, field: "data[1].starting_at", message: 'must be an RFC 3339 date-time, got "2025-13-01"' },
    ]);
  });
});

// sha256 of ["anthropic.messages",1754006400000,1754092800000,"apikey_01Rj2N8SVvo6BePZj99NhmiT",
//            "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ","claude-sonnet-4-20250514","standard","0-200k",null,null,null,null]
const PINNED_KEY = "f4a0ae1441544388fa9effcf357efc246feb354cf7db42b119f8411c3fe10f3c";

describe("Anthropic reports not grouped by service_tier, and Priority Tier (issue 9.4)", () => {
  it("counts results without a service tier and priority results priced at list", () => {
    const r = (tier: string | null) => ({ uncached_input_tokens: 10, output_tokens: 1, model: "claude-sonnet-4-5", service_tier: tier });
    const page = { data: [{ starting_at: "2025-08-01T00:00:00Z", ending_at: "2025-08-02T00:00:00Z", results: [r(null), r(null), r("priority"), r("standard"), r("batch")] }] };
    expect(anthropicUsageToEvents(page, new Date("2026-01-01T00:00:00Z")).warnings).toEqual({ anthropic_not_grouped: 2, anthropic_priority_list_price: 1 });
  });
});
