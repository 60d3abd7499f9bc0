import { describe, expect, it } from "vitest";
import { WhatIfRequestSchema } from "@/lib/whatif/schema";
import { shareOnTarget } from "./scenario-shift";

const target = { provider: "openai", model: "gpt-5" };
const group = (workloadSlug: string, provider = "openai", model = "gpt-5") => ({ workloadSlug, teamSlug: "support", taskClass: null, provider, model });
const rules = (r: unknown[]) => WhatIfRequestSchema.parse({ from: "2026-10-01", to: "2026-10-31", rules: r }).rules;

describe("which share of a call group ends on the committed model", () => {
  it("keeps unmatched traffic where it is", () => {
    const rs = rules([{ select: { workloads: ["other"] }, reroute: { provider: "openai", model: "gpt-5-mini" } }]);
    expect(shareOnTarget(rs, target, group("triage"))).toBe(1);
    expect(shareOnTarget(rs, target, group("triage", "anthropic", "claude-sonnet-4-5"))).toBe(0);
  });

  it("moves rerouted traffic off or onto it, less what goes to the Batch API", () => {
    const rs = rules([
      { select: { workloads: ["triage"] }, reroute: { provider: "openai", model: "gpt-5-mini" } },
      { select: { workloads: ["drafts"] }, reroute: target, batchShare: 0.25 },
    ]);
    expect(shareOnTarget(rs, target, group("triage"))).toBe(0);
    // drafts on Claude come over, 25% of them as batch jobs: 0.75 of their tokens land on the capacity
    expect(shareOnTarget(rs, target, group("drafts", "anthropic", "claude-sonnet-4-5"))).toBe(0.75);
  });

  it("adds rate escalations to the committed model", () => {
    const rs = rules([{ select: { workloads: ["triage"] }, reroute: { provider: "openai", model: "gpt-5-mini" }, escalation: { ...target, rate: 0.2, tokenShare: 0.5 } }]);
    // 20% of calls escalate with half their tokens: 0.2 x 0.5 = 0.1
    expect(shareOnTarget(rs, target, group("triage"))).toBeCloseTo(0.1, 12);
  });
});
