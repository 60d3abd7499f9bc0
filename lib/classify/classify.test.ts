import { describe, expect, it } from "vitest";
import { suggestTaskClass, type UsageShape } from "./suggest";
import { guidanceTier, isRoutineClass, tierRank } from "./task-class";

const base: UsageShape = {
  avgInputTokens: 900, p50InputTokens: 850, p90InputTokens: 1_600,
  avgOutputTokens: 14, p50OutputTokens: 12, p90OutputTokens: 20,
  reasoningShare: 0, cachedShare: 0.1, callsPerDay: 5_000, calls: 150_000,
};

describe("suggestTaskClass", () => {
  it("short outputs on medium inputs -> classification, with the reason in words", () => {
    const s = suggestTaskClass(base);
    expect(s).toEqual({
      taskClass: "classification",
      confidence: "high",
      reasons: ["short outputs (median 12 tokens) on medium inputs (median 850 tokens) → classification"],
    });
  });

  it("recognises extraction, summarisation, drafting and support replies by their shape", () => {
    expect(suggestTaskClass({ ...base, p50InputTokens: 3_000, p50OutputTokens: 90, p90OutputTokens: 200 }).taskClass).toBe("extraction");
    expect(suggestTaskClass({ ...base, p50InputTokens: 6_000, p50OutputTokens: 400, p90OutputTokens: 700 }).taskClass).toBe("summarisation");
    expect(suggestTaskClass({ ...base, p50InputTokens: 300, p50OutputTokens: 700, p90OutputTokens: 1_500 }).taskClass).toBe("drafting");
    expect(suggestTaskClass({ ...base, p50InputTokens: 1_500, p50OutputTokens: 200, p90OutputTokens: 350 }).taskClass).toBe("support_reply");
  });

  it("recognises agent loops, long context and reasoning-heavy work", () => {
    const agent = suggestTaskClass({ ...base, p50InputTokens: 12_000, p90InputTokens: 60_000, cachedShare: 0.8, p50OutputTokens: 150, p90OutputTokens: 600 });
    expect(agent.taskClass).toBe("agentic");
    expect(agent.reasons[0]).toContain("80% of input read from cache");
    expect(suggestTaskClass({ ...base, p50InputTokens: 120_000, p90InputTokens: 180_000, p50OutputTokens: 800 })).toEqual({
      taskClass: "long_context", confidence: "medium", reasons: ["very long inputs (median 120,000 tokens) → long_context"],
    });
    expect(suggestTaskClass({ ...base, reasoningShare: 0.8, p50OutputTokens: 3_000, p90OutputTokens: 9_000 }).taskClass).toBe("complex_reasoning");
    // a label stays a label however long the model thinks first; the reasoning is reported as a finding
    const thinking = suggestTaskClass({ ...base, reasoningShare: 0.9, p50OutputTokens: 20, p90OutputTokens: 300 });
    expect(thinking.taskClass).toBe("classification");
    expect(thinking.confidence).toBe("low");
    expect(thinking.reasons[2]).toContain("reasoning is 90% of output tokens");
  });

  it("falls back to other, and says so when too few calls were seen", () => {
    const s = suggestTaskClass({ ...base, calls: 12 });
    expect(s.taskClass).toBe("classification");
    expect(s.confidence).toBe("low");
    expect(s.reasons[1]).toBe("only 12 calls observed: low confidence");
    expect(suggestTaskClass({ ...base, p50InputTokens: 100, p50OutputTokens: 100, p90OutputTokens: 300 }).taskClass).toBe("other");
  });
});

describe("routine classes and over-specification", () => {
  it("knows routine classes and their guidance tier", () => {
    expect(isRoutineClass("support_reply")).toBe(true);
    expect(isRoutineClass("coding")).toBe(false);
    expect(isRoutineClass(null)).toBe(false);
    expect(guidanceTier("classification")).toBe("small");
    expect(guidanceTier("drafting")).toBe("mid");
    expect(guidanceTier("agentic")).toBeNull();
    expect(tierRank("frontier")).toBeGreaterThan(tierRank("mid"));
    expect(tierRank(null)).toBe(-1);
  });
});
