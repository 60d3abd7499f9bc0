"use client";
import { useState } from "react";
import type { WhatIfResponse } from "@/lib/whatif/response";
import type { WhatIfOptions } from "@/lib/whatif/server/options";
import type { Definition } from "./definition";
import { savingClass, usd } from "./format";
import { QualityCell } from "./quality-cell";
import { namesFrom } from "./names";

type Line = WhatIfResponse["byWorkload"][number];

/** Per workload: money, what the scenario does to it, quality against its floor with the evidence spelled out. */
export function WorkloadBreakdown({ r, definition, options }: { r: WhatIfResponse; definition: Definition; options: WhatIfOptions | undefined }) {
  const [showUnchanged, setShowUnchanged] = useState(false);
  const changed = r.byWorkload.filter((w) => w.rule !== null);
  const unchanged = r.byWorkload.filter((w) => w.rule === null);
  const names = namesFrom(options);
  const nameOf = names.workload;
  const target = (w: Line) => {
    const rule = w.rule === null ? null : definition.rules[w.rule];
    if (!rule) return <span className="muted">unchanged</span>;
    const parts: string[] = [];
    if (rule.reroute) parts.push(`→ ${rule.reroute.model}`);
    if (rule.escalation) parts.push(`escalates to ${rule.escalation.model}${rule.escalation.mode === "replay" ? " (replay)" : ` (${Math.round((rule.escalation.rate ?? 0) * 1000) / 10}%)`}`);
    if (rule.batchShare) parts.push(`${Math.round(rule.batchShare * 100)}% batch`);
    if (rule.cachedShare !== null && rule.cachedShare !== undefined) parts.push(`${Math.round(rule.cachedShare * 100)}% cached`);
    if (rule.outputFactor !== undefined && rule.outputFactor !== 1) parts.push(`output ×${rule.outputFactor}`);
    return (
      <span>
        <span className="badge">rule {w.rule! + 1}</span> {parts.join(", ") || "held as is"}
      </span>
    );
  };
  const row = (w: Line) => (
    <tr key={`${w.workload}|${w.team}`} className={w.rule === null ? "wi-row-muted" : w.quality.ok === false ? "wi-row-broken" : undefined}>
      <td>
        <b>{nameOf(w.workload)}</b>
        <div className="muted small">{w.team === null ? "no team" : names.team(w.team)}</div>
      </td>
      <td>
        {w.currentModel?.model ?? "—"}
        <div className="small">{target(w)}</div>
      </td>
      <td className="num">{usd(w.baselineUsd)}</td>
      <td className="num">
        {usd(w.scenarioUsd)}
        {w.lowUsd !== w.highUsd && <div className="muted small">{usd(w.lowUsd)} – {usd(w.highUsd)}</div>}
      </td>
      <td className={`num ${savingClass(w.savingsUsd)}`}>{usd(w.savingsUsd)}</td>
      <td className="wi-quality-col">
        <QualityCell q={w.quality} changed={w.rule !== null} />
        {w.rule !== null && !w.quality.evidence.startsWith("no eval set linked") && <div className="muted small wi-evidence">{w.quality.evidence}</div>}
      </td>
    </tr>
  );
  return (
    <section className="card" aria-label="By workload">
      <h2>By workload</h2>
      <div className="wi-table-scroll">
        <table className="data" data-testid="whatif-by-workload">
          <thead>
            <tr>
              <th>Workload</th>
              <th>Model and change</th>
              <th className="num">Baseline</th>
              <th className="num">Scenario</th>
              <th className="num">Saving</th>
              <th>Quality vs floor (eval evidence)</th>
            </tr>
          </thead>
          <tbody>
            {changed.map(row)}
            {showUnchanged && unchanged.map(row)}
          </tbody>
        </table>
      </div>
      {unchanged.length > 0 && (
        <button type="button" className="btn small wi-more" onClick={() => setShowUnchanged(!showUnchanged)}>
          {showUnchanged ? "Hide" : "Show"} {unchanged.length} workload{unchanged.length > 1 ? "s" : ""} the scenario leaves unchanged
        </button>
      )}
    </section>
  );
}

export function TeamBreakdown({ r, options }: { r: WhatIfResponse; options: WhatIfOptions | undefined }) {
  const names = namesFrom(options);
  return (
    <section className="card" aria-label="By team">
      <h2>By team</h2>
      <table className="data" data-testid="whatif-by-team">
        <thead>
          <tr>
            <th>Team</th>
            <th className="num">Baseline</th>
            <th className="num">Scenario</th>
            <th className="num">Saving</th>
          </tr>
        </thead>
        <tbody>
          {r.byTeam.map((t) => (
            <tr key={t.team ?? "unattributed"}>
              <td>{t.team === null ? <span className="muted">Unattributed</span> : names.team(t.team)}</td>
              <td className="num">{usd(t.baselineUsd)}</td>
              <td className="num">
                {usd(t.scenarioUsd)}
                {t.lowUsd !== t.highUsd && <div className="muted small">{usd(t.lowUsd)} – {usd(t.highUsd)}</div>}
              </td>
              <td className={`num ${savingClass(t.savingsUsd)}`}>{usd(t.savingsUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
