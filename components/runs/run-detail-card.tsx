"use client";
import { useQuery } from "@tanstack/react-query";
import { runDetailQuery } from "./api";
import { ErrorBox, Loading } from "@/components/explorer/query-state";
import { count, usdUnit } from "@/components/explorer/format";

/** One run's call breakdown: by model, then each call in time order. */
export function RunDetailCard({ runId, onClose }: { runId: string; onClose: () => void }) {
  const detail = useQuery(runDetailQuery(runId));
  return (
    <section className="card run-detail" aria-label={`Run ${runId}`} data-testid="run-detail">
      <div className="card-head">
        <h2>
          Run <code>{runId}</code>
        </h2>
        <button type="button" className="btn" onClick={onClose}>Close</button>
      </div>
      {detail.error ? (
        <ErrorBox error={detail.error} />
      ) : !detail.data ? (
        <Loading height={120} />
      ) : (
        <>
          <p className="muted">
            {detail.data.run.kind} · {detail.data.run.workloadLabel} · {count(detail.data.run.calls)} calls · {usdUnit(detail.data.run.costUsd)} ·{" "}
            {detail.data.run.firstAt.slice(0, 19).replace("T", " ")} → {detail.data.run.lastAt.slice(11, 19)} UTC
          </p>
          <table className="plain-table">
            <thead>
              <tr><th>Model</th><th className="num">Calls</th><th className="num">Input tokens</th><th className="num">Output tokens</th><th className="num">Cost</th></tr>
            </thead>
            <tbody>
              {detail.data.byModel.map((m) => (
                <tr key={m.model}><td>{m.model}</td><td className="num">{count(m.calls)}</td><td className="num">{count(m.inputTokens)}</td><td className="num">{count(m.outputTokens)}</td><td className="num">{usdUnit(m.costUsd)}</td></tr>
              ))}
            </tbody>
          </table>
          <h3>Calls</h3>
          <table className="plain-table">
            <thead>
              <tr><th>Time (UTC)</th><th>Model</th><th className="num">Input</th><th className="num">Output</th><th>Status</th><th>Outcome</th><th className="num">Cost</th></tr>
            </thead>
            <tbody>
              {detail.data.calls.map((c, i) => (
                <tr key={i}><td>{c.at.slice(11, 23)}</td><td>{c.model}</td><td className="num">{count(c.inputTokens)}</td><td className="num">{count(c.outputTokens)}</td><td>{c.status ?? "—"}</td><td>{c.outcome ?? "—"}</td><td className="num">{c.costUsd === null ? "unpriced" : usdUnit(c.costUsd)}</td></tr>
              ))}
            </tbody>
          </table>
          {detail.data.truncated ? <p className="muted">Showing the first 500 calls.</p> : null}
        </>
      )}
    </section>
  );
}
