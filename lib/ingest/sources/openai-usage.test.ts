import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openAiUsageToEvents } from "./openai-usage";

const NOW = new Date("2026-01-01T00:00:00Z");
const page = JSON.parse(readFileSync(path.join(__dirname, "fixtures/openai-usage-completions.json"), "utf8"));

describe("OpenAI usage export", () => {
  const batch = openAiUsageToEvents(page, NOW);

  it("turns each documented result into one event", () => {
    expect(batch.events).toHaveLength(2);
    expect(batch.events[0]).toEqual({
      source: "openai",
      externalId: expect.stringMatching(/^[0-9a-f]{64}$/),
      occurredAt: new Date(1730419200 * 1000),
      provider: "openai",
      model: "gpt-4o-mini-2024-07-18",
      inputTokens: 1000, // input_tokens already includes the 800 cached tokens
      cachedInputTokens: 800,
      cacheWriteTokens: 0,
      outputTokens: 500,
      reasoningTokens: 0,
      requests: 5,
      team: null,
      workload: null,
      user: "user-abc",
      sourceKey: "proj_abc123",
      batch: false,
      serviceTier: "default",
      sourceCostNanos: null,
      latencyMs: null,
      status: null,
      tags: {
        "openai.project_id": "proj_abc123",
        "openai.api_key_id": "key_abc123",
        "openai.user_id": "user-abc",
        "openai.bucket_end": "2024-11-02T00:00:00.000Z",
      },
    });
    expect(batch.events[1]).toMatchObject({ model: "gpt-4o-2024-08-06", batch: true, requests: 40, user: null });
  });

  it("rejects a result without a model, saying how to export one", () => {
    expect(batch.rejected).toEqual([
      {
        index: 2,
        field: "data[1].results[0].model",
        message: "is null: export usage with group_by=model so each result names the model it can be priced with",
      },
    ]);
  });

  it("gives the same ids on every import, and different ids to different buckets", () => {
    const again = openAiUsageToEvents(JSON.parse(JSON.stringify(page)), NOW);
    expect(again.events.map((e) => e.externalId)).toEqual(batch.events.map((e) => e.externalId));
    expect(new Set(batch.events.map((e) => e.externalId)).size).toBe(2);
    // Pinned so a refactor cannot silently change keys (which would double-count re-imports).
    expect(batch.events[0].externalId).toBe(PINNED_KEY);
  });

  it("accepts an array of pages, a bare bucket, and embeddings results", () => {
    const pages = openAiUsageToEvents([page, page], NOW);
    expect(pages.events).toHaveLength(4);
    expect(pages.rejected.map((r) => r.field)).toEqual(["[0].data[1].results[0].model", "[1].data[1].results[0].model"]);
    const bucket = {
      object: "bucket",
      start_time: 1730419200,
      end_time: 1730505600,
      results: [{ object: "organization.usage.embeddings.result", input_tokens: 16, num_model_requests: 2, model: "text-embedding-3-small" }],
    };
    expect(openAiUsageToEvents(bucket, NOW).events[0]).toMatchObject({ model: "text-embedding-3-small", inputTokens: 16, outputTokens: 0, requests: 2 });
  });

  it("rejects a cost result (a bill, not usage) pointing to the bills import, instead of skipping it", () => {
    const costs = { object: "page", data: [{ object: "bucket", start_time: 1730419200, results: [{ object: "organization.costs.result", amount: { value: 0.06, currency: "usd" } }] }] };
    const out = openAiUsageToEvents(costs, NOW);
    expect(out.skipped).toBe(0);
    expect(out.rejected).toEqual([{ index: 0, field: "data[0].results[0].object", message: expect.stringContaining("rightsize bills import FILE --provider openai") }]);
  });

  it("skips non-token results and rejects bad values with their path", () => {
    const bad = {
      object: "page",
      data: [
        {
          object: "bucket",
          start_time: 1730419200,
          results: [
            { object: "organization.usage.images.result", images: 2, num_model_requests: 1 },
            { object: "organization.usage.completions.result", input_tokens: -1, output_tokens: 1, num_model_requests: 1, model: "gpt-4o" },
            { object: "organization.usage.completions.result", input_tokens: 10, input_cached_tokens: 11, output_tokens: 1, num_model_requests: 1, model: "gpt-4o" },
            { object: "organization.usage.completions.result", input_tokens: 10, output_tokens: 1, model: "gpt-4o" },
          ],
        },
        { object: "bucket", start_time: "yesterday", results: [{ input_tokens: 1 }] },
        { object: "bucket", start_time: 1830419200, results: [{ input_tokens: 1 }] },
      ],
    };
    const out = openAiUsageToEvents(bad, NOW);
    expect(out.skipped).toBe(1);
    expect(out.events).toEqual([]);
    expect(out.rejected).toEqual([
      { index: 1, field: "data[0].results[1].input_tokens", message: "must be a non-negative integer, got -1" },
      { index: 2, field: "data[0].results[2].input_cached_tokens", message: "cached (11) and cache-write (0) tokens exceed input_tokens (10)" },
      { index: 3, field: "data[0].results[3].num_model_requests", message: "is required" },
      { index: 4, field: "data[1].start_time", message: 'must be a Unix time in seconds, got "yesterday"' },
      { index: 5, field: "data[2].start_time", message: "is more than 24 hours in the future (2028-01-02T09:46:40.000Z)" },
    ]);
    expect(openAiUsageToEvents("nope", NOW).rejected).toEqual([{ index: 0, field: "data", message: 'record must be a usage page or bucket object, got "nope"' }]);
  });
});

// sha256 of ["openai","organization.usage.completions.result",1730419200,1730505600,"proj_abc123","key_abc123",
//            "user-abc","gpt-4o-mini-2024-07-18",false,"default",null] (compact JSON)
const PINNED_KEY = "815d3c56b8e6332df0a150975649496e1461e6083e54e548df3ea67e82d94cae";

describe("OpenAI exports not grouped by batch / service_tier (issue 9.4)", () => {
  const result = (extra: Record<string, unknown>) => ({ object: "organization.usage.completions.result", input_tokens: 10, output_tokens: 1, num_model_requests: 1, model: "gpt-4o", ...extra });
  it("counts results that lack batch or service_tier, so the import warns naming the group-by", () => {
    const page = { object: "page", data: [{ object: "bucket", start_time: 1730419200, results: [
      result({ batch: false, service_tier: "default" }),
      result({ batch: null, service_tier: "default" }),
      result({ batch: true }),
      result({}),
    ] }] };
    expect(openAiUsageToEvents(page, NOW).warnings).toEqual({ openai_not_grouped: 3 });
    expect(openAiUsageToEvents({ ...page, data: [{ ...page.data[0], results: [result({ batch: false, service_tier: "flex" })] }] }, NOW).warnings).toBeUndefined();
  });
});
