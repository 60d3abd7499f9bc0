"use client";
import { PendingButton } from "@/components/ui/pending-button";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";

/** Upload a business-metrics CSV (date,name,value[,team][,workload]); a resend of the same keys replaces values. */
export function MetricsUpload() {
  const qc = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const f = file.current?.files?.[0];
      if (!f) throw new Error("Choose a CSV file first.");
      const res = await fetch("/api/v1/metrics", { method: "POST", headers: { "content-type": "text/csv" }, body: await f.text() });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(data?.error?.message ?? `Upload failed (${res.status})`);
      return data as { stored: number; replaced: number };
    },
    onSuccess: () => void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === "metric-series" || q.queryKey[0] === "unit-cost" }),
  });
  return (
    <section className="card uc-upload" aria-label="Upload business metrics">
      <h2>Upload business metrics</h2>
      <p className="muted">
        CSV with the header <code>date,name,value,team,workload</code> (team and workload are optional slugs; none = the whole organisation), one
        value per UTC day. Sending the same date, name, team and workload again replaces the value. Also: <code>POST /api/v1/metrics</code> and{" "}
        <code>rightsize metrics import FILE</code>.
      </p>
      <form onSubmit={(e) => { e.preventDefault(); upload.mutate(); }} className="uc-form">
        <label className="field">CSV file<input ref={file} type="file" accept=".csv,text/csv" aria-label="Metrics CSV file" /></label>
        <PendingButton className="btn" type="submit" pending={upload.isPending} pendingLabel="Uploading…">Upload</PendingButton>
      </form>
      {upload.error ? <p role="alert" className="field-error">{(upload.error as Error).message}</p> : null}
      {upload.data ? <p role="status">Stored {upload.data.stored} values ({upload.data.replaced} replaced earlier ones).</p> : null}
    </section>
  );
}
