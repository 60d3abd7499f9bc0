"use client";
import { Pending } from "@/components/ui/pending";
import { useQuery } from "@tanstack/react-query";
import type { MonthlyReport } from "@/lib/reports/report-schema";
import { ApiError } from "@/components/budgets/api";
import { compact, pct, signedPct } from "@/components/budgets/format";
import { moneyOr, usdIn } from "@/lib/ui/money";
import { changeShareOf } from "@/lib/reports/report-display";
import { providerName } from "@/lib/reports/provider-names";
import { reportQuery } from "./api";
import { DailySpendChart } from "./daily-spend-chart";
import { BreakdownTable } from "./breakdown-table";
import { BudgetVsActual } from "./budget-vs-actual";
import { ReportAnomalies } from "./report-anomalies";
import { ReportChange } from "./report-change";
import { ReportRecommendations } from "./report-recommendations";
import { ChargebackTable } from "./chargeback-table";
import { ReportSavingsDelivered } from "./report-savings-delivered";
import { MonthStatus } from "./month-status";

/** The month's report on screen: the same JSON the API and the PDF serve. */
export function MonthlyReportView({ month, canClose = false }: { month: string; canClose?: boolean }) {
  const report = useQuery(reportQuery(month));
  if (report.isPending) return <Pending className="card bg-empty">Building the report…</Pending>;
  if (report.error) {
    const empty = report.error instanceof ApiError && report.error.status === 404;
    return (
      <div className={empty ? "card empty" : "error-box"} data-testid={empty ? "report-empty" : undefined}>
        {empty && <h2>No data for this month</h2>}
        <p>{report.error.message}</p>
      </div>
    );
  }
  const r = report.data;
  const prevLabel = r.complete ? r.previous.month : `${r.previous.month} to day ${Number(r.previous.to.slice(8))}`;
  const cur = r.currency;
  return (
    <div data-testid="monthly-report">
      <MonthStatus r={r} canClose={canClose} />
      {!r.complete && <p className="notice">{r.monthName} is in progress: figures run to now and compare {r.previous.label.replace(/^vs /, "with ")}.</p>}
      <Kpis r={r} />
      {cur !== "USD" && (
        <p className="notice" data-testid="report-currency">
          Amounts in <b>{cur}</b>: {r.rateRule.replace(/^Amounts in [A-Z]{3}: /, "")}
        </p>
      )}
      <section className="card rp-section">
        <h2>Daily spend{cur !== "USD" ? ` (${cur})` : ""}</h2>
        <p className="rp-hint">UTC days. Red: a day with an anomaly.{r.complete ? "" : " Shaded: today, still filling."}</p>
        <DailySpendChart daily={r.daily} currency={cur} anomalyDays={new Set(r.anomalies.map((a) => a.day))} partialDay={r.complete ? null : r.to} />
      </section>
      <ReportChange r={r} />
      <BreakdownTable title="Spend by team" rows={r.byTeam} name="Team" previousLabel={prevLabel} currency={cur} />
      <ChargebackTable chargeback={r.chargeback} title="Chargeback: direct, allocated and total per team" csvHref={`/api/v1/reports/chargeback?month=${r.month}&format=csv`} />
      <BreakdownTable title="Spend by workload" rows={r.byWorkload} name="Workload" detail="Team" limit={25} previousLabel={prevLabel} currency={cur} />
      <BreakdownTable title="Spend by model" rows={r.byModel} name="Model" detail="Tier" limit={25} previousLabel={prevLabel} currency={cur} />
      <div className="rp-two">
        <BreakdownTable title="By tier" rows={r.byTier} name="Tier" previousLabel={prevLabel} currency={cur} compact />
        <BreakdownTable title="By provider" rows={r.byProvider.map((p) => ({ ...p, label: providerName(p.key) }))} name="Provider" previousLabel={prevLabel} currency={cur} compact />
      </div>
      <BudgetVsActual budgets={r.budgets} currency={cur} />
      <Coverage r={r} />
      <ReportAnomalies anomalies={r.anomalies} currency={cur} />
      <ReportRecommendations recommendations={r.recommendations} currency={cur} />
      <ReportSavingsDelivered savings={r.savingsDelivered} currency={cur} />
    </div>
  );
}

