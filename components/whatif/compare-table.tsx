"use client";
import type { WhatIfResponse } from "@/lib/whatif/response";
import type { Definition } from "./definition";
import { savingClass, usd } from "./format";
import type { WhatIfOptions } from "@/lib/whatif/server/options";
import { namesFrom } from "./names";

export interface Column {
  key: string;
  label: string;
  def: Definition;
}

/** Scenarios in columns: the headline figures, then saving per team and per changed workload (with quality). */
export function CompareTable({ columns, results, options }: { columns: Column[]; results: { data: WhatIfResponse | undefined; error: string | null }[]; options?: WhatIfOptions }) {
  const names = namesFrom(options);
  const cell = (i: number, f: (r: WhatIfResponse) => React.ReactNode) => {
    const r = results[i];
    if (r.error) return <span className="wi-error-text">{r.error}</span>;
    return r.data ? f(r.data) : <span className="muted">…</span>;
  };
  const saving = (v: string) => <span className={savingClass(v)}>{usd(v)}</span>;
  const workloads = new Map<string, string>();
  const teams = new Set<string>();
  for (const r of results) {
    for (const w of r.data?.byWorkload ?? []) if (w.rule !== null) workloads.set(`${w.workload}|${w.team}`, `${names.workload(w.workload)}${w.team ? ` (${names.team(w.team)})` : ""}`);
    for (const t of r.data?.byTeam ?? []) teams.add(t.team ?? "unattributed");
  }
  const rows: [string, (r: WhatIfResponse) => React.ReactNode][] = [
    ["Window", (r) => `${r.from} – ${r.to}`],
    ["Baseline", (r) => usd(r.baseline.costUsd)],
    ["Scenario", (r) => usd(r.scenario.costUsd)],
    ["Scenario range", (r) => `${usd(r.scenario.lowUsd)} – ${usd(r.scenario.highUsd)}`],
    ["Saving (window)", (r) => saving(r.savingsUsd)],
    ["Saving / month", (r) => <b>{saving(r.monthlySavingsUsd)}</b>],
    ["Saving / year", (r) => saving(r.annualSavingsUsd)],
    ["Workloads changed", (r) => r.byWorkload.filter((w) => w.rule !== null).length],
    [
      "Changed workloads below floor",
      (r) => {
        const n = r.byWorkload.filter((w) => w.rule !== null && w.quality.ok === false).length;
        return n > 0 ? <span className="badge bad">{n}</span> : <span className="badge ok">none</span>;
      },
    ],
    [
      "Changed without eval evidence",
      (r) => {
        const n = r.byWorkload.filter((w) => w.rule !== null && w.quality.ok === null).length;
        return n > 0 ? <span className="badge">{n}</span> : <span className="muted">0</span>;
      },
    ],
  ];
  return (
    <section className="card" aria-label="Comparison">
      <h2>Side by side</h2>
      <div className="wi-table-scroll">
        <table className="data wi-compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th />
              {columns.map((c) => (
                <th key={c.key} className="num">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, f]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {columns.map((c, i) => (
                  <td key={c.key} className="num">
                    {cell(i, f)}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="wi-section-row">
              <th colSpan={columns.length + 1}>Saving by team (window)</th>
            </tr>
            {[...teams].sort((a, b) => names.team(a).localeCompare(names.team(b))).map((t) => (
              <tr key={`team-${t}`}>
                <th scope="row">{names.team(t)}</th>
                {columns.map((c, i) => (
                  <td key={c.key} className="num">
                    {cell(i, (r) => {
                      const line = r.byTeam.find((x) => (x.team ?? "unattributed") === t);
                      return line ? saving(line.savingsUsd) : "—";
                    })}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="wi-section-row">
              <th colSpan={columns.length + 1}>Saving by changed workload (window) and quality</th>
            </tr>
            {[...workloads].map(([key, label]) => (
              <tr key={`w-${key}`}>
                <th scope="row">{label}</th>
                {columns.map((c, i) => (
                  <td key={c.key} className="num">
                    {cell(i, (r) => {
                      const line = r.byWorkload.find((x) => `${x.workload}|${x.team}` === key);
                      if (!line || line.rule === null) return <span className="muted">unchanged</span>;
                      return (
                        <span className={line.quality.ok === false ? "wi-broken-text" : undefined} title={line.quality.evidence}>
                          {saving(line.savingsUsd)}
                          {line.quality.ok === false && " · below floor"}
                        </span>
                      );
                    })}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
