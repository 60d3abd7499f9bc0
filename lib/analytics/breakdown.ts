import { addMeasures, zeroMeasures, type Measures } from "./measures";
import type { CubeCell } from "./cube";

/**
 * Reduces spend cells (cube.ts) to one row per team, workload, model, provider or tier, with what the explorer's
 * tables show besides the sums: tier mix, top model, how many workloads/models/teams, the owner team of a
 * workload. Pure and exact (bigint cost), so it is unit-tested without a database.
 */
export const BREAKDOWN_BYS = ["team", "workload", "model", "provider", "tier"] as const;
export type BreakdownBy = (typeof BREAKDOWN_BYS)[number];

export interface BreakdownAggregate {
  key: string;
  label: string;
  cur: Measures;
  prev: Measures;
  /** Current-period cost and requests per model tier (frontier, mid, small, unknown). */
  tierCost: Record<string, bigint>;
  tierRequests: Record<string, number>;
  owner: { key: string; label: string } | null;
  provider: string | null;
  tier: string | null;
  tierSource: string | null;
  modelId: number | null;
  topModel: { key: string; label: string; tier: string; costNanos: bigint } | null;
  models: number;
  workloads: number;
  teams: number;
}

interface Acc extends BreakdownAggregate {
  modelCost: Map<string, { label: string; tier: string; costNanos: bigint }>;
  workloadSet: Set<string>;
  teamSet: Set<string>;
}

function keyOf(cell: CubeCell, by: BreakdownBy): { key: string; label: string } {
  switch (by) {
    case "team":
      return cell.team;
    case "workload":
      return { key: cell.workload.key, label: cell.workload.label };
    case "model":
      return { key: cell.model.key, label: cell.model.label };
    case "provider":
      return { key: cell.model.provider, label: cell.model.provider };
    case "tier":
      return { key: cell.model.tier, label: cell.model.tier };
  }
}

export function breakdown(cells: CubeCell[], by: BreakdownBy): BreakdownAggregate[] {
  const groups = new Map<string, Acc>();
  for (const cell of cells) {
    const { key, label } = keyOf(cell, by);
    let acc = groups.get(key);
    if (!acc) {
      acc = {
        key,
        label,
        cur: zeroMeasures(),
        prev: zeroMeasures(),
        tierCost: {},
        tierRequests: {},
        owner: by === "workload" && cell.workload.ownerKey ? { key: cell.workload.ownerKey, label: cell.workload.ownerLabel ?? cell.workload.ownerKey } : null,
        provider: by === "model" || by === "provider" ? cell.model.provider : null,
        tier: by === "model" || by === "tier" ? cell.model.tier : null,
        tierSource: by === "model" ? cell.model.tierSource : null,
        modelId: by === "model" ? cell.model.id : null,
        topModel: null,
        models: 0,
        workloads: 0,
        teams: 0,
        modelCost: new Map(),
        workloadSet: new Set(),
        teamSet: new Set(),
      };
      groups.set(key, acc);
    }
    addMeasures(acc.cur, cell.cur);
    addMeasures(acc.prev, cell.prev);
    if (cell.cur.requests === 0 && cell.cur.costNanos === 0n) continue;
    const tier = cell.model.tier;
    acc.tierCost[tier] = (acc.tierCost[tier] ?? 0n) + cell.cur.costNanos;
    acc.tierRequests[tier] = (acc.tierRequests[tier] ?? 0) + cell.cur.requests;
    const m = acc.modelCost.get(cell.model.key) ?? { label: cell.model.label, tier, costNanos: 0n };
    m.costNanos += cell.cur.costNanos;
    acc.modelCost.set(cell.model.key, m);
    if (cell.workload.key !== "unattributed") acc.workloadSet.add(cell.workload.key);
    if (cell.team.key !== "unattributed") acc.teamSet.add(cell.team.key);
  }
  return [...groups.values()].map(finish).sort((a, b) => (a.cur.costNanos === b.cur.costNanos ? a.key.localeCompare(b.key) : a.cur.costNanos > b.cur.costNanos ? -1 : 1));
}

function finish(acc: Acc): BreakdownAggregate {
  let top: BreakdownAggregate["topModel"] = null;
  for (const [key, m] of acc.modelCost) {
    if (!top || m.costNanos > top.costNanos) top = { key, label: m.label, tier: m.tier, costNanos: m.costNanos };
  }
  const { modelCost, workloadSet, teamSet, ...row } = acc;
  return { ...row, topModel: top, models: modelCost.size, workloads: workloadSet.size, teams: teamSet.size };
}

/** Totals of all cells (current and previous period). */
export function cubeTotals(cells: CubeCell[]): { cur: Measures; prev: Measures } {
  const cur = zeroMeasures();
  const prev = zeroMeasures();
  for (const c of cells) {
    addMeasures(cur, c.cur);
    addMeasures(prev, c.prev);
  }
  return { cur, prev };
}
