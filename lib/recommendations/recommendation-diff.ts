/**
 * What a price change did to recommendations: which workloads' recommended saving moved and by how much, and the
 * sentence a reader sees ("gpt-5-mini is now 40% cheaper: 3 workloads could save $1,240.00/month more"). Pure.
 */
import { formatUsd } from "@/lib/money";

/** Per workload: the recommended model and its monthly saving (nano-dollars). */
export type RecommendationSnapshot = Record<string, { candidate: string; savingNanos: string }>;

export interface RecommendationDiff {
  workloads: { workload: string; before: string | null; after: string | null; deltaNanos: bigint }[];
  deltaNanos: bigint;
}

export function diffRecommendations(before: RecommendationSnapshot, after: RecommendationSnapshot): RecommendationDiff {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const workloads = keys.flatMap((workload) => {
    const b = before[workload];
    const a = after[workload];
    const deltaNanos = BigInt(a?.savingNanos ?? "0") - BigInt(b?.savingNanos ?? "0");
    if (deltaNanos === 0n && b?.candidate === a?.candidate) return [];
    return [{ workload, before: b?.candidate ?? null, after: a?.candidate ?? null, deltaNanos }];
  });
  return { workloads, deltaNanos: workloads.reduce((s, w) => s + w.deltaNanos, 0n) };
}

/**
 * `priceChange`: the model's new price of a reference call over its old one (0.6 = 40% cheaper), null when it had
 * no price before.
 */
export function noteText(subject: string, priceChange: number | null, diff: RecommendationDiff): string {
  const head =
    priceChange === null
      ? `${subject} now has a price`
      : priceChange === 1
        ? `${subject}'s price for a typical call is unchanged`
        : `${subject} is now ${Math.round(Math.abs(1 - priceChange) * 100)}% ${priceChange < 1 ? "cheaper" : "dearer"}`;
  const n = diff.workloads.length;
  if (n === 0) return `${head}: recommendations unchanged`;
  const d = diff.deltaNanos;
  const money = d === 0n ? "the same in all" : `${formatUsd(d < 0n ? -d : d)}/month ${d > 0n ? "more" : "less"}`;
  return `${head}: ${n} workload${n === 1 ? "" : "s"} could save ${money}`;
}
