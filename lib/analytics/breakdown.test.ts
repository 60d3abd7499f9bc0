import { describe, expect, it } from "vitest";
import { breakdown, cubeTotals } from "./breakdown";
import { breakdownRowOut } from "./format-measures";
import { zeroMeasures, type Measures } from "./measures";
import type { CubeCell } from "./cube";

const m = (cost: bigint, requests: number, extra: Partial<Measures> = {}): Measures => ({ ...zeroMeasures(), costNanos: cost, requests, ...extra });
const cell = (team: string, workload: string, owner: string | null, model: string, tier: string, cur: Measures, prev = zeroMeasures()): CubeCell => ({
  team: { key: team, label: team.toUpperCase() },
  workload: { key: workload, label: workload, ownerKey: owner, ownerLabel: owner?.toUpperCase() ?? null },
  model: { id: model.length, key: `openai/${model}`, label: model, provider: "openai", tier, tierSource: "default" },
  cur,
  prev,
});

const cells = [
  cell("support", "triage", "support", "gpt-4o", "frontier", m(3_000_000_000n, 10, { inputTokens: 1000, cachedInputTokens: 250, outputTokens: 100 }), m(2_000_000_000n, 8)),
  cell("support", "triage", "support", "gpt-4o-mini", "small", m(1_000_000_000n, 30, { inputTokens: 3000, outputTokens: 300 })),
  cell("search", "rewrite", "search", "gpt-4o-mini", "small", m(500_000_000n, 50)),
  cell("unattributed", "unattributed", null, "gpt-4o", "frontier", m(500_000_000n, 10)),
];

describe("breakdown", () => {
  it("sums exactly per team with tier mix, top model and counts, costliest first", () => {
    const teams = breakdown(cells, "team");
    expect(teams.map((t) => t.key)).toEqual(["support", "search", "unattributed"]);
    const support = teams[0];
    expect(support.cur.costNanos).toBe(4_000_000_000n);
    expect(support.prev.costNanos).toBe(2_000_000_000n);
    expect(support.tierCost).toEqual({ frontier: 3_000_000_000n, small: 1_000_000_000n });
    expect(support.topModel).toMatchObject({ key: "openai/gpt-4o", tier: "frontier" });
    expect(support).toMatchObject({ models: 2, workloads: 1, teams: 1 });
  });

  it("gives workloads their owner team and models their provider and tier", () => {
    expect(breakdown(cells, "workload").find((w) => w.key === "triage")?.owner).toEqual({ key: "support", label: "SUPPORT" });
    const mini = breakdown(cells, "model").find((r) => r.key === "openai/gpt-4o-mini")!;
    expect(mini).toMatchObject({ provider: "openai", tier: "small", teams: 2 });
    expect(breakdown(cells, "tier").map((t) => [t.key, t.cur.requests])).toEqual([["frontier", 20], ["small", 80]]);
  });

  it("formats rows: shares, unit costs, change against the previous period", () => {
    const totals = cubeTotals(cells);
    expect(totals.cur.costNanos).toBe(5_000_000_000n);
    const row = breakdownRowOut(breakdown(cells, "team")[0], totals.cur.costNanos);
    expect(row).toMatchObject({
      costUsd: "4.00",
      previousCostUsd: "2.00",
      changeShare: 1,
      spendShare: 0.8,
      frontierSpendShare: 0.75,
      frontierCallShare: 0.25,
      costPer1kCallsUsd: "100.00",
      pricePerMtokUsd: "909.090909091",
      cacheHitShare: 0.0625,
      tier: "frontier",
      tierCostUsd: { frontier: "3.00", small: "1.00" },
    });
    expect(breakdownRowOut(breakdown(cells, "team")[2], totals.cur.costNanos).changeShare).toBeNull();
  });
});
