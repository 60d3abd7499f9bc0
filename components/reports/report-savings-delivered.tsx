import { usdIn } from "@/lib/ui/money";
import type { MonthlyReport } from "@/lib/reports/report-schema";
import { savingClass } from "@/lib/ui/money";

/** The report's "Savings delivered": each applied rollout's realised saving on the month's days, next to its prediction. */
export function ReportSavingsDelivered({ savings: s, currency = "USD" }: { savings: MonthlyReport["savingsDelivered"]; currency?: string }) {
  return (
    <section className="card table-card rp-section" aria-label="Savings delivered" data-testid="report-savings-delivered">
      <div style={{ padding: "0 16px" }}>
        <h2>Savings delivered</h2>
        <p className="muted">
          Realised <b className={savingClass(s.realisedSavingUsd)}>{usdIn(s.realisedSavingUsd, currency)}</b>
          {s.predictedSavingUsd !== null && <> against {usdIn(s.predictedSavingUsd, currency)} predicted</>}: each rollout&apos;s calls re-priced on its workloads&apos; model mix of the 14 days before the change.
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
                  <td className={`num ${savingClass(x.realisedSavingUsd)}`}>{usdIn(x.realisedSavingUsd, currency)}</td><td className="num">{x.predictedSavingUsd === null ? "–" : usdIn(x.predictedSavingUsd, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
