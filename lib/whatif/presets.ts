/**
 * Scenario presets, built as ordinary requests (validated by the same schema) so they can be saved, edited and
 * shared like any scenario.
 */
import type { Decision, Recommendation } from "./recommend";
import { WhatIfRequestSchema, type RuleSelect, type WhatIfRequest } from "./schema";
import type { ModelRef } from "./types";

export interface Preset8020Summary {
  movedWorkloads: number;
  totalWorkloads: number;
  movedMonthlyCostNanos: bigint;
  totalMonthlyCostNanos: bigint;
  /** movedMonthlyCost / totalMonthlyCost, 0-1 (0 when there is no spend). */
  spendShare: number;
  monthlySavingNanos: bigint;
  /**
   * Workloads with a recommendation the preset does NOT take, because its evidence does not meet the floor (no eval,
   * or an eval too small: its 95% lower bound is below the floor), each with what it would save. Largest first.
   */
  unproven: { recommendation: Recommendation; reason: string }[];
  unprovenMonthlySavingNanos: bigint;
}

/**
 * "80/20": every workload whose eval evidence meets its floor (at the 95% lower bound: `decide()`'s `proven`) moves to
 * that cheapest proven model, one rule per target model. Recommendations resting on the task class alone, or on an
 * eval too small to be sure, stay out and are listed apart as unproven with what they would save. request is null
 * when no workload is proven.
 */
export function preset8020(args: {
  from: string;
  to: string;
  decisions: readonly Decision[];
  totalMonthlyCostNanos: bigint;
  totalWorkloads: number;
}): { request: WhatIfRequest | null; summary: Preset8020Summary } {
  const bySaving = (a: Recommendation, b: Recommendation) =>
    a.monthlySavingNanos > b.monthlySavingNanos ? -1 : a.monthlySavingNanos < b.monthlySavingNanos ? 1 : a.workload.localeCompare(b.workload);
  const moved = args.decisions.flatMap((d) => (d.proven && d.recommendation ? [d.recommendation] : [])).sort(bySaving);
  const unproven = args.decisions
    .flatMap((d) => (!d.proven && d.recommendation ? [{ recommendation: d.recommendation, reason: d.unprovenReason ?? "unproven: run an eval" }] : []))
    .sort((a, b) => bySaving(a.recommendation, b.recommendation));
  const byTarget = new Map<string, { target: ModelRef; workloads: string[]; saving: bigint }>();
  for (const r of moved) {
    const key = `${r.candidate.provider}/${r.candidate.model}`;
    const t = byTarget.get(key) ?? { target: { provider: r.candidate.provider, model: r.candidate.model }, workloads: [], saving: 0n };
    t.workloads.push(r.workload);
    t.saving += r.monthlySavingNanos;
    byTarget.set(key, t);
  }
  const rules = [...byTarget.values()]
    .sort((a, b) => (a.saving > b.saving ? -1 : a.saving < b.saving ? 1 : 0))
    .map((t) => ({ select: { workloads: t.workloads }, reroute: t.target }));
  const movedCost = moved.reduce((s, r) => s + r.monthlyCostNanos, 0n);
  return {
    request: rules.length === 0 ? null : WhatIfRequestSchema.parse({ from: args.from, to: args.to, rules }),
    summary: {
      movedWorkloads: moved.length,
      totalWorkloads: args.totalWorkloads,
      movedMonthlyCostNanos: movedCost,
      totalMonthlyCostNanos: args.totalMonthlyCostNanos,
      spendShare: args.totalMonthlyCostNanos > 0n ? Number((movedCost * 1_000_000n) / args.totalMonthlyCostNanos) / 1e6 : 0,
      monthlySavingNanos: moved.reduce((s, r) => s + r.monthlySavingNanos, 0n),
      unproven,
      unprovenMonthlySavingNanos: unproven.reduce((s, u) => s + u.recommendation.monthlySavingNanos, 0n),
    },
  };
}

/**
 * "Worker + advisor": the selected traffic runs on a cheaper worker; a share escalates to the advisor (frontier)
 * model at `rate` (default 10%), or, with replay, at the rate the linked eval set shows (rate then only serves
 * workloads without an eval set). Throws a ZodError for out-of-range values.
 */
export function presetWorkerAdvisor(args: {
  from: string;
  to: string;
  select: RuleSelect;
  worker: ModelRef;
  advisor: ModelRef;
  rate?: number;
  tokenShare?: number;
  replay?: boolean;
  /** Replay only: the escalation detector (absent: perfect, the upper bound). */
  detector?: { recall: number; falseEscalationRate: number } | { fromJudge: true };
}): WhatIfRequest {
  return WhatIfRequestSchema.parse({
    from: args.from,
    to: args.to,
    rules: [
      {
        select: args.select,
        reroute: args.worker,
        escalation: {
          ...args.advisor,
          mode: args.replay ? "replay" : "rate",
          rate: args.replay ? args.rate : (args.rate ?? 0.1),
          tokenShare: args.tokenShare ?? 1,
          detector: args.replay ? args.detector : undefined,
        },
      },
    ],
  });
}
