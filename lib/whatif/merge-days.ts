/**
 * Merges the day groups of a window into one group per price segment, for recommendations: a monthly estimate on
 * 18 candidate models needs every group priced 18 times, and 30 days of a 10M-call dataset hold ~12,000 groups.
 * Days between two price changes (`breaks`: days a candidate's or override's price starts) price identically, so
 * their groups of the same workload, team, model, batch, service tier and input-size bucket add up into one, priced
 * at the segment's first day. Token and cost sums are kept exactly; only where the per-call rounding falls moves
 * (under half a nano-dollar per call). Groups without a recorded cost stay apart from priced ones.
 */
import type { CallGroup } from "./types";

export function mergeAcrossDays(groups: readonly CallGroup[], from: string, breaks: readonly string[]): CallGroup[] {
  const starts = segmentStarts(from, breaks);
  const segmentStart = (day: string) => {
    let s = starts[0];
    for (const b of starts) if (b <= day) s = b;
    return s;
  };
  const merged = new Map<string, CallGroup>();
  for (const g of groups) {
    if (g.occurredAt) {
      merged.set(`single\u0000${merged.size}`, g); // a single timed call keeps its own time
      continue;
    }
    const day = segmentStart(g.day);
    const key = [day, g.workloadSlug, g.teamSlug, g.provider, g.model, g.batch ?? false, g.serviceTier ?? "", g.sizeBucket ?? -1, g.baselineCostNanos === null].join("\u0000");
    const m = merged.get(key);
    if (!m) {
      merged.set(key, { ...g, day });
      continue;
    }
    m.calls += g.calls;
    m.inputTokens += g.inputTokens;
    m.cachedInputTokens += g.cachedInputTokens;
    m.cacheWriteTokens += g.cacheWriteTokens;
    m.outputTokens += g.outputTokens;
    m.baselineCostNanos = m.baselineCostNanos === null || g.baselineCostNanos === null ? null : m.baselineCostNanos + g.baselineCostNanos;
    if (g.toolCostNanos) m.toolCostNanos = (m.toolCostNanos ?? 0n) + g.toolCostNanos;
  }
  return [...merged.values()];
}

/** The first day of each price segment: `from` and every later break, sorted and distinct. */
export function segmentStarts(from: string, breaks: readonly string[]): string[] {
  return [from, ...[...new Set(breaks)].filter((d) => d > from).sort()];
}
