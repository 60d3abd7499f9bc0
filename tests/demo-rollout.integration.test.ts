/**
 * The demo workspace shows the whole loop: a saved scenario, its rollout applied three weeks before the window ends
 * with realised savings measured since, and a change Rightsize detected by itself (the sales call summaries' switch).
 */
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { loadDemo } from "@/lib/demo/load-demo";
import { DEMO_ROLLOUT_SCENARIO } from "@/lib/demo/seed-rollout";
import { listRollouts } from "@/lib/rollouts/server/rollout-store";
import { getRolloutDetail } from "@/lib/rollouts/server/rollout-detail";

useTestDatabase();

const END = new Date("2026-11-01T00:00:00Z");

describe("the demo's rollout", () => {
  it("is applied from 21 days before the end, with weeks of after-traffic and a realised saving", async () => {
    await loadDemo({ events: 20_000, days: 45, endDate: END, quiet: true });
    const all = await listRollouts({ teamIds: null });
    const applied = all.filter((r) => r.status === "applied");
    // 45 days ending Oct 31 start Sep 17 (day 0); day 24 (45 - 21) is Oct 11.
    expect(applied.map((r) => [r.workloads, r.appliedFrom, r.scenarioName])).toEqual([[["ticket-triage"], "2026-10-11", DEMO_ROLLOUT_SCENARIO]]);
    // call-summaries moved to claude-sonnet-4-5 on day 35 (45 - 10) = Oct 22: proposed, not yet linked.
    expect(all.filter((r) => r.status === "proposed").map((r) => [r.workloads, r.appliedFrom, r.toModel])).toContainEqual([["call-summaries"], "2026-10-22", "claude-sonnet-4-5"]);
    const d = await getRolloutDetail({ teamIds: null }, applied[0].id, new Date("2026-10-31T23:00:00Z"));
    // Oct 11 .. Oct 31 = 21 days. gpt-5 -> gpt-5-nano saves most of the cost: positive realised and predicted savings.
    expect(d.days).toBe(21);
    expect(Number(d.realisedSavingUsd)).toBeGreaterThan(0);
    expect(Number(d.predictedSavingUsd)).toBeGreaterThan(0);
    expect(d.escalation.assumedRate).toBe(0.1);
    expect(d.verdict).toMatch(/^delivering \d+% of the predicted saving; escalations \d+% vs 10% assumed$/);
    // Loading again adds no second rollout.
    await loadDemo({ events: 20_000, days: 45, endDate: END, quiet: true });
    expect((await listRollouts({ teamIds: null })).length).toBe(all.length);
  });
});
