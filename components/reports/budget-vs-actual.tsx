import { usdIn } from "@/lib/ui/money";
import type { MonthlyReport } from "@/lib/reports/report-schema";
import { StatusBadge } from "@/components/budgets/status-badge";
import { longPeriod, money as moneyIn, pct } from "@/components/budgets/format";

/** Each budget's amount against what was spent in its period through the report's last day. */
export function BudgetVsActual({ budgets, currency = "USD" }: { budgets: MonthlyReport["budgets"]; currency?: string }) {
  // Each budget in its own currency; a USD budget on a report in another currency says "USD".
  const money = (v: string, c: string) => (c === "USD" ? usdIn(v, currency) : moneyIn(v, c));
  return (
    <section className="card table-card rp-section" aria-label="Budget vs actual">
      <div style={{ padding: "0 16px" }}>
        <h2>Budget vs actual</h2>
        <p className="rp-hint">Each budget in its period containing the report's last day. Bar: spent; tick: forecast to the period's end.</p>
      </div>
      {budgets.length === 0 ? (
        <p className="bg-empty" style={{ padding: "0 16px 12px" }}>No budgets are set.</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr><th>Budget</th><th>Period</th><th className="num">Amount</th><th className="num">Actual</th><th /><th className="num">Forecast</th><th>Status</th></tr>
            </thead>
            <tbody>
              {budgets.map((b) => {
                const scale = Math.max(1, b.actualShare, Number(b.forecast) / Number(b.amount));
                const color = b.status === "over" ? "var(--bad)" : b.status === "at_risk" ? "var(--risk)" : "var(--good)";
                return (
                  <tr key={b.id}>
                    <td>{b.label}</td>
                    <td className="muted">{longPeriod(b.period, b.periodKey)}</td>
                    <td className="num">{money(b.amount, b.currency)}</td>
                    <td className="num">{money(b.actual, b.currency)} <span className="muted">({pct(b.actualShare)})</span></td>
                    <td>
                      <span className="rp-bar" title={`amount at ${pct(1 / scale)} of the bar`}>
                        <span style={{ width: `${(Math.min(b.actualShare, scale) / scale) * 100}%`, background: color }} />
                        <i style={{ left: `${(Number(b.forecast) / Number(b.amount) / scale) * 100}%` }} />
                      </span>
                    </td>
                    <td className="num">{money(b.forecast, b.currency)}</td>
                    <td><StatusBadge status={b.status} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
