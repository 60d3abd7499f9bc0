import { describe, expect, it } from "vitest";
import { WhatIfRequestSchema } from "./schema";

const base = { from: "2026-10-01", to: "2026-10-31" };
const messages = (input: unknown) => {
  const r = WhatIfRequestSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("WhatIfRequestSchema", () => {
  it("accepts the issue's example and fills the defaults", () => {
    const r = WhatIfRequestSchema.parse({
      ...base,
      rules: [{
        select: { workloads: ["ticket-triage"] },
        reroute: { model: "gpt-5-mini", provider: "openai" },
        escalation: { model: "gpt-5.5", provider: "openai", rate: 0.1 },
      }],
    });
    expect(r.rules[0]).toEqual({
      select: { workloads: ["ticket-triage"] },
      reroute: { model: "gpt-5-mini", provider: "openai" },
      escalation: { model: "gpt-5.5", provider: "openai", mode: "rate", rate: 0.1, tokenShare: 1 },
      batchShare: 0,
      cachedShare: null,
      outputFactor: 1,
    });
  });

  it("refuses rates and shares outside 0-100%, naming the field", () => {
    expect(messages({ ...base, rules: [{ select: {}, escalation: { model: "m", provider: "p", rate: 1.5 }, batchShare: -0.1, cachedShare: 2 }] })).toEqual([
      "rules.0.escalation.rate: escalation rate must be between 0 and 1 (0-100%)",
      "rules.0.batchShare: batchShare must be between 0 and 1 (0-100%)",
      "rules.0.cachedShare: cachedShare must be between 0 and 1 (0-100%)",
    ]);
    expect(messages({ ...base, rules: [{ select: {}, outputFactor: 0 }] })).toEqual(["rules.0.outputFactor: outputFactor must be greater than 0"]);
  });

  it("needs a rate unless the escalation replays an eval set", () => {
    expect(messages({ ...base, rules: [{ select: {}, escalation: { model: "m", provider: "p" } }] })).toEqual([
      "rules.0.escalation.rate: escalation rate is required (0-1) unless mode is replay",
    ]);
    expect(messages({ ...base, rules: [{ select: {}, escalation: { model: "m", provider: "p", mode: "replay" } }] })).toEqual([]);
  });

  it("checks dates, the window and unknown fields", () => {
    expect(messages({ from: "2026-02-30", to: "2026-10-31", rules: [{ select: {} }] })).toEqual(["from: from must be a real UTC date (YYYY-MM-DD)"]);
    expect(messages({ from: "2026-10-31", to: "2026-10-01", rules: [{ select: {} }] })).toEqual(["to: to (2026-10-01) is before from (2026-10-31)"]);
    expect(messages({ from: "2025-01-01", to: "2026-10-01", rules: [{ select: {} }] })).toEqual(["to: the window is longer than 366 days"]);
    expect(messages({ ...base, rules: [] })).toEqual(["rules: a scenario needs at least one rule"]);
    expect(messages({ ...base, rules: [{ select: { workloads: [] } }] })).toEqual([
      "rules.0.select.workloads: an empty workloads list selects nothing: leave it out instead",
    ]);
    expect(messages({ ...base, rules: [{ select: {}, batchshare: 0.5 }] })).toEqual(['rules.0: Unrecognized key: "batchshare"']);
    expect(messages({ ...base, rules: [{ reroute: { model: "m" } }] })).toEqual([
      "rules.0.select: select is required: { workloads?, teams?, taskClasses?, models? } ({} selects all traffic)",
      "rules.0.reroute.provider: provider is required",
    ]);
  });
});
