/** The engine's result as the API returns it: money as decimal USD strings (exact, from nano-dollars). */
import { nanosToUsd } from "@/lib/money";
import type { CostLine, WhatIfResult } from "./result";

const usd = (n: bigint) => nanosToUsd(n);

function costLine(l: CostLine) {
  return {
    calls: l.calls,
    baselineUsd: usd(l.baselineNanos),
    scenarioUsd: usd(l.scenarioNanos),
    lowUsd: usd(l.lowNanos),
    highUsd: usd(l.highNanos),
    savingsUsd: usd(l.savingsNanos),
  };
}

export function toWhatIfResponse(r: WhatIfResult) {
  return {
    from: r.from,
    to: r.to,
    windowDays: r.windowDays,
    daysWithTraffic: r.daysWithTraffic,
    baseline: { costUsd: usd(r.baselineNanos) },
    scenario: { costUsd: usd(r.scenario.pointNanos), lowUsd: usd(r.scenario.lowNanos), highUsd: usd(r.scenario.highNanos) },
    savingsUsd: usd(r.savingsNanos),
    savingsLowUsd: usd(r.savingsLowNanos),
    savingsHighUsd: usd(r.savingsHighNanos),
    monthlySavingsUsd: usd(r.monthlySavingsNanos),
    annualSavingsUsd: usd(r.annualSavingsNanos),
    byWorkload: r.byWorkload.map((w) => ({
      workload: w.workload,
      team: w.team,
      currentModel: w.currentModel,
      rule: w.rule,
      ...costLine(w),
      quality: w.quality,
    })),
    byTeam: r.byTeam.map((t) => ({ team: t.team, ...costLine(t) })),
    byRule: r.byRule.map((x) => ({ rule: x.rule, ...costLine(x) })),
    daily: r.daily.map((d) => ({ day: d.day, baselineUsd: usd(d.baselineNanos), scenarioUsd: usd(d.scenarioNanos) })),
    unpricedBaseline: r.unpricedBaseline,
    warnings: r.warnings,
    perfectDetector: r.perfectDetector
      ? {
          label: "upper bound on quality: perfect detector (exactly the cheap model's failures escalate, nothing else)",
          scenarioUsd: usd(r.perfectDetector.scenarioNanos),
          savingsUsd: usd(r.perfectDetector.savingsNanos),
          monthlySavingsUsd: usd(r.perfectDetector.monthlySavingsNanos),
        }
      : null,
  };
}

export type WhatIfResponse = ReturnType<typeof toWhatIfResponse>;
