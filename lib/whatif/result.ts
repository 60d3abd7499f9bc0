/** The engine's answer, in nano-dollars (response.ts turns it into the API's decimal strings). */
import type { Bucket } from "./buckets";
import type { WorkloadTally } from "./engine";
import type { QualityVerdict } from "./quality";
import type { WhatIfRequest } from "./schema";
import type { ModelRef } from "./types";

export interface CostLine {
  calls: number;
  baselineNanos: bigint;
  scenarioNanos: bigint;
  lowNanos: bigint;
  highNanos: bigint;
  savingsNanos: bigint;
}

export interface WorkloadLine extends CostLine {
  workload: string | null;
  team: string | null;
  /** The model carrying most of the workload's baseline cost. */
  currentModel: ModelRef | null;
  /** 0-based index of the rule covering most of its cost, null when the scenario leaves it alone. */
  rule: number | null;
  quality: QualityVerdict;
}

export interface WhatIfResult {
  from: string;
  to: string;
  windowDays: number;
  daysWithTraffic: number;
  baselineNanos: bigint;
  scenario: { pointNanos: bigint; lowNanos: bigint; highNanos: bigint };
  savingsNanos: bigint;
  /** Savings at the high / low end of the scenario range. */
  savingsLowNanos: bigint;
  savingsHighNanos: bigint;
  /** savings x 30.4375 / windowDays (see projection.ts). */
  monthlySavingsNanos: bigint;
  annualSavingsNanos: bigint;
  byWorkload: WorkloadLine[];
  byTeam: (CostLine & { team: string | null })[];
  byRule: (CostLine & { rule: number })[];
  daily: { day: string; baselineNanos: bigint; scenarioNanos: bigint }[];
  /** Groups whose recorded cost is unknown: left out of every total. */
  unpricedBaseline: { groups: number; calls: number };
  warnings: string[];
  /**
   * Only when a replayed escalation uses a modelled detector (recall / false escalations, or a judge column): the
   * same scenario with a perfect detector, i.e. exactly the cheap model's failures escalate. An upper bound on quality.
   */
  perfectDetector?: { scenarioNanos: bigint; savingsNanos: bigint; monthlySavingsNanos: bigint };
}

export interface ResultParts {
  req: WhatIfRequest;
  windowDays: number;
  total: Bucket;
  monthly: bigint;
  annual: bigint;
  unpriced: { groups: number; calls: number };
  days: string[];
  byDay: Map<string, Bucket>;
  byTeam: Map<string | null, Bucket>;
  byRule: Map<number, Bucket>;
  workloads: WorkloadTally[];
  quality: (t: WorkloadTally) => QualityVerdict;
  currentModelOf: (t: WorkloadTally) => ModelRef | null;
  ruleOf: (t: WorkloadTally) => number | null;
}

export function line(b: Bucket): CostLine {
  return {
    calls: b.calls,
    baselineNanos: b.baseline,
    scenarioNanos: b.scenarioNanos,
    lowNanos: b.lowNanos,
    highNanos: b.highNanos,
    savingsNanos: b.savingsNanos,
  };
}

const bySavings = (a: CostLine, b: CostLine) => (a.savingsNanos > b.savingsNanos ? -1 : a.savingsNanos < b.savingsNanos ? 1 : 0);

export function buildResult(p: ResultParts): WhatIfResult {
  const t = p.total;
  const warnings: string[] = [];
  if (p.unpriced.calls > 0) {
    warnings.push(`${p.unpriced.calls} calls without a recorded cost (unpriced models) are left out of baseline and scenario`);
  }
  const daysWithTraffic = p.days.filter((d) => (p.byDay.get(d)?.calls ?? 0) > 0).length;
  if (daysWithTraffic < p.windowDays) {
    warnings.push(`traffic on ${daysWithTraffic} of ${p.windowDays} days: monthly and annual projections assume the whole window`);
  }
  return {
    from: p.req.from,
    to: p.req.to,
    windowDays: p.windowDays,
    daysWithTraffic,
    baselineNanos: t.baseline,
    scenario: { pointNanos: t.scenarioNanos, lowNanos: t.lowNanos, highNanos: t.highNanos },
    savingsNanos: t.savingsNanos,
    savingsLowNanos: t.baseline - t.highNanos,
    savingsHighNanos: t.baseline - t.lowNanos,
    monthlySavingsNanos: p.monthly,
    annualSavingsNanos: p.annual,
    byWorkload: p.workloads
      .map((w) => ({
        workload: w.workload,
        team: w.team,
        currentModel: p.currentModelOf(w),
        rule: p.ruleOf(w),
        ...line(w.bucket),
        quality: p.quality(w),
      }))
      .sort((a, b) => bySavings(a, b) || String(a.workload).localeCompare(String(b.workload))),
    // Ties (equal savings, e.g. teams left alone) by team, so the order never depends on the order rows were read in.
    byTeam: [...p.byTeam].map(([team, b]) => ({ team, ...line(b) })).sort((a, b) => bySavings(a, b) || String(a.team).localeCompare(String(b.team))),
    byRule: [...p.byRule].map(([rule, b]) => ({ rule, ...line(b) })).sort((a, b) => a.rule - b.rule),
    daily: p.days.map((day) => {
      const b = p.byDay.get(day);
      return { day, baselineNanos: b?.baseline ?? 0n, scenarioNanos: b?.scenarioNanos ?? 0n };
    }),
    unpricedBaseline: p.unpriced,
    warnings,
  };
}
