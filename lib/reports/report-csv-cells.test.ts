import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { createPricer } from "@/lib/pricing";
import { focusCsv } from "./focus-csv";
import type { FocusContext } from "./focus-rows";
import type { UsageRow } from "./usage-rows";

// Issue 10 item 8: names from ingested data cannot become spreadsheet formulas in a FOCUS export.
const row: UsageRow = {
  day: "2026-10-05",
  team: "=cmd",
  teamName: "@SUM(A1)",
  workload: "+x",
  workloadName: "-2+3",
  provider: "openai",
  model: "gpt-4o",
  tier: "mid",
  batch: false,
  requests: 10,
  inputTokens: 10_000,
  cachedInputTokens: 4_000,
  cacheWriteTokens: 0,
  outputTokens: 2_000,
  reasoningTokens: 0,
  costNanos: usdToNanos("0.04"),
  unpricedRequests: 0,
};
const ctx: FocusContext = { month: "2026-10", contracted: createPricer([]), list: createPricer([]), overrideFrom: new Map() };

describe("FOCUS CSV cells", () => {
  it("neutralise names starting with = + - @", () => {
    const text = [...focusCsv([row], ctx)].join("");
    expect(text).not.toMatch(/(^|,)"?[=+@]/m);
    expect(text).toContain("'@SUM(A1)");
    expect(text).toContain("'-2+3");
  });
});
