"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AlertOut } from "@/lib/alerts/alert-schema";
import { alertsQuery, apiJson } from "./api";
import { dateTime, pct, usd } from "./format";
import { Pending } from "@/components/ui/pending";
import { PendingButton } from "@/components/ui/pending-button";

/** Alerts raised (newest first) with what happened to each webhook delivery; failures say why and can be retried. */
export function AlertHistory({ canManage }: { canManage: boolean }) {
  const alerts = useQuery(alertsQuery());
  return (
    <section className="card table-card bg-alerts" aria-label="Alert history">
      <div className="card-head" style={{ padding: "0 16px", display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <h2>Alert history</h2>
        {alerts.data && alerts.data.failedDeliveries > 0 && (
          <span className="badge over" data-testid="failed-deliveries">{alerts.data.failedDeliveries} failed webhook {alerts.data.failedDeliveries === 1 ? "delivery" : "deliveries"}</span>
        )}
      </div>
      {alerts.isPending && <Pending className="bg-empty">Loading alerts…</Pending>}
      {alerts.error && <p className="error-box" style={{ margin: "0 16px" }}>{alerts.error.message}</p>}
      {alerts.data && alerts.data.alerts.length === 0 && (
        <p className="bg-empty" style={{ padding: "8px 16px 16px" }}>No alerts yet. Budgets are checked every minute; each threshold alerts once per period.</p>
      )}
      {alerts.data && alerts.data.alerts.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr><th>Raised</th><th>Alert</th><th>Scope</th><th className="wrap">Message</th><th>Webhook</th></tr>
            </thead>
            <tbody>
              {alerts.data.alerts.map((a) => (
                <tr key={a.id} data-testid="alert-row">
                  <td className="muted">{dateTime(a.createdAt)}</td>
                  <td><KindBadge alert={a} /></td>
                  <td>{a.budget?.label ?? a.scope.label}</td>
                  <td className="wrap">{a.message}</td>
                  <td><Deliveries alert={a} canManage={canManage} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function KindBadge({ alert: a }: { alert: AlertOut }) {
  if (a.kind === "threshold") return <span className={`badge kind-threshold${a.threshold !== null && a.threshold >= 1 ? " over" : ""}`}>{pct(a.threshold, a.threshold !== null && (a.threshold * 100) % 1 ? 1 : 0)} reached</span>;
  if (a.kind === "forecast") return <span className="badge kind-forecast">forecast over</span>;
  return <span className="badge kind-anomaly">anomaly {a.amountUsd ? `+${usd(a.amountUsd)}` : ""}</span>;
}

function Deliveries({ alert: a, canManage }: { alert: AlertOut; canManage: boolean }) {
  const qc = useQueryClient();
  const retry = useMutation({
    mutationFn: (id: number) => apiJson(`/api/v1/alerts/deliveries/${id}/retry`, { method: "POST" }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ["alerts"] }),
  });
  if (a.deliveries.length === 0) return <span className="muted">in-app only</span>;
  return (
    <div className="bg-delivery">
      {a.deliveries.map((d) => (
        <div key={d.id} data-testid="delivery">
          {d.status === "delivered" && <span className="badge ok">delivered</span>}
          {d.status === "pending" && (
            <span className="badge risk" title={d.nextAttemptAt ? `next attempt ${dateTime(d.nextAttemptAt)}` : undefined}>
              {d.attempts === 0 ? "sending" : `retrying (attempt ${d.attempts + 1})`}
            </span>
          )}
          {d.status === "failed" && <span className="badge over">failed after {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}</span>}{" "}
          <span className="muted">{d.format === "slack" ? "Slack" : "JSON"}</span>
          {d.lastError && d.status !== "delivered" && <div className="bg-error">{d.lastError}</div>}
          {canManage && d.status !== "delivered" && (
            <PendingButton type="button" className="btn" style={{ padding: "2px 8px", fontSize: 12, marginTop: 2 }} disabled={retry.isPending} pending={retry.isPending && retry.variables === d.id} pendingLabel="Retrying…" onClick={() => retry.mutate(d.id)}>
              Retry now
            </PendingButton>
          )}
        </div>
      ))}
      {retry.error && <div className="bg-error">{retry.error.message}</div>}
    </div>
  );
}
