"use client";
import { useEffect, useState } from "react";
import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { WhatIfResponse } from "@/lib/whatif/response";
import { deleteScenario, runQuery, scenariosQuery } from "./api";
import type { Definition } from "./definition";
import { isNegative, usd } from "./format";

interface Column {
  key: string;
  label: string;
  def: Definition;
}

/**
 * Saved scenarios side by side (and the one last run, if any): the same figures in columns, then savings per
 * team and per workload, so two options can be weighed line by line. Selection lives in the URL (?compare=1,4).
 */
export function CompareTab({
  current,
  selected: fromUrl,
  onSelect,
  onOpen,
}: {
  current: Definition | null;
  selected: number[];
  onSelect: (ids: number[]) => void;
  onOpen: (id: number) => void;
}) {
  const client = useQueryClient();
  const saved = useQuery(scenariosQuery());
  // Ticks answer at once; the URL (shareable) follows.
  const [selected, setSelected] = useState(fromUrl);
  useEffect(() => setSelected(fromUrl), [fromUrl.join(",")]); // eslint-disable-line react-hooks/exhaustive-deps
  const columns: Column[] = [
    ...(current ? [{ key: "current", label: "Last run (unsaved)", def: current }] : []),
    ...(saved.data ?? []).filter((s) => selected.includes(s.id)).map((s) => ({ key: String(s.id), label: s.name, def: s.definition as Definition })),
  ];
  const runs = useQueries({ queries: columns.map((c) => runQuery(c.def)) });
  const toggle = (id: number) => {
    const next = selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id].slice(-4);
    setSelected(next);
    onSelect(next);
  };

  return (
    <div className="wi-compare">
      <section className="card" aria-label="Saved scenarios">
        <h2>Saved scenarios</h2>
        {saved.isPending && <p className="muted">Loading…</p>}
        {saved.data?.length === 0 && <p className="muted">No saved scenarios yet: run one in the Scenario tab and save it.</p>}
        {saved.data && saved.data.length > 0 && (
          <table className="data" data-testid="saved-scenarios">
            <thead>
              <tr>
                <th>Compare</th>
                <th>Name</th>
                <th>Window</th>
                <th>Rules</th>
                <th>Saved by</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {saved.data.map((s) => {
                const d = s.definition as Definition;
                return (
                  <tr key={s.id}>
                    <td>
                      <input type="checkbox" aria-label={`compare ${s.name}`} checked={selected.includes(s.id)} onChange={() => toggle(s.id)} />
                    </td>
                    <td>
                      <b>{s.name}</b>
                    </td>
                    <td className="small">
                      {d.from} – {d.to}
                    </td>
                    <td className="small">{d.rules.length}</td>
                    <td className="small muted">{s.createdBy ?? "API key"}</td>
                    <td className="wi-row-actions">
                      <button type="button" className="btn small" onClick={() => onOpen(s.id)}>
                        Open
                      </button>
                      {s.canEdit && (
                        <button
                          type="button"
                          className="btn small"
                          onClick={async () => {
                            if (!confirm(`Delete "${s.name}"?`)) return;
                            await deleteScenario(s.id);
                            await client.invalidateQueries({ queryKey: ["scenarios"] });
                            onSelect(selected.filter((x) => x !== s.id));
                          }}
                        >
                          Delete
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {columns.length === 0 && <div className="card empty">Tick two or more saved scenarios to compare them side by side.</div>}
      {columns.length > 0 && <CompareTable columns={columns} results={runs.map((r) => ({ data: r.data, error: r.error?.message ?? null }))} />}
    </div>
  );
}

function CompareTable({ columns, results }: { columns: Column[]; results: { data: WhatIfResponse | undefined; error: string | null }[] }) {
  const cell = (i: number, f: (r: WhatIfResponse) => React.ReactNode) => {
    const r = results[i];
    if (r.error) return <span className="wi-error-text">{r.error}</span>;
    return r.data ? f(r.data) : <span className="muted">…</span>;
  };
  const saving = (v: string) => <span className={isNegative(v) ? "delta-up" : "delta-down"}>{usd(v)}</span>;
  const workloads = new Map<string, string>();
  const teams = new Set<string>();
  for (const r of results) {
    for (const w of r.data?.byWorkload ?? []) if (w.rule !== null) workloads.set(`${w.workload}|${w.team}`, w.workload ?? "unattributed");
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
            {[...teams].sort().map((t) => (
              <tr key={`team-${t}`}>
                <th scope="row">{t}</th>
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
