/**
 * The usage CSV with late calls apart: each adjustment row is taken out of the ordinary row of the same day, team,
 * workload, model and batch flag (the roll-ups hold both) and listed after them with the day it arrived, so the
 * cost column still sums to the month's total exactly and nothing is counted twice. Pure.
 */
import type { Measures } from "@/lib/analytics/measures";
import type { UsageRow } from "../usage-rows";

export interface AdjustmentRow extends UsageRow {
  addedOn: string;
}

const MEASURE_KEYS = ["requests", "inputTokens", "cachedInputTokens", "cacheWriteTokens", "outputTokens", "reasoningTokens", "unpricedRequests", "unpricedEvents", "uncountedEvents"] as const;
const key = (r: UsageRow) => `${r.day}|${r.team}|${r.workload}|${r.provider}|${r.model}|${r.batch}`;

export function splitAdjustments(rows: readonly UsageRow[], adjustments: readonly AdjustmentRow[]): { rows: UsageRow[]; adjustments: AdjustmentRow[] } {
  if (adjustments.length === 0) return { rows: [...rows], adjustments: [] };
  const late = new Map<string, AdjustmentRow[]>();
  for (const a of adjustments) late.set(key(a), [...(late.get(key(a)) ?? []), a]);
  const out: UsageRow[] = [];
  for (const r of rows) {
    const taken = late.get(key(r));
    if (!taken) {
      out.push(r);
      continue;
    }
    const rest: UsageRow = { ...r };
    const m = rest as unknown as Record<string, number | bigint>;
    for (const a of taken) {
      rest.costNanos -= a.costNanos;
      rest.uncountedCostNanos = (rest.uncountedCostNanos ?? 0n) - (a.uncountedCostNanos ?? 0n);
      rest.toolCostNanos = (rest.toolCostNanos ?? 0n) - (a.toolCostNanos ?? 0n);
      for (const k of MEASURE_KEYS) m[k] = ((m[k] as number | undefined) ?? 0) - ((a as Partial<Measures>)[k] ?? 0);
    }
    // A row made only of late calls disappears from the ordinary rows: it is all adjustment.
    if (!isEmpty(rest)) out.push(rest);
  }
  return { rows: out, adjustments: [...adjustments] };
}

function isEmpty(r: UsageRow): boolean {
  return r.costNanos === 0n && MEASURE_KEYS.every((k) => ((r as Partial<Measures>)[k] ?? 0) === 0);
}
