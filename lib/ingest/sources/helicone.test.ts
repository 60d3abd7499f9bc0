import { describe, expect, it } from "vitest";
import { heliconeToEvents } from "./helicone";

const NOW = new Date("2026-11-01T00:00:00Z");
const row = (counts: Record<string, number>) => ({
  request_id: "r-1", request_created_at: "2026-10-14T11:00:00Z", model: "claude-sonnet-4-5", provider: "ANTHROPIC", ...counts,
});

describe("Helicone token meaning (prompt_tokens is the fresh input, as Helicone's own price query adds the cache on top)", () => {
  it("adds cache reads and writes to prompt_tokens, without marking a guess", () => {
    // total_tokens 4,380 = 300 fresh + 80 output + 3,500 reads + 500 writes: the parts are separate.
    const batch = heliconeToEvents(row({ prompt_tokens: 300, completion_tokens: 80, prompt_cache_read_tokens: 3500, prompt_cache_write_tokens: 500, total_tokens: 4380 }), NOW);
    expect(batch.events[0]).toMatchObject({ inputTokens: 4300, cachedInputTokens: 3500, cacheWriteTokens: 500, outputTokens: 80 });
    expect(batch.events[0].guessedTokenMeaning).toBeUndefined();
  });

  it("reads an older inclusive row (total_tokens = prompt + completion) as all input", () => {
    // 4,300 input already holds the 3,500 reads and 500 writes: total 4,380 = 4,300 + 80.
    const batch = heliconeToEvents(row({ prompt_tokens: 4300, completion_tokens: 80, prompt_cache_read_tokens: 3500, prompt_cache_write_tokens: 500, total_tokens: 4380 }), NOW);
    expect(batch.events[0]).toMatchObject({ inputTokens: 4300, cachedInputTokens: 3500, cacheWriteTokens: 500 });
  });

  it("without total_tokens follows Helicone's rule (fresh input)", () => {
    const batch = heliconeToEvents(row({ prompt_tokens: 300, completion_tokens: 80, prompt_cache_read_tokens: 3500 }), NOW);
    expect(batch.events[0]).toMatchObject({ inputTokens: 3800, cachedInputTokens: 3500 });
  });
});

describe("Helicone's own cost", () => {
  it("reads the request API's USD and the stored integer of USD x 1e9 (HQL exports, Helicone's test mocks)", () => {
    const cost = (value: number) => heliconeToEvents(row({ prompt_tokens: 13, completion_tokens: 30, cost: value }), NOW).events[0].sourceCostNanos;
    expect(cost(0.00001995)).toBe(19_950n); // what GET/POST /v1/request/query answers
    expect(cost(19950)).toBe(19_950n); // request_response_rmt.cost as stored: 19,950 nano-dollars, not $19,950
    expect(cost(12.5)).toBe(12_500_000_000n); // a fractional amount is dollars whatever its size
    expect(cost(0)).toBe(0n);
  });
});
