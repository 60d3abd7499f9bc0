/**
 * Server-side tool charges (web/file search) in the what-if: the baseline is the recorded cost, tools included, so a
 * rerouted group keeps its tool charges (the target model makes the same searches) and only its tokens are priced
 * again. Prices (USD per million tokens): frontier in $10 / out $40, mini in $1 / out $4.
 * triage: 1,000 calls, 2,000,000 in + 100,000 out on frontier = $24 of tokens + 500 web searches at $10/1,000 = $5.
 */
import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { runWhatIf } from "./engine";
import { repriceByWorkload } from "./reprice";
import { WhatIfRequestSchema } from "./schema";
import { fakePricer } from "./testing/fake-pricer";
import type { CallGroup } from "./types";

const usd = (s: string) => usdToNanos(s);
const price = fakePricer({
  "openai/frontier": { input: "10", cachedInput: "1", output: "40" },
  "openai/mini": { input: "1", cachedInput: "0.1", output: "4" },
});
const triage: CallGroup = {
  day: "2026-10-01", workloadSlug: "triage", teamSlug: "support", taskClass: "classification", provider: "openai",
  model: "frontier", calls: 1000, inputTokens: 2_000_000, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 100_000,
  baselineCostNanos: usd("29"), toolCostNanos: usd("5"),
};

describe("tool charges in the what-if", () => {
  it("a reroute keeps the group's tool charges and re-prices only its tokens", () => {
    const request = WhatIfRequestSchema.parse({ from: "2026-10-01", to: "2026-10-31", rules: [{ select: { workloads: ["triage"] }, reroute: { provider: "openai", model: "mini" } }] });
    const out = runWhatIf({ request, groups: [triage], price });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    // tokens on mini: 2,000,000 x $1/M + 100,000 x $4/M = $2.40; + $5 of searches = $7.40. Saving $29 - $7.40 = $21.60
    // (without the carry-over the saving would read $26.60: the $5 of searches would have vanished).
    expect(out.result.baselineNanos).toBe(usd("29"));
    expect(out.result.scenario.pointNanos).toBe(usd("7.40"));
    expect(out.result.savingsNanos).toBe(usd("21.60"));
    // Token band (0.9x/1.1x of mini's $2.40) moves the tokens only: $2.16 + $5 and $2.64 + $5.
    expect([out.result.scenario.lowNanos, out.result.scenario.highNanos]).toEqual([usd("7.16"), usd("7.64")]);
  });

  it("recommendation candidates carry the same tool charges", () => {
    const costs = repriceByWorkload({ groups: [triage], from: "2026-10-01", to: "2026-10-01", candidates: [{ provider: "openai", model: "mini" }], price });
    const triageCosts = costs.get("triage")!;
    // One day's window, projected to a month (x 30.4375): current $29 -> $882.6875; mini $7.40 -> $225.2375.
    expect(triageCosts.currentMonthlyNanos).toBe(usd("882.6875"));
    expect(triageCosts.candidates.get("openai/mini")).toBe(usd("225.2375"));
  });
});
