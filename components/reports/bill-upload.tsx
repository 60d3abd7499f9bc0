"use client";
import { PendingButton } from "@/components/ui/pending-button";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";

interface ImportResult {
  provider: string;
  lines: number;
  inserted: number;
  updated: number;
  removed: number;
  firstDay: string | null;
  lastDay: string | null;
  totalUsd: string;
}

interface Problem {
  line: number;
  path: string;
  message: string;
}

class ImportError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[],
  ) {
    super(message);
  }
}

/** Upload a provider's cost export; a malformed file is refused with every bad line listed. */
export function BillUpload() {
  const qc = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const [provider, setProvider] = useState("");
  const upload = useMutation({
    mutationFn: async () => {
      const f = file.current?.files?.[0];
      if (!f) throw new ImportError("Choose a bill file first.", []);
      const res = await fetch(`/api/v1/bills${provider ? `?provider=${provider}` : ""}`, { method: "POST", headers: { "content-type": "application/json" }, body: await f.text() });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) throw new ImportError(data?.error?.message ?? `Import failed (${res.status})`, Array.isArray(data?.error?.details) ? data.error.details : []);
      return data as ImportResult;
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["reconciliation"] }),
  });
  const problems = upload.error instanceof ImportError ? upload.error.problems : [];
  return (
    <section className="card rp-section" aria-label="Import a bill">
      <h2>Import a provider bill</h2>
      <p className="rp-hint">
        The JSON your provider's cost API returns: OpenAI <span className="mono">GET /v1/organization/costs</span> or Anthropic{" "}
        <span className="mono">GET /v1/organizations/cost_report</span> (one page, a list of pages, or one page per line). Group by line item /
        description to compare per model. Importing the same days again replaces them.
      </p>
      <form className="rp-upload" onSubmit={(e) => { e.preventDefault(); upload.mutate(); }}>
        <label className="field">Bill file<input ref={file} type="file" accept=".json,.jsonl,.ndjson,application/json" aria-label="Bill file" /></label>
        <label className="field">
          Provider
          <select value={provider} onChange={(e) => setProvider(e.target.value)}>
            <option value="">Recognise from the file</option>
            <option value="openai">OpenAI</option>
            <option value="anthropic">Anthropic</option>
          </select>
        </label>
        <PendingButton type="submit" className="btn primary" pending={upload.isPending} pendingLabel="Importing…">Import bill</PendingButton>
      </form>
      {upload.data && (
        <p className="notice" role="status" style={{ marginTop: 10 }}>
          Imported {upload.data.lines} {upload.data.provider} bill lines ({upload.data.firstDay} to {upload.data.lastDay}, ${upload.data.totalUsd}): {upload.data.inserted} new,{" "}
          {upload.data.updated} updated{upload.data.removed ? `, ${upload.data.removed} replaced` : ""}.
        </p>
      )}
      {upload.error && (
        <div className="error-box" role="alert" style={{ marginTop: 10 }}>
          {upload.error.message}
          {problems.length > 1 && (
            <ul className="rp-problems">
              {problems.slice(0, 12).map((p, i) => <li key={i}>line {p.line}: {p.path} {p.message}</li>)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
