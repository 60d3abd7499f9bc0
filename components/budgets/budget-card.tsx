"use client";
import type { BudgetOut } from "@/lib/budgets/budget-schema";
import { BurnDownChart } from "./burn-down-chart";
import { StatusBadge } from "./status-badge";
import { PendingButton } from "@/components/ui/pending-button";
import { STATUS_CLASS, longPeriod, money, pct, shortDate } from "./format";

/** One budget: status, spent of amount, forecast with its range, the run-out date, and the burn-down chart. */
export function BudgetCard({ budget: b, canManage, deleting = false, onEdit, onDelete }: { budget: BudgetOut; canManage: boolean; deleting?: boolean; onEdit(): void; onDelete(): void }) {
  // Figures in the budget's own currency (USD, or the reporting currency it was set in).
  const usd = (d: string) => money(d, b.currency);
  const fill = Math.min(1, b.spentShare);
  const forecastAt = Math.min(1, b.forecastShare);
  const runsOutNote = b.status === "over" ? "over budget since then" : b.runsOutOn ? "at the current pace" : "stays within budget";
  return (
    <article className="card bg-card" data-testid="budget-card" aria-label={b.label}>
      <div className="bg-card-head">
        <div>
          <h2>{b.label}</h2>
          <div className="bg-sub">
            {b.name ? `${b.scope.label} · ` : ""}
            {longPeriod(b.period, b.periodKey)} · {b.daysLeft === 0 ? "last day" : `${b.daysLeft} days left`}
            {b.currency !== "USD" && ` · in ${b.currency}, each day at its exchange rate`}
          </div>
        </div>
        <StatusBadge status={b.status} />
      </div>

      <div className="bg-figures">
        <div className="bg-figure">
          <div className="bg-label">Spent</div>
          <div className="bg-value">{usd(b.spent)}</div>
          <div className="bg-note">{pct(b.spentShare)} of {usd(b.amount)}{b.currency !== "USD" && <> · <span title="Spend converted at each day's exchange rate">{money(b.spentUsd, "USD")}</span></>}</div>
        </div>
        <div className="bg-figure">
          <div className="bg-label">Forecast</div>
          <div className="bg-value">{usd(b.forecast)}</div>
          <div className="bg-note" title="Each remaining day at the 25th-75th percentile of the same weekday over the last 4 weeks">
            {b.insufficientHistory ? "no history yet" : `likely ${usd(b.forecastLow)} – ${usd(b.forecastHigh)}`}
          </div>
        </div>
        <div className="bg-figure">
          <div className="bg-label">Runs out</div>
          <div className="bg-value" data-testid="runs-out">{b.runsOutOn ? shortDate(b.runsOutOn) : "—"}</div>
          <div className="bg-note">{runsOutNote}</div>
        </div>
      </div>

      <div className="bg-bar" title={`${pct(b.spentShare)} spent; forecast ${pct(b.forecastShare)}`}>
        <div className={`bg-fill ${STATUS_CLASS[b.status]}`} style={{ width: `${fill * 100}%` }} />
        <div className="bg-forecast" style={{ left: `calc(${forecastAt * 100}% - 1px)` }} />
      </div>

      {b.series && <BurnDownChart budget={b} />}

      <div className="bg-foot">
        <div className="bg-chips">
          {b.thresholds.map((t) => <span key={t} className="bg-chip">{pct(t, t * 100 % 1 ? 1 : 0)}</span>)}
          {b.alertOnForecast && <span className="bg-chip">forecast over</span>}
          {b.alertOnAnomaly && <span className="bg-chip">anomalies</span>}
          <span>{b.webhookConfigured ? `→ ${b.webhookFormat === "slack" ? "Slack" : "JSON"} webhook` : "in-app alerts only"}</span>
        </div>
        {canManage && (
          <div className="bg-actions">
            <button type="button" className="btn" onClick={onEdit}>Edit</button>
            <PendingButton type="button" className="btn danger" onClick={onDelete} pending={deleting} pendingLabel="Deleting…">Delete</PendingButton>
          </div>
        )}
      </div>
    </article>
  );
}
