import { usdIn } from "@/lib/ui/money";
import type { MonthlyReport } from "@/lib/reports/report-schema";
import { shortDate } from "@/components/budgets/format";

export function ReportAnomalies({ anomalies, currency = "USD" }: { anomalies: MonthlyReport["anomalies"]; currency?: string }) {
  return (
    <section className="card rp-section" aria-label="Anomalies of the month">
      <h2>Anomalies of the month</h2>
      <p className="rp-hint">Spend spikes against the same weekday in earlier weeks, and switches to pricier models, with their size.</p>
      {anomalies.length === 0 ? (
        <p className="bg-empty">No anomalies were flagged this month.</p>
      ) : (
        <ul className="bg-list">
          {anomalies.map((a) => (
            <li key={a.id}>
              <span className="bg-title">
                <span className={`badge kind-${a.kind}`}>{a.kind === "spike" ? "spike" : "model switch"}</span> {a.scope.type === "team" ? "Team " : ""}
                {a.scope.label} <span className="muted" style={{ fontWeight: 400 }}>· {shortDate(a.day)}</span>
              </span>
              <span className="bg-size delta-up">+{usdIn(a.sizeUsd, currency)}</span>
              <span className="bg-meta">{a.message}</span>
              <span className="bg-meta" data-testid="anomaly-why"><b>Why:</b> {a.explanation}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
