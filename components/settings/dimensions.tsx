"use client";
import { PendingButton } from "@/components/ui/pending-button";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { DimensionList, PromoteResult } from "@/lib/dimensions/dimension-schema";
import { apiJson } from "./api";

const minuteUtc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** Settings › Dimensions: promote tag keys (customer, feature, environment...) to explorer dimensions, or remove them. */
export default function DimensionsSection() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ["dimensions"], queryFn: () => apiJson<DimensionList>("/api/v1/dimensions") });
  const [tagKey, setTagKey] = useState("");
  const [done, setDone] = useState<PromoteResult | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ["dimensions"] });
  const promote = useMutation({
    mutationFn: () => apiJson<PromoteResult>("/api/v1/dimensions", { method: "POST", body: { tagKey: tagKey.trim() } }),
    onSuccess: (result) => { setDone(result); setTagKey(""); refresh(); },
  });
  const remove = useMutation({
    mutationFn: (key: string) => apiJson(`/api/v1/dimensions/${encodeURIComponent(key)}`, { method: "DELETE" }),
    onSuccess: () => { setDone(null); refresh(); },
  });

  return (
    <div className="grid">
      <form className="card" onSubmit={(e) => { e.preventDefault(); promote.mutate(); }}>
        <h2>Promote a tag key to a dimension</h2>
        <p className="muted">
          Calls carry tags (native <code>tags</code>, OTLP attributes, LiteLLM metadata). A promoted key can be grouped and filtered by
          in the explorer (<Link href="/dimensions">Dimensions</Link>) and the API (<code>groupBy=tag:customer</code>,{" "}
          <code>tag.customer=acme</code>). Its history is rolled up from the stored calls right away; nothing is re-ingested.
        </p>
        <div className="form-grid" style={{ gridTemplateColumns: "minmax(220px, 420px) auto", justifyContent: "start" }}>
          <label className="field">Tag key<input required value={tagKey} placeholder="e.g. customer, feature, environment" pattern="[A-Za-z0-9_.:/\-]{1,128}" title="letters, digits and . _ - : /" onChange={(e) => setTagKey(e.target.value)} /></label>
          <PendingButton type="submit" className="btn primary" pending={promote.isPending} pendingLabel="Rolling up history…">Promote</PendingButton>
        </div>
        {promote.error && <p className="error-box">{promote.error.message}</p>}
        {done && (
          <p role="status">
            <b>{done.tagKey}</b> is a dimension: {done.backfill.events.toLocaleString("en-US")} stored calls rolled up,{" "}
            {done.backfill.taggedEvents.toLocaleString("en-US")} of them tagged, in {(done.backfill.durationMs / 1000).toFixed(1)} s.
          </p>
        )}
      </form>
      <div className="card">
        <h2>Dimensions</h2>
        <table className="data">
          <thead><tr><th>Tag key</th><th>Promoted by</th><th>Promoted</th><th>History rolled up</th><th /></tr></thead>
          <tbody>
            {list.data?.dimensions.map((d) => (
              <tr key={d.tagKey}>
                <td className="mono"><Link href={`/dimensions?key=${encodeURIComponent(d.tagKey)}`}>{d.tagKey}</Link></td>
                <td>{d.createdBy}</td>
                <td className="muted">{minuteUtc(d.createdAt)}</td>
                <td className="muted">{d.backfilledAt ? minuteUtc(d.backfilledAt) : "pending"}</td>
                <td>
                  <PendingButton className="btn" disabled={remove.isPending} pending={remove.isPending && remove.variables === d.tagKey} pendingLabel="Removing…" onClick={() => { if (window.confirm(`Remove the dimension "${d.tagKey}"? Its roll-up is dropped; calls keep their tags.`)) remove.mutate(d.tagKey); }}>
                    Remove
                  </PendingButton>
                </td>
              </tr>
            ))}
            {list.data?.dimensions.length === 0 && <tr><td colSpan={5} className="muted">No dimensions yet. Promote a tag key your calls carry, e.g. customer.</td></tr>}
          </tbody>
        </table>
        {remove.error && <p className="error-box">{remove.error.message}</p>}
      </div>
    </div>
  );
}
