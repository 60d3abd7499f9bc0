"use client";
import { useEffect, useState } from "react";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { PendingButton } from "@/components/ui/pending-button";
import { deleteScenario, optionsQuery, runQuery, scenariosQuery } from "./api";
import { Pending } from "@/components/ui/pending";
import { CompareTable, type Column } from "./compare-table";
import type { Definition } from "./definition";

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
  const options = useQuery(optionsQuery());
  // Ticks answer at once; the URL (shareable) follows.
  const [selected, setSelected] = useState(fromUrl);
  useEffect(() => setSelected(fromUrl), [fromUrl.join(",")]); // eslint-disable-line react-hooks/exhaustive-deps
  const columns: Column[] = [
    ...(current ? [{ key: "current", label: "Last run (unsaved)", def: current }] : []),
    ...(saved.data ?? []).filter((s) => selected.includes(s.id)).map((s) => ({ key: String(s.id), label: s.name, def: s.definition as Definition })),
  ];
  const remove = useMutation({
    mutationFn: (id: number) => deleteScenario(id),
    onSuccess: async (_, id) => {
      await client.invalidateQueries({ queryKey: ["scenarios"] });
      onSelect(selected.filter((x) => x !== id));
    },
  });
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
        {saved.isPending && <Pending className="muted">Loading saved scenarios…</Pending>}
        {remove.error && <p className="error-box">{remove.error.message}</p>}
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
                        <PendingButton
                          type="button"
                          className="btn small"
                          pending={remove.isPending && remove.variables === s.id}
                          pendingLabel="Deleting…"
                          onClick={() => {
                            if (confirm(`Delete "${s.name}"?`)) remove.mutate(s.id);
                          }}
                        >
                          Delete
                        </PendingButton>
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
      {columns.length > 0 && <CompareTable columns={columns} results={runs.map((r) => ({ data: r.data, error: r.error?.message ?? null }))} options={options.data} />}
    </div>
  );
}
