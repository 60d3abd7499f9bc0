"use client";
import { Pending } from "@/components/ui/pending";
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { apiJson } from "@/components/settings/api";
import { ingestBatchesQuery, type IngestBatch, type Rejected } from "./queries";
import { bytes, download, errorsCsv, n, when } from "./format";
import { RejectedTable } from "./rejected-table";
import { ImportWarnings } from "./import-warnings";
import styles from "./ingestion.module.css";

const SOURCE_LABELS: Record<string, string> = {
  api: "Events API",
  otlp: "OpenTelemetry",
  file: "File",
  openai: "OpenAI export",
  anthropic: "Anthropic report",
  litellm: "LiteLLM logs",
  langfuse: "Langfuse export",
  helicone: "Helicone export",
  demo: "Demo data",
};

/** Recent imports and hourly API/OTLP traffic (ingest_batches), with what each did; rejected lines on demand. */
export function RecentImports() {
  const [kind, setKind] = useState<"all" | "files" | "streams">("all");
  const batches = useQuery({
    ...ingestBatchesQuery(kind),
    // While an import is running its counts grow batch by batch: follow them.
    refetchInterval: (q) => (q.state.data?.batches.some((b) => b.status === "running" && !b.stream) ? 5000 : false),
  });
  const [open, setOpen] = useState<number | null>(null);
  const list = batches.data?.batches ?? [];
  return (
    <section className="card" aria-labelledby="recent-title">
      <div className="toolbar" style={{ justifyContent: "space-between", marginBottom: 8 }}>
        <h2 id="recent-title" style={{ margin: 0 }}>Recent imports</h2>
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} aria-label="Show">
          <option value="all">Files and API traffic</option>
          <option value="files">Files only</option>
          <option value="streams">API and OTLP traffic only</option>
        </select>
      </div>
      {batches.error && <p className="error-box">{batches.error.message}</p>}
      {batches.isLoading && <Pending className="muted">Loading…</Pending>}
      {!batches.isLoading && list.length === 0 && !batches.error && <p className="muted">Nothing imported yet.</p>}
      {list.length > 0 && (
        <table className="data" data-testid="recent-imports">
          <thead>
            <tr>
              <th>Started (UTC)</th>
              <th>Source</th>
              <th>What</th>
              <th className="num">Accepted</th>
              <th className="num">Duplicates</th>
              <th className="num">Replaced</th>
              <th className="num">Rejected</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <Fragment key={b.id}>
                <tr>
                  <td className={`muted ${styles.nowrap}`}>{when(b.startedAt)}</td>
                  <td className={styles.nowrap}>{SOURCE_LABELS[b.source] ?? b.source}</td>
                  <td>{describe(b)}</td>
                  <td className="num">{n(b.accepted)}</td>
                  <td className="num">{n(b.duplicates)}</td>
                  <td className="num">{n(b.replaced)}</td>
                  <td className="num">
                    {b.rejected > 0 ? (
                      <button className="btn" style={{ padding: "2px 8px" }} onClick={() => setOpen(open === b.id ? null : b.id)} aria-expanded={open === b.id}>
                        {n(b.rejected)}
                      </button>
                    ) : (
                      0
                    )}
                  </td>
                  <td>{status(b)}</td>
                </tr>
                {open === b.id && (
                  <tr className={styles.inlineForm}>
                    <td colSpan={8}>
                      <BatchErrors batch={b} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function describe(b: IngestBatch) {
  return (
    <>
      {b.stream ? <span className="muted">{b.actor} · requests of this hour</span> : (b.filename ?? <span className="muted">{b.format}</span>)}{" "}
      {!b.stream && b.bytes !== null && <span className="muted">· {bytes(b.bytes)}</span>}
      {b.skipped > 0 && (
        <span className="muted" title={skipTitle(b.skipReasons)}>
          {" "}
          · {n(b.skipped)} skipped
        </span>
      )}
      {b.heuristic > 0 && (
        <span className="badge risk" style={{ marginLeft: 6 }} title="Their source did not say whether input counted the cache; a last-resort rule decided (see the table of token meanings)">
          {n(b.heuristic)} priced by heuristic
        </span>
      )}
      <ImportWarnings warnings={b.warnings ?? []} compact />
    </>
  );
}

/** "12 no token usage; 1 agent/workflow total..." for the tooltip of the skipped count. */
function skipTitle(reasons: Record<string, number>) {
  return Object.entries(reasons)
    .map(([reason, count]) => `${n(count)} ${reason}`)
    .join("; ");
}

function status(b: IngestBatch) {
  if (b.stream) return <span className="badge">live</span>;
  if (b.status === "done") return <span className="badge ok">done</span>;
  if (b.status === "running") return <span className="badge">running</span>;
  return (
    <span className="badge risk" title="Stopped midway (killed, crashed or broken off): its finished batches are kept; import the file again to complete it">
      failed
    </span>
  );
}

function BatchErrors({ batch }: { batch: IngestBatch }) {
  const detail = useQuery({
    queryKey: ["ingest-batches", "detail", batch.id],
    queryFn: () => apiJson<IngestBatch & { errors: Rejected[] }>(`/api/v1/ingest-batches/${batch.id}`),
  });
  if (detail.isLoading) return <Pending className="muted">Loading…</Pending>;
  if (detail.error) return <p className="error-box">{detail.error.message}</p>;
  const errors = detail.data?.errors ?? [];
  const unit = batch.stream ? "index" : "line";
  return (
    <>
      <div className="toolbar" style={{ justifyContent: "space-between", alignItems: "center", marginBottom: 8 }}>
        <span className="muted">
          {errors.length < batch.rejected ? `The first ${n(errors.length)} of ${n(batch.rejected)} rejected` : `${n(errors.length)} rejected`}
          {batch.stream ? " (from the latest request that had any)" : ""}
        </span>
        <button className="btn" onClick={() => download(`${batch.filename ?? `import-${batch.id}`}.rejected.csv`, errorsCsv(errors, unit))}>
          Download CSV
        </button>
      </div>
      <RejectedTable errors={errors} whereLabel={unit === "line" ? "Line" : "Index"} />
    </>
  );
}