function Kpis({ r }: { r: MonthlyReport }) {
  const cur = r.currency;
  // The change in the currency when both months converted (a rate move is part of it), else in USD.
  const change = cur !== "USD" && r.totals.cost !== undefined && r.previous.cost !== null && r.previous.cost !== undefined ? changeShareOf(r.totals.cost, r.previous.cost) : r.previous.changeShare;
  return (
    <div className="rp-kpis">
      <div className="card kpi" data-testid="report-total"><div className="label">Total spend</div><div className="value">{moneyOr(r.totals.costUsd, r.totals.cost, cur)}</div><div className="sub">{r.totals.requests.toLocaleString("en-US")} requests{cur !== "USD" && <> · {usdIn(r.totals.costUsd, cur)}</>}</div></div>
      <div className="card kpi">
        <div className="label">Change</div>
        <div className={`value ${change === null ? "" : change > 0 ? "delta-up" : "delta-down"}`} data-testid="report-change-share">{change === null ? "—" : signedPct(change)}</div>
        <div className="sub">{r.previous.label} ({moneyOr(r.previous.costUsd, r.previous.cost, cur)})</div>
      </div>
      <div className="card kpi"><div className="label">Tokens</div><div className="value">{compact(r.totals.inputTokens + r.totals.outputTokens)}</div><div className="sub">{compact(r.totals.inputTokens)} in · {compact(r.totals.outputTokens)} out</div></div>
      <div className="card kpi"><div className="label">Team coverage</div><div className="value">{pct(r.coverage.teamShare, 1)}</div><div className="sub">{moneyOr(r.coverage.unattributedCostUsd, r.coverage.unattributedCost, cur)} unattributed</div></div>
      <div className="card kpi"><div className="label">Unpriced requests</div><div className="value" style={r.unpriced.requests ? { color: "var(--warn)" } : undefined}>{r.unpriced.requests.toLocaleString("en-US")}</div><div className="sub">{r.unpriced.requests ? `${pct(r.unpriced.requestShare, 2)} counted at $0` : "every request priced"}</div></div>
      <div className="card kpi"><div className="label">Anomalies</div><div className={`value${r.anomalies.length ? " delta-up" : ""}`}>{r.anomalies.length}</div><div className="sub">{r.anomalies.length ? `+${usdIn(r.anomalies.reduce((s, a) => s + Number(a.sizeUsd), 0).toFixed(2), cur)} above usual` : "none flagged"}</div></div>
    </div>
  );
}

function Coverage({ r }: { r: MonthlyReport }) {
  return (
    <section className="card rp-section" aria-label="Allocation coverage and unpriced usage">
      <h2>Allocation coverage and unpriced usage</h2>
      <p>
        {pct(r.coverage.teamShare, 1)} of spend is attributed to a team and {pct(r.coverage.workloadShare, 1)} to a workload.{" "}
        {Number(r.coverage.unattributedCostUsd) > 0 && <>{moneyOr(r.coverage.unattributedCostUsd, r.coverage.unattributedCost, r.currency)} has no team: attribution rules in Settings can claim it.</>}
      </p>
      {r.unpriced.requests === 0 ? (
        <p className="delta-down" style={{ margin: 0 }}>Every request had a known price.</p>
      ) : (
        <p className="notice" style={{ margin: 0 }}>
          {r.unpriced.requests.toLocaleString("en-US")} requests ({pct(r.unpriced.requestShare, 2)}) used models without a known price and count as $0, so the total
          understates spend: {r.unpriced.models.map((m) => `${m.key} (${m.requests.toLocaleString("en-US")})`).join(", ")}. Add a price override in Settings.
        </p>
      )}
    </section>
  );
}
