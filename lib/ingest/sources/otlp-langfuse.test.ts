import { describe, expect, it } from "vitest";
import { readSpanCall } from "./otlp-usage";
import { SKIP } from "./outcome";

const attrs = (entries: Record<string, string | number>) => new Map(Object.entries(entries));

describe("Langfuse SDK spans (langfuse.observation.*)", () => {
  it("reads a generation's usage_details as Langfuse's separate parts", () => {
    // Anthropic through Langfuse: input 200 fresh + 3000 cache reads + 500 cache writes = 3,700 input tokens in all.
    const call = readSpanCall(attrs({
      "langfuse.observation.type": "generation",
      "langfuse.observation.model.name": "claude-sonnet-4-5",
      "langfuse.observation.usage_details": JSON.stringify({ input: 200, cache_read_input_tokens: 3000, cache_creation_input_tokens: 500, output: 80, total: 3780 }),
    }));
    expect(call).toEqual({
      kind: "call", model: "claude-sonnet-4-5", provider: "", dialect: "langfuse", meaning: "all",
      raw: { input: 3700, cacheRead: 3000, cacheWrite: 500, cacheWrite1h: 0, output: 80, reasoning: 0 },
    });
  });

  it("skips Langfuse spans that are not model calls, and rejects usage that is not a JSON object", () => {
    expect(readSpanCall(attrs({ "langfuse.observation.type": "span" }))).toEqual({ kind: "skip", reason: SKIP.noUsage });
    expect(readSpanCall(attrs({ "langfuse.observation.type": "agent", "langfuse.observation.usage_details": '{"input":5}' }))).toEqual({ kind: "skip", reason: SKIP.aggregate });
    expect(readSpanCall(attrs({ "langfuse.observation.type": "generation", "langfuse.observation.model.name": "gpt-4o", "langfuse.observation.usage_details": "12 tokens" })))
      .toMatchObject({ kind: "reject", field: "langfuse.observation.usage_details" });
    expect(readSpanCall(attrs({ "langfuse.observation.type": "generation", "langfuse.observation.model.name": "gpt-4o", "langfuse.observation.usage_details": '{"input":-1}' })))
      .toMatchObject({ kind: "reject", field: "langfuse.observation.usage_details", message: expect.stringContaining("input") });
  });
});
