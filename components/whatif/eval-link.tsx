"use client";
import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { Classification, ClassificationPatch } from "@/lib/classify/classification-schema";
import { evalSetsQuery } from "./api";
import { pct } from "./format";

/** The eval set link and its mapping: which eval model's results stand for each real model. */
export function EvalLink({ c, edit, onPatch }: { c: Classification; edit: boolean; onPatch: (p: ClassificationPatch) => void }) {
  const sets = useQuery({ ...evalSetsQuery(), enabled: edit || c.evalSet !== null });
  const evalModels = c.evalSet?.models ?? [];
  const rateOf = (m: string) => evalModels.find((x) => x.model === m);
  const [rows, setRows] = useState(c.evalModelMap);
  useEffect(() => setRows(c.evalModelMap), [c.evalModelMap]);
  const dirty = JSON.stringify(rows) !== JSON.stringify(c.evalModelMap);
  const realModels = [...new Map([...c.models.map((m) => [`${m.provider}/${m.model}`, m] as const)]).values()];
  const unmapped = realModels.filter((m) => !rows.some((r) => r.provider === m.provider && r.model === m.model));
  return (
    <div className="wi-evallink">
      <h3>Quality evidence</h3>
      <div className="toolbar">
        <label className="field">
          Linked eval set
          <select
            aria-label="linked eval set"
            value={c.evalSet?.name ?? ""}
            disabled={!edit}
            onChange={(e) => onPatch({ evalSet: e.target.value === "" ? null : e.target.value })}
          >
            <option value="">— none —</option>
            {(sets.data ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                {s.name} ({s.tasks} tasks)
              </option>
            ))}
            {c.evalSet && !(sets.data ?? []).some((s) => s.name === c.evalSet!.name) && <option value={c.evalSet.name}>{c.evalSet.name}</option>}
          </select>
        </label>
        {evalModels.length > 0 && (
          <span className="small">
            Pass rates:{" "}
            {evalModels.map((m) => (
              <span key={m.model} className="wi-rate">
                {m.model} <b>{pct(m.passRate)}</b> ({m.tasks})
              </span>
            ))}
          </span>
        )}
      </div>
      {c.evalSet && (
        <>
          <p className="muted small">
            Eval sets often test other models than the ones in production. Say which eval model&apos;s results stand for each real model; a model without a
            row uses results of the same name, if any. A stand-in is an assumption: a weaker stand-in makes the evidence cautious.
          </p>
          <table className="data wi-map" data-testid="eval-model-map">
            <thead>
              <tr>
                <th>Real model (provider/model)</th>
                <th>Results of eval model</th>
                <th className="num">Pass rate</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>
                    {edit ? (
                      <input
                        aria-label="real model"
                        value={`${r.provider}/${r.model}`}
                        onChange={(e) => {
                          const v = e.target.value;
                          const slash = v.indexOf("/");
                          setRows(rows.map((x, j) => (j === i ? { ...x, provider: slash > 0 ? v.slice(0, slash) : "", model: slash > 0 ? v.slice(slash + 1) : v } : x)));
                        }}
                      />
                    ) : (
                      `${r.provider}/${r.model}`
                    )}
                  </td>
                  <td>
                    {edit ? (
                      <select aria-label="eval model" value={r.evalModel} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, evalModel: e.target.value } : x)))}>
                        {evalModels.map((m) => (
                          <option key={m.model} value={m.model}>
                            {m.model}
                          </option>
                        ))}
                      </select>
                    ) : (
                      r.evalModel
                    )}
                  </td>
                  <td className="num">{pct(rateOf(r.evalModel)?.passRate)}</td>
                  <td>{edit && <button type="button" className="btn small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>Remove</button>}</td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    No mapping: models match eval results by name only.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          {edit && (
            <div className="toolbar wi-map-actions">
              {unmapped.map((m) => (
                <button
                  key={`${m.provider}/${m.model}`}
                  type="button"
                  className="btn small"
                  onClick={() => setRows([...rows, { provider: m.provider, model: m.model, evalModel: evalModels[0]?.model ?? "" }])}
                >
                  + map {m.model}
                </button>
              ))}
              <button type="button" className="btn small" onClick={() => setRows([...rows, { provider: "", model: "", evalModel: evalModels[evalModels.length - 1]?.model ?? "" }])}>
                + map a candidate model
              </button>
              <button type="button" className="btn small primary" disabled={!dirty} onClick={() => onPatch({ evalModelMap: rows })} data-testid="save-eval-map">
                Save mapping
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
