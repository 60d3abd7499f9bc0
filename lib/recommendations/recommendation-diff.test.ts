import { describe, expect, it } from "vitest";
import { diffRecommendations, noteText } from "./recommendation-diff";

describe("price-change notes", () => {
  it("sums the moved savings and words the change", () => {
    // triage: $100 -> $600 (+$500); drafts: new, $740; search unchanged. +$1,240 over 2 workloads... and search stays out.
    const before = { triage: { candidate: "openai/gpt-5-mini", savingNanos: "100000000000" }, search: { candidate: "openai/gpt-5-nano", savingNanos: "5000000000" } };
    const after = {
      triage: { candidate: "openai/gpt-5-mini", savingNanos: "600000000000" },
      drafts: { candidate: "openai/gpt-5-mini", savingNanos: "740000000000" },
      search: { candidate: "openai/gpt-5-nano", savingNanos: "5000000000" },
    };
    const diff = diffRecommendations(before, after);
    expect(diff.workloads.map((w) => w.workload)).toEqual(["drafts", "triage"]);
    expect(diff.deltaNanos).toBe(1_240_000_000_000n);
    expect(noteText("gpt-5-mini", 0.6, diff)).toBe("gpt-5-mini is now 40% cheaper: 2 workloads could save $1,240.00/month more");
  });

  it("says when nothing moved, and when a model got dearer", () => {
    const same = { a: { candidate: "x/y", savingNanos: "1" } };
    expect(noteText("gpt-5", 1.25, diffRecommendations(same, same))).toBe("gpt-5 is now 25% dearer: recommendations unchanged");
    const lost = diffRecommendations({ a: { candidate: "x/y", savingNanos: "2500000000" } }, {});
    expect(noteText("y", 1.5, lost)).toBe("y is now 50% dearer: 1 workload could save $2.50/month less");
  });
});
