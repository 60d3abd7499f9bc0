"use client";
import "./whatif.css";
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Classification, ClassificationPatch } from "@/lib/classify/classification-schema";
import { TASK_CLASSES } from "@/lib/classify/task-class";
import { classificationQuery, evalSetsQuery, saveClassification } from "./api";
import { pct } from "./format";
import { TierBadge } from "./tier-badge";

const label = (c: string) => c.replace(/_/g, " ");

/**
 * A workload's classification, ready to mount on the workload page: <WorkloadClassification workload="ticket-triage" />.
 * Shows the stored class and the class its usage shape suggests (with the reasons), and lets the owner (a lead of
 * its team, or an admin) confirm or change it, set the quality floor and latency tolerance, link an eval set and
 * say which eval model stands for which real model. Read-only for everyone else.
 */
export function WorkloadClassification({ workload }: { workload: string }) {
  const client = useQueryClient();
  const q = useQuery(classificationQuery(workload));
  const mutation = useMutation({
    mutationFn: (patch: ClassificationPatch) => saveClassification(workload, patch),
    onSuccess: (data) => {
      client.setQueryData(classificationQuery(workload).queryKey, data);
      void client.invalidateQueries({ queryKey: ["recommendations"] });
      void client.invalidateQueries({ queryKey: ["whatif", "options"] });
      void client.invalidateQueries({ queryKey: ["evals"] });
    },
  });
  if (q.isPending) return <section className="card wi-classification"><p className="muted">Loading classification…</p></section>;
  if (q.isError) return <section className="card wi-classification"><div className="error-box">{q.error.message}</div></section>;
  const c = q.data;
  const edit = c.canEdit;
  const s = c.suggestion;
  return (
    <section className="card wi-classification" aria-label="Classification" data-testid="workload-classification">
      <div className="wi-card-head">
        <h2>Classification: {c.workload.name}</h2>
        {mutation.isPending && <span className="muted">saving…</span>}
      </div>
      {mutation.isError && <div className="error-box">{mutation.error.message}</div>}
      <div className="wi-class-grid">
        <div>
          <h3>Task class</h3>
          <div className="wi-class-now">
            {c.taskClass ? <b>{label(c.taskClass)}</b> : <span className="muted">not classified</span>}{" "}
            {c.taskClass && (c.taskClassConfirmed ? <span className="badge ok">confirmed by owner</span> : <span className="badge risk">not confirmed</span>)}
          </div>
          {edit && (
            <label className="field">
              Change to
              <select aria-label="task class" value={c.taskClass ?? ""} onChange={(e) => e.target.value && mutation.mutate({ taskClass: e.target.value as ClassificationPatch["taskClass"] })}>
                <option value="" disabled>
                  choose…
                </option>
                {TASK_CLASSES.map((t) => (
                  <option key={t} value={t}>
                    {label(t)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <div>
          <h3>Suggested from usage</h3>
          {s ? (
            <>
              <div>
                <b>{label(s.taskClass)}</b> <span className="badge">{s.confidence} confidence</span>
                {edit && (s.taskClass !== c.taskClass || !c.taskClassConfirmed) && (
                  <button type="button" className="btn small" onClick={() => mutation.mutate({ taskClass: s.taskClass })} data-testid="confirm-suggestion">
                    {s.taskClass === c.taskClass ? "Confirm" : "Use this class"}
                  </button>
                )}
              </div>
              <ul className="wi-reasons">
                {s.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              <p className="muted small">
                From {s.shape.calls.toLocaleString("en-US")} calls ({s.shape.from} – {s.shape.to}); percentiles from {s.shape.sampledCalls.toLocaleString("en-US")} sampled:
                input median {s.shape.p50InputTokens.toLocaleString("en-US")} / p90 {s.shape.p90InputTokens.toLocaleString("en-US")} tokens, output median{" "}
                {s.shape.p50OutputTokens.toLocaleString("en-US")} / p90 {s.shape.p90OutputTokens.toLocaleString("en-US")}, reasoning {pct(s.shape.reasoningShare, 0)} of output,
                cached {pct(s.shape.cachedShare, 0)} of input. Shape cannot see content: the owner decides.
              </p>
            </>
          ) : (
            <p className="muted">No traffic in the last 30 days to suggest from.</p>
          )}
        </div>
        <div>
          <h3>Quality floor and latency</h3>
          <FloorInput value={c.qualityFloor} disabled={!edit} onSave={(v) => mutation.mutate({ qualityFloor: v })} />
          <label className="wi-inline">
            <input type="checkbox" checked={c.latencyTolerant} disabled={!edit} onChange={(e) => mutation.mutate({ latencyTolerant: e.target.checked })} /> latency-tolerant
            (may wait for the Batch API)
          </label>
          <div className="muted small wi-models">
            Calls:{" "}
            {c.models.map((m) => (
              <span key={`${m.provider}/${m.model}`}>
                {m.model} <TierBadge tier={m.tier} /> {pct(m.costShare, 0)}{" "}
              </span>
            ))}
          </div>
        </div>
      </div>
      <EvalLink c={c} edit={edit} onPatch={(p) => mutation.mutate(p)} />
    </section>
  );
}

function FloorInput({ value, disabled, onSave }: { value: number; disabled: boolean; onSave: (v: number) => void }) {
  const [text, setText] = useState(String(Math.round(value * 1000) / 10));
  useEffect(() => setText(String(Math.round(value * 1000) / 10)), [value]);
  const n = Number(text);
  const bad = !(text !== "" && n >= 0 && n <= 100);
  return (
    <label className="field">
      Minimum pass rate (%)
      <span className="wi-inline">
        <input type="number" min={0} max={100} step="0.1" value={text} disabled={disabled} onChange={(e) => setText(e.target.value)} aria-label="quality floor percent" aria-invalid={bad || undefined} className={bad ? "wi-invalid" : undefined} />
        {!disabled && (
          <button type="button" className="btn small" disabled={bad || n / 100 === value} onClick={() => onSave(Math.round(n * 10) / 1000)}>
            Save
          </button>
        )}
      </span>
      {bad && <span className="wi-field-error">between 0 and 100%</span>}
    </label>
  );
}

/** The eval set link and its mapping: which eval model's results stand for each real model. */
function EvalLink({ c, edit, onPatch }: { c: Classification; edit: boolean; onPatch: (p: ClassificationPatch) => void }) {
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
