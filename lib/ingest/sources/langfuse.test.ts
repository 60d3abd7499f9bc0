import { describe, expect, it } from "vitest";
import { langfuseToEvents } from "./langfuse";
import { SKIP } from "./outcome";

const NOW = new Date("2026-11-01T00:00:00Z");
const generation = (id: string) => ({
  id, traceId: "t-1", type: "GENERATION", startTime: "2026-10-14T10:00:00Z", model: "gpt-4o", usageDetails: { input: 10, output: 5, total: 15 },
});

describe("Langfuse trace envelopes", () => {
  it("reads the observations of the UI's trace download { trace, observations }, not the trace's summary list", () => {
    const value = { trace: { id: "t-1", observations: [generation("summary-only")] }, observations: [generation("g-1"), { id: "s-1", traceId: "t-1", type: "SPAN", startTime: "2026-10-14T10:00:00Z" }] };
    const batch = langfuseToEvents(value, NOW);
    expect(batch.events.map((e) => e.externalId)).toEqual(["g-1"]);
    expect(batch.skipReasons).toEqual({ [SKIP.noUsage]: 1 });
  });

  it("reads GET /api/public/traces/{id} (the trace's own fields beside its observations) and names rejections by path", () => {
    const value = { id: "t-1", name: "agent", observations: [generation("g-1"), { ...generation("g-2"), startTime: "yesterday" }] };
    const batch = langfuseToEvents(value, NOW);
    expect(batch.events.map((e) => e.externalId)).toEqual(["g-1"]);
    expect(batch.rejected).toEqual([expect.objectContaining({ field: "observations[1].startTime" })]);
  });
});
