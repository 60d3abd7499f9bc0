import type { WhatIfResponse } from "@/lib/whatif/response";
import { savingClass, usd } from "./format";

/** The answer first: what it would have cost, the range, and what that means per month and year. */
export function ResultKpis({ r }: { r: WhatIfResponse }) {
  // Three states: a saving (green), an extra cost (red), or no change at all (neutral: $0.00 is not good news).
  const tone = savingClass(r.savingsUsd);
  // Only what the scenario changes counts here; a workload already below its floor today is flagged in its row.
  const broken = r.byWorkload.filter((w) => w.rule !== null && w.quality.ok === false).length;
  const held = r.byWorkload.filter((w) => w.rule !== null && w.quality.ok === true).length;
  const unmeasured = r.byWorkload.filter((w) => w.rule !== null && w.quality.ok === null).length;
  return (
    <>
      <div className={`wi-headline ${tone === "delta-down" ? "good" : tone === "delta-up" ? "bad" : ""}`} data-testid="whatif-headline">
        <div>
          <div className="wi-headline-label">{tone === "delta-up" ? "Projected extra cost" : tone === "delta-down" ? "Projected saving" : "No change in cost"}</div>
          <div className="wi-headline-value" data-testid="monthly-savings">
            {usd(r.monthlySavingsUsd.replace(/^-/, ""))} <span>per month</span>
          </div>
          <div className="wi-headline-sub">
            {usd(r.annualSavingsUsd.replace(/^-/, ""))} per year · from {r.from} to {r.to} ({r.windowDays} days
            {r.daysWithTraffic < r.windowDays ? `, ${r.daysWithTraffic} with traffic` : ""})
          </div>
        </div>
        <div className="wi-headline-quality">
          {broken > 0 ? (
            <span className="badge bad">{broken} workload{broken > 1 ? "s" : ""} below quality floor</span>
          ) : held > 0 ? (
            <span className="badge ok">quality floors hold where measured</span>
          ) : null}
          {held > 0 && broken > 0 && <span className="badge ok">{held} hold</span>}
          {unmeasured > 0 && <span className="badge">{unmeasured} changed without eval evidence</span>}
        </div>
      </div>
      <div className="grid kpis">
        <div className="card kpi">
          <div className="label">Baseline (recorded)</div>
          <div className="value" data-testid="baseline-cost">{usd(r.baseline.costUsd)}</div>
          <div className="sub">what the window actually cost</div>
        </div>
        <div className="card kpi">
          <div className="label">Scenario</div>
          <div className="value" data-testid="scenario-cost">{usd(r.scenario.costUsd)}</div>
          <div className="sub" data-testid="scenario-range">
            range {usd(r.scenario.lowUsd)} – {usd(r.scenario.highUsd)}
          </div>
        </div>
        <div className="card kpi">
          <div className="label">Saving over the window</div>
          <div className={`value ${savingClass(r.savingsUsd)}`}>{usd(r.savingsUsd)}</div>
          <div className="sub">
            range {usd(r.savingsLowUsd)} – {usd(r.savingsHighUsd)}
          </div>
        </div>
        <div className="card kpi">
          <div className="label">Annual (projected)</div>
          <div className="value">{usd(r.annualSavingsUsd)}</div>
          <div className="sub">monthly × 12; month = 30.4375 days</div>
        </div>
      </div>
      {/* Only where some workload was actually replayed: elsewhere the fallback rate applies and there is no bound. */}
      {r.perfectDetector && r.byWorkload.some((w) => w.quality.replay) && (
        <div className="notice wi-upper-bound" data-testid="perfect-detector">
          <b>Upper bound, perfect detector</b>: the best quality this escalation can reach (exactly the cheap model&apos;s failures
          escalate, nothing else) would cost {usd(r.perfectDetector.scenarioUsd)}, a saving of {usd(r.perfectDetector.savingsUsd)} (
          {usd(r.perfectDetector.monthlySavingsUsd)} / month). The figures above use the detector you set.
        </div>
      )}
    </>
  );
}
