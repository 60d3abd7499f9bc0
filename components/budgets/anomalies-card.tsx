"use client";
import "./budgets.css";
import { useQuery } from "@tanstack/react-query";
import { anomaliesQuery } from "./api";
import { shortDate, usd } from "./format";

/**
 * For the overview and a workload's page: spend spikes and switches to pricier models of the last two weeks, with
 * their size in dollars. Fetches its own data (GET /api/v1/anomalies); pass `workload` to show one workload's.
 */
export function AnomaliesCard({ workload, team, limit = 5 }: { workload?: string; team?: string; limit?: number }) {
  const anomalies = useQuery(anomaliesQuery({ workload, team, limit: 50 }));
  const list = anomalies.data?.anomalies ?? [];
  return (
    <section className="card" aria-label="Anomalies" data-testid="anomalies-card">
      <div className="card-head" style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline" }}>
        <h2 style={{ margin: 0 }}>Anomalies{team ? ` · ${team}` : ""}</h2>
        {anomalies.data && <span className="muted" style={{ fontSize: 12 }}>{shortDate(anomalies.data.from)} – {shortDate(anomalies.data.to)}</span>}
      </div>
      {anomalies.error && <p className="error-box">{anomalies.error.message}</p>}
      {anomalies.isPending && <p className="bg-empty">Loading…</p>}
      {anomalies.data && list.length === 0 && (
        <p className="bg-empty">No spikes or model switches{workload ? " for this workload" : team ? " for this team" : ""} in the last two weeks.</p>
      )}
      {list.length > 0 && (
        <ul className="bg-list">
          {list.slice(0, limit).map((a) => (
            <li key={a.id} data-testid="anomaly">
              <span className="bg-title">
                <span className={`badge kind-${a.kind}`}>{a.kind === "spike" ? "spike" : "model switch"}</span>{" "}
                {a.scope.type === "team" ? "Team " : ""}{a.scope.label}
                <span className="muted" style={{ fontWeight: 400 }}> · {shortDate(a.day)}</span>
              </span>
              <span className="bg-size delta-up">+{usd(a.sizeUsd)}</span>
              <span className="bg-meta">{a.message}</span>
              <span className="bg-meta" data-testid="anomaly-why"><b>Why:</b> {a.explanation}</span>
            </li>
          ))}
        </ul>
      )}
      {list.length > limit && <p className="muted" style={{ fontSize: 12, margin: "6px 0 0" }}>and {list.length - limit} more (+{usd(list.slice(limit).reduce((s, a) => s + Number(a.sizeUsd), 0))})</p>}
    </section>
  );
}

export default AnomaliesCard;
