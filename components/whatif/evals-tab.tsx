"use client";
import { Pending } from "@/components/ui/pending";
import { useState } from "react";
import { PendingButton } from "@/components/ui/pending-button";
import { PendingDownload } from "@/components/ui/pending-download";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { WhatIfOptions } from "@/lib/whatif/server/options";
import type { ImportEvalsResult } from "@/lib/evals/import-evals";
import { evalSetsQuery, importEvalFile } from "./api";
import { pct } from "./format";
import { namesFrom } from "./names";
import { WorkloadClassification } from "./workload-classification";

/**
 * Quality evidence: eval sets with each model's pass rate, an upload (CSV or JSON, all or nothing), and a
 * workload's classification and eval link with its model mapping.
 */
export function EvalsTab({ options, workload, onWorkload }: { options: WhatIfOptions; workload: string | null; onWorkload: (slug: string | null) => void }) {
  const sets = useQuery(evalSetsQuery());
  const names = namesFrom(options);
  return (
    <div className="wi-evals">
      <section className="card" aria-label="Eval sets">
        <h2>Eval sets</h2>
        {sets.isPending && <Pending className="muted">Loading…</Pending>}
        {sets.isError && <div className="error-box">{sets.error.message}</div>}
        {sets.data?.length === 0 && <p className="muted">No eval results yet: import a file below.</p>}
        {sets.data && sets.data.length > 0 && (
          <table className="data" data-testid="eval-sets">
            <thead>
              <tr>
                <th>Eval set</th>
                <th className="num">Tasks</th>
                <th>Pass rate per model</th>
                <th>Linked workloads</th>
              </tr>
            </thead>
            <tbody>
              {sets.data.map((s) => (
                <tr key={s.name}>
                  <td>
                    <b>{s.name}</b>
                    {s.description && <div className="muted small wi-desc">{s.description}</div>}
                  </td>
                  <td className="num">{s.tasks.toLocaleString("en-US")}</td>
                  <td>
                    {s.models.map((m) => (
                      <div key={m.model} className="wi-passrate">
                        <span className="wi-bar" aria-hidden>
                          <span style={{ width: `${m.passRate * 100}%` }} />
                        </span>
                        <b>{pct(m.passRate)}</b> {m.model} <span className="muted small">({m.passed}/{m.tasks})</span>
                      </div>
                    ))}
                  </td>
                  <td>
                    {s.workloads.length === 0 && <span className="muted">none</span>}
                    {s.workloads.map((w) => (
                      <button key={w} type="button" className="btn small" onClick={() => onWorkload(w)}>
                        {names.workload(w)}
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="grid wi-two">
        <UploadForm options={options} />
        <section className="card" aria-label="Workload evidence">
          <h2>A workload&apos;s class, floor and evidence</h2>
          <label className="field">
            Workload
            <select aria-label="workload to classify" value={workload ?? ""} onChange={(e) => onWorkload(e.target.value || null)}>
              <option value="">choose…</option>
              {options.workloads.map((w) => (
                <option key={w.slug} value={w.slug}>
                  {w.name} ({w.team ?? "no team"})
                </option>
              ))}
            </select>
          </label>
          <p className="muted small">Owners (the team&apos;s lead, or an admin) confirm the class, set the floor and map eval models here; it is the same panel as on the workload page.</p>
        </section>
      </div>
      {workload && <WorkloadClassification key={workload} workload={workload} />}
    </div>
  );
}

function UploadForm({ options }: { options: WhatIfOptions }) {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [set, setSet] = useState("");
  const [workload, setWorkload] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportEvalsResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await importEvalFile(file, { set: set.trim(), workload: workload || undefined }));
      await client.invalidateQueries({ queryKey: ["evals"] });
      await client.invalidateQueries({ queryKey: ["classification"] });
      await client.invalidateQueries({ queryKey: ["recommendations"] });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card" onSubmit={submit} aria-label="Import eval results">
      <h2>Import eval results</h2>
      <p className="muted small">
        CSV or JSON, one row per task and model: <span className="mono">task_id, model, passed</span> (or <span className="mono">score</span> 0–1), optional{" "}
        <span className="mono">eval_set, cost_usd, input_tokens, output_tokens, judge_flagged</span> (judge_flagged: your escalation detector flagged this answer; escalation replay measures the detector from it). A file with problems imports nothing and says what to fix. Same as{" "}
        <span className="mono">rightsize evals import FILE --set NAME</span>.{" "}
        <PendingDownload className="" href="/api/v1/evals/template" data-testid="eval-template">Download a template CSV</PendingDownload> (the importer&apos;s columns, with three example rows).
      </p>
      <div className="form-grid">
        <label className="field">
          File
          <input type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-label="eval results file" />
        </label>
        <label className="field">
          Eval set name
          <input value={set} onChange={(e) => setSet(e.target.value)} placeholder="e.g. triage-golden" aria-label="eval set name" />
        </label>
        <label className="field">
          Link to workload (optional)
          <select value={workload} onChange={(e) => setWorkload(e.target.value)} aria-label="link to workload">
            <option value="">—</option>
            {options.workloads.map((w) => (
              <option key={w.slug} value={w.slug}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <PendingButton className="btn primary" type="submit" disabled={!file || !set.trim()} pending={busy} pendingLabel="Importing…">
          Import
        </PendingButton>
      </div>
      {error && <div className="error-box" role="alert">{error}</div>}
      {result && (
        <div className="notice">
          Imported {result.rows.toLocaleString("en-US")} results ({result.tasks} tasks) into &quot;{result.evalSet}&quot;
          {result.linkedWorkload ? `, linked to ${result.linkedWorkload}` : ""}:{" "}
          {result.models.map((m) => `${m.model} ${pct(m.passRate)}`).join(", ")}.
        </div>
      )}
    </form>
  );
}
