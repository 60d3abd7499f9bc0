import type { MonthlyReport } from "@/lib/reports/report-schema";
import { usd } from "@/components/budgets/format";
import { savingClass } from "@/lib/ui/money";

/** The report's "Savings delivered": each applied rollout's realised saving on the month's days, next to its prediction. */
export function ReportSavingsDelivered({ savings: s }: { savings: MonthlyReport["savingsDelivered"] }) {
  return (
    <section className="card table-card rp-section" aria-label="Savings delivered" data-testid="report-savings-delivered">
      <div style={{ padding: "0 16px" }}>
        <h2>Savings delivered</h2>
        <p className="muted">
          Realised <b className={savingClass(s.realisedSavingUsd)}>{usd(s.realisedSavingUsd)}</b>
          {s.predictedSavingUsd !== null && <> against {usd(s.predictedSavingUsd)} predicted</>}: each rollout&apos;s calls re-priced on its workloads&apos; model mix of the 14 days before the change.
        </p>
        {s.rollouts.length === 0 && <p className="bg-empty">No rollout was applied during this month.</p>}
      </div>
      {s.rollouts.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <thead><tr><th>Rollout</th><th>Workloads</th><th>Applied from</th><th className="num">Days</th><th className="num">Realised</th><th className="num">Predicted</th></tr></thead>
            <tbody>
              {s.rollouts.map((x) => (
                <tr key={x.id}>
                  <td>{x.label}</td><td>{x.workloads.join(", ")}</td><td>{x.appliedFrom}</td><td className="num">{x.days}</td>
                  <td className={`num ${savingClass(x.realisedSavingUsd)}`}>{usd(x.realisedSavingUsd)}</td><td className="num">{x.predictedSavingUsd === null ? "–" : usd(x.predictedSavingUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
