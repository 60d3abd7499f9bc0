import { describe, expect, it } from "vitest";
import { pickRun } from "./run-id";
import { parseNativeEvent } from "./native";
import { parseLiteLlmSpendLog } from "./litellm";
import { decodeOtlpJson, otlpToEvents } from "./otlp";

const NOW = new Date("2026-01-02T00:00:00Z");

describe("which id groups a call into a run", () => {
  it("an explicit run id wins, then the session id, then the trace id; blanks are absent", () => {
    expect(pickRun("r", "s", "t")).toEqual({ id: "r", kind: 1 });
    expect(pickRun(" ", "s", "t")).toEqual({ id: "s", kind: 2 });
    expect(pickRun(null, "", "t")).toEqual({ id: "t", kind: 3 });
    expect(pickRun(undefined, undefined, undefined)).toBeNull();
  });

  it("native events: run_id, session_id, trace_id (strings)", () => {
    const base = { timestamp: "2026-01-01T10:00:00Z", model: "gpt-4o" };
    const parsed = parseNativeEvent({ ...base, session_id: "chat-9", trace_id: "abc" }, 0, NOW);
    expect(parsed.ok && parsed.event.run).toEqual({ id: "chat-9", kind: 2 });
    expect(parseNativeEvent({ ...base, run_id: 7 }, 3, NOW)).toEqual({ ok: false, error: { index: 3, field: "run_id", message: "must be a string, got 7" } });
  });

  it("LiteLLM spend logs: spend_logs_metadata.run_id, else session_id, else metadata.trace_id", () => {
    const row = { request_id: "req-1", startTime: "2026-01-01T10:00:00Z", model: "gpt-4o", prompt_tokens: 10, completion_tokens: 1, session_id: "sess-1" };
    const a = parseLiteLlmSpendLog({ ...row, metadata: { trace_id: "tr-1" } }, 0, NOW);
    expect(a?.ok && a.event.run).toEqual({ id: "sess-1", kind: 2 });
    const b = parseLiteLlmSpendLog({ ...row, session_id: null, metadata: { spend_logs_metadata: { run_id: "job-4" } } }, 0, NOW);
    expect(b?.ok && b.event.run).toEqual({ id: "job-4", kind: 1 });
  });

  it("OTLP spans: gen_ai.conversation.id, else the span's trace id", () => {
    const span = (attrs: { key: string; value: { stringValue?: string; intValue?: string } }[]) => ({
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      name: "chat",
      startTimeUnixNano: "1767261600000000000",
      endTimeUnixNano: "1767261601000000000",
      attributes: [
        { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
        { key: "gen_ai.provider.name", value: { stringValue: "openai" } },
        { key: "gen_ai.request.model", value: { stringValue: "gpt-4o" } },
        { key: "gen_ai.usage.input_tokens", value: { intValue: "10" } },
        { key: "gen_ai.usage.output_tokens", value: { intValue: "2" } },
        ...attrs,
      ],
    });
    const request = (s: unknown) => decodeOtlpJson({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans: [s] }] }] });
    const withConversation = otlpToEvents(request(span([{ key: "gen_ai.conversation.id", value: { stringValue: "conv-1" } }])), NOW);
    expect(withConversation.events[0].run).toEqual({ id: "conv-1", kind: 2 });
    const bare = otlpToEvents(request(span([])), NOW);
    expect(bare.events[0].run).toEqual({ id: "0af7651916cd43dd8448eb211c80319c", kind: 3 });
  });
});
