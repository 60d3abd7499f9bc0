/**
 * Escalation replay on a real eval set: RouteLLM's MMLU professional-law responses (data/routellm in the repository), GPT-4
 * (gpt-4-1106-preview) vs Mixtral-8x7B per task. Pass rates are counted here straight from the CSV, independently
 * of the engine, and the README's published figures pin them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/evals/csv";
import path from "node:path";
import { routeLlmDir } from "@/lib/evals/routellm-dir";
import { usdToNanos } from "@/lib/money";
import { runWhatIf } from "./engine";
import { pairOutcomes, passRate, replayEscalation } from "./replay";
import { WhatIfRequestSchema } from "./schema";
import { fakePricer } from "./testing/fake-pricer";
import type { EvalResultRow } from "./types";

const MIXTRAL = "mistralai/Mixtral-8x7B-Instruct-v0.1";
const GPT4 = "gpt-4-1106-preview";
const file = path.join(routeLlmDir(), "mmlu_professional_law.csv");

const { header, records } = parseCsv(readFileSync(file, "utf8"));
const rows = records.map((r) => r.values);
const col = (name: string) => header.indexOf(name);
const results: EvalResultRow[] = rows.flatMap((r, i) => [
  { taskId: `law-${i + 1}`, model: MIXTRAL, passed: r[col(MIXTRAL)] === "True" },
  { taskId: `law-${i + 1}`, model: GPT4, passed: r[col(GPT4)] === "True" },
]);

// Counted directly from the CSV columns.
const n = rows.length;
const mixtralCorrect = rows.filter((r) => r[col(MIXTRAL)] === "True").length;
const gpt4Correct = rows.filter((r) => r[col(GPT4)] === "True").length;
const eitherCorrect = rows.filter((r) => r[col(MIXTRAL)] === "True" || r[col(GPT4)] === "True").length;

describe("replay on RouteLLM MMLU professional law", () => {
  it("reads the published totals: 1,534 prompts, GPT-4 70.1%, Mixtral 50.6%", () => {
    expect(n).toBe(1534);
    expect((gpt4Correct / n) * 100).toBeCloseTo(70.1, 1);
    expect((mixtralCorrect / n) * 100).toBeCloseTo(50.6, 1);
    expect(passRate(results, "Mixtral-8x7B-Instruct-v0.1")).toEqual({ rate: mixtralCorrect / n, tasks: n });
  });

  it("replays Mixtral-first with GPT-4 fallback and matches the independent count", () => {
    const summary = replayEscalation(pairOutcomes(results, MIXTRAL, GPT4).outcomes);
    const perfect = { hybridPasses: eitherCorrect, escalations: n - mixtralCorrect, quality: eitherCorrect / n, escalationRate: (n - mixtralCorrect) / n };
    expect(summary).toEqual({
      tasks: n,
      cheapPasses: mixtralCorrect,
      frontierPasses: gpt4Correct,
      ...perfect,
      detector: { source: "perfect", recall: 1, falseEscalationRate: 0 },
      upperBound: perfect,
    });
    expect([mixtralCorrect, gpt4Correct, eitherCorrect]).toEqual([776, 1075, 1181]);
  });

  it("prices the replay through the engine: the measured escalation rate drives the cost", () => {
    // 1,534 calls of 1,000 input + 100 output tokens. GPT-4 $30/$60 per M: $0.036 a call; Mixtral $0.60/$0.60: $0.00066.
    const price = fakePricer({ "openai/gpt-4-1106-preview": { input: "30", output: "60" }, [`together/${MIXTRAL}`]: { input: "0.6", output: "0.6" } });
    const request = WhatIfRequestSchema.parse({
      from: "2026-10-01", to: "2026-10-01",
      rules: [{ select: { workloads: ["legal-qa"] }, reroute: { provider: "together", model: MIXTRAL }, escalation: { provider: "openai", model: GPT4, mode: "replay" } }],
    });
    const out = runWhatIf({
      request, price,
      groups: [{
        day: "2026-10-01", workloadSlug: "legal-qa", teamSlug: "legal", taskClass: "classification", provider: "openai", model: GPT4,
        calls: n, inputTokens: n * 1000, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: n * 100, baselineCostNanos: usdToNanos("55.224"),
      }],
      workloads: new Map([["legal-qa", { slug: "legal-qa", qualityFloor: 0.75, evalSet: { name: "mmlu-law", results } }]]),
    });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    // rate = 758 / 1534 = 0.494133 (to the millionth); cost = 1534 x $0.00066 + 0.494133 x $55.224
    const expected = usdToNanos("1.01244") + (usdToNanos("55.224") * 494_133n) / 1_000_000n;
    expect(out.result.scenario.pointNanos).toBe(expected);
    expect(out.result.byWorkload[0].quality).toMatchObject({ baseline: gpt4Correct / n, scenario: eitherCorrect / n, floor: 0.75, ok: true });
  });
});
