import { usdIn } from "@/lib/ui/money";
import type { MonthlyReport } from "@/lib/reports/report-schema";
import { savingClass } from "@/lib/ui/money";

export function ReportRecommendations({ recommendations: r, currency = "USD" }: { recommendations: MonthlyReport["recommendations"]; currency?: string }) {
  return (
    <section className="card table-card rp-section rp-recs" aria-label="Top rightsizing opportunities">
      <div style={{ padding: "0 16px" }}>
        <h2>Top rightsizing opportunities</h2>
        {!r.available && <p className="bg-empty" data-testid="recommendations-unavailable">{r.message ?? "Recommendations not available."}</p>}
        {r.available && r.items.length === 0 && <p className="bg-empty">No cheaper model that holds the quality floor was found.</p>}
      </div>
      {r.available && r.items.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <thead><tr><th>Workload</th><th>Current model</th><th>Candidate</th><th className="num">Saving / month</th><th>Confidence</th><th className="wrap">Evidence</th></tr></thead>
            <tbody>
              {r.items.map((x) => (
                <tr key={`${x.workload}-${x.candidateModel}`}>
                  <td>{x.workload}</td><td>{x.currentModel}</td><td>{x.candidateModel}</td>
                  <td className={`num ${savingClass(x.monthlySavingUsd)}`}>{usdIn(x.monthlySavingUsd, currency)}</td><td>{x.confidence}</td><td className="wrap muted">{x.evidence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
