import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NativeEventSchema, parseNativeEvent } from "./native";

const NOW = new Date("2026-01-02T00:00:00Z");
const base = { timestamp: "2026-01-01T10:00:00Z", model: "gpt-4.1-mini" };

function ok(raw: unknown) {
  const outcome = parseNativeEvent(raw, 0, NOW);
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome.error)}`);
  return outcome.event;
}
function error(raw: unknown, index = 3) {
  const outcome = parseNativeEvent(raw, index, NOW);
  if (outcome.ok) throw new Error("expected a rejection");
  return outcome.error;
}

describe("parseNativeEvent", () => {
  it("maps every documented field", () => {
    const event = ok({
      id: "evt-1",
      timestamp: "2026-01-01T10:00:00.123456Z",
      provider: "  OpenAI ",
      model: "gpt-4.1-mini",
      input_tokens: 1200,
      cached_input_tokens: 1000,
      cache_write_tokens: 100,
      output_tokens: 300,
      reasoning_tokens: 120,
      requests: 2,
      team: "search",
      workload: "rewrite",
      user: "alice",
      batch: true,
      service_tier: "flex",
      cost_usd: "0.000420",
      latency_ms: 812.6,
      status: "ok",
      tags: { env: "prod" },
      unknown_field: { ignored: true },
    });
    expect(event).toEqual({
      source: "api",
      externalId: "evt-1",
      occurredAt: new Date("2026-01-01T10:00:00.123Z"),
      provider: "openai",
      model: "gpt-4.1-mini",
      inputTokens: 1200,
      cachedInputTokens: 1000,
      cacheWriteTokens: 100,
      outputTokens: 300,
      reasoningTokens: 120,
      requests: 2,
      team: "search",
      workload: "rewrite",
      user: "alice",
      sourceKey: null,
      batch: true,
      serviceTier: "flex",
      sourceCostNanos: 420_000n,
      latencyMs: 813,
      status: "ok",
      tags: { env: "prod" },
    });
  });

  it("fills defaults: zero tokens, one request, empty provider, no labels", () => {
    const event = ok(base);
    expect(event).toMatchObject({ provider: "", inputTokens: 0, outputTokens: 0, requests: 1, batch: false, team: null, sourceCostNanos: null, tags: {} });
    expect(ok({ ...base, team: "  ", cost_usd: 0.25 })).toMatchObject({ team: null, sourceCostNanos: 250_000_000n });
    expect(ok({ ...base, model: " gpt-5 ", provider: null, tags: null })).toMatchObject({ model: "gpt-5", provider: "" });
  });

  it("reads zone-less and offset timestamps deterministically (no zone = UTC)", () => {
    expect(ok({ ...base, timestamp: "2026-01-01T10:00:00" }).occurredAt.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(ok({ ...base, timestamp: "2026-01-01T12:00:00+02:00" }).occurredAt.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(ok({ ...base, timestamp: "2026-01-01" }).occurredAt.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("derives a stable id from the canonical JSON when none is given", () => {
    const a = ok({ ...base, input_tokens: 5, tags: { b: "2", a: "1" } });
    const b = ok({ tags: { a: "1", b: "2" }, input_tokens: 5, model: "gpt-4.1-mini", timestamp: "2026-01-01T10:00:00Z" });
    expect(a.externalId).toMatch(/^[0-9a-f]{64}$/);
    expect(b.externalId).toBe(a.externalId);
    // Pinned: the key must not change between releases, or re-sent events would be counted twice.
    // sha256 of {"model":"gpt-4.1-mini","timestamp":"2026-01-01T10:00:00Z"}
    expect(ok(base).externalId).toBe("8e4b533663f77f11bafbf9d5ad5f0d4fbd8523ddab678fdb8c8a52c4fd54e08d");
    expect(ok({ ...base, input_tokens: 6 }).externalId).not.toBe(ok({ ...base, input_tokens: 5 }).externalId);
  });

  it.each([
    [{ ...base, input_tokens: -5 }, "input_tokens", "must be a non-negative integer, got -5"],
    [{ ...base, output_tokens: 1.5 }, "output_tokens", "must be a non-negative integer, got 1.5"],
    [{ ...base, cached_input_tokens: "12" }, "cached_input_tokens", 'must be a non-negative integer, got "12"'],
    [{ ...base, input_tokens: 3e9 }, "input_tokens", "is 3000000000, more than one record can hold (2147483647); split the data into smaller records or buckets"],
    [{ ...base, timestamp: "yesterday" }, "timestamp", 'is not an ISO-8601 date-time, got "yesterday"'],
    [{ ...base, timestamp: "2026-02-30T00:00:00Z" }, "timestamp", 'is not an ISO-8601 date-time, got "2026-02-30T00:00:00Z"'],
    [{ ...base, timestamp: 1767261600 }, "timestamp", "must be an ISO-8601 string, got 1767261600"],
    [{ model: "gpt-4.1" }, "timestamp", "is required (ISO-8601, e.g. 2026-01-31T12:00:00Z)"],
    [{ ...base, timestamp: "2026-01-03T00:00:01Z" }, "timestamp", "is more than 24 hours in the future (2026-01-03T00:00:01.000Z)"],
    [{ timestamp: base.timestamp }, "model", "is required"],
    [{ ...base, model: "   " }, "model", "must not be empty"],
    [
      { ...base, input_tokens: 10, cached_input_tokens: 8, cache_write_tokens: 5 },
      "cached_input_tokens",
      "cached_input_tokens (8) + cache_write_tokens (5) exceed input_tokens (10); input_tokens must count all input, cached and cache-write tokens included",
    ],
    [{ ...base, output_tokens: 1, reasoning_tokens: 2 }, "reasoning_tokens", "reasoning_tokens (2) exceed output_tokens (1); output_tokens must count all output, reasoning included"],
    [{ ...base, requests: -1 }, "requests", "must be a non-negative integer, got -1"],
    [{ ...base, id: "" }, "id", 'must be a non-empty string, got ""'],
    [{ ...base, id: 42 }, "id", "must be a non-empty string, got 42"],
    [{ ...base, team: 7 }, "team", "must be a string, got 7"],
    [{ ...base, batch: "yes" }, "batch", 'must be true or false, got "yes"'],
    [{ ...base, cost_usd: "-1.00" }, "cost_usd", 'must be a decimal amount like "0.0125" or a number, got "-1.00"'],
    [{ ...base, cost_usd: "1e-7" }, "cost_usd", 'must be a decimal amount like "0.0125" or a number, got "1e-7"'],
    [{ ...base, cost_usd: -0.5 }, "cost_usd", "must be a non-negative amount in USD, got -0.5"],
    [{ ...base, latency_ms: -1 }, "latency_ms", "must be a non-negative number of milliseconds, got -1"],
    [{ ...base, tags: ["a"] }, "tags", "must be an object of string values, got an array"],
    [{ ...base, tags: { env: 1 } }, "tags.env", "must be a string, got 1"],
    [[base], "event", "must be a JSON object, got an array"],
    ["text", "event", 'must be a JSON object, got "text"'],
  ])("rejects %j at %s", (raw, field, message) => {
    expect(error(raw)).toEqual({ index: 3, field, message });
  });

  it("agrees with NativeEventSchema on what is valid", () => {
    const corpus: unknown[] = [
      base,
      { ...base, id: "x", provider: "OpenAI", input_tokens: 10, cached_input_tokens: 4, cache_write_tokens: 6, output_tokens: 3, reasoning_tokens: 3 },
      { ...base, cost_usd: "12.", latency_ms: 0, status: "429", tags: { a: "" }, batch: false, requests: 0 },
      { ...base, cost_usd: ".5", team: null, workload: null, user: "" },
      { ...base, timestamp: "2026-01-01 10:00:00.5+0530" },
      { ...base, input_tokens: -1 },
      { ...base, input_tokens: 1.5 },
      { ...base, input_tokens: "1" },
      { ...base, timestamp: "2026-13-01T00:00:00Z" },
      { ...base, timestamp: "Jan 1 2026" },
      { ...base, model: "" },
      { ...base, model: "  " },
      { ...base, model: 5 },
      { timestamp: base.timestamp },
      { model: "m" },
      { ...base, cached_input_tokens: 1 },
      { ...base, reasoning_tokens: 1 },
      { ...base, id: "" },
      { ...base, id: "x".repeat(257) },
      { ...base, provider: "p".repeat(65) },
      { ...base, cost_usd: "abc" },
      { ...base, cost_usd: -1 },
      { ...base, cost_usd: true },
      { ...base, latency_ms: "5" },
      { ...base, batch: 1 },
      { ...base, tags: { k: 1 } },
      { ...base, tags: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, "v"])) },
      { ...base, tags: { ["k".repeat(129)]: "v" } },
      { ...base, team: "t".repeat(257) },
      { ...base, requests: 2.5 },
    ];
    for (const raw of corpus) {
      const fast = parseNativeEvent(raw, 0, NOW).ok;
      const schema = NativeEventSchema.safeParse(raw).success;
      expect({ raw, fast }).toEqual({ raw, fast: schema });
    }
  });

  it("exports a schema that converts to JSON Schema for the OpenAPI document", () => {
    const json = z.toJSONSchema(NativeEventSchema, { io: "input" }) as { properties: Record<string, { description?: string }>; required: string[] };
    expect(Object.keys(json.properties)).toEqual(
      expect.arrayContaining(["id", "timestamp", "provider", "model", "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens", "reasoning_tokens", "requests", "team", "workload", "user", "batch", "service_tier", "cost_usd", "latency_ms", "status", "tags"]),
    );
    expect(json.required.sort()).toEqual(["model", "timestamp"]);
    expect(json.properties.input_tokens.description).toContain("cached");
  });
});
