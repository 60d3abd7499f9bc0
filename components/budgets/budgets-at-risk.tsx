"use client";
import "./budgets.css";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { budgetsQuery } from "./api";
import { StatusBadge } from "./status-badge";
import { longPeriod, money, pct, shortDate } from "./format";
import { usdIn } from "@/lib/ui/money";

/**
 * For the overview: the budgets that are over or heading over, with how far and when they run out. Fetches its own
 * data (GET /api/v1/budgets); says so plainly when every budget is on track or none is set. A budget keeps its own
 * currency; a USD budget on a page whose reporting `currency` is another says "USD".
 */
export function BudgetsAtRisk({ team, currency = "USD" }: { team?: string; currency?: string } = {}) {
  const budgets = useQuery(budgetsQuery());
  // Under a team filter: budgets set on that team (the organisation's budget is not the team's).
  const list = (budgets.data?.budgets ?? []).filter((b) => !team || b.scope.team === team);
  const risky = list.filter((b) => b.status !== "on_track");
  return (
    <section className="card" aria-label="Budgets at risk" data-testid="budgets-at-risk">
      <div className="card-head" style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline" }}>
        <h2 style={{ margin: 0 }}>Budgets at risk{team ? ` · ${team}` : ""}</h2>
        <Link className="bg-card-link" href="/budgets">All budgets →</Link>
      </div>
      {budgets.error && <p className="error-box">{budgets.error.message}</p>}
      {budgets.isPending && <p className="bg-empty">Loading…</p>}
      {budgets.data && list.length === 0 && <p className="bg-empty">No budgets set. <Link href="/budgets">Set one</Link> to get forecasts and alerts.</p>}
      {budgets.data && list.length > 0 && risky.length === 0 && <p className="bg-empty">All {list.length} budgets are on track.</p>}
      {risky.length > 0 && (
        <ul className="bg-list">
          {risky.slice(0, 6).map((b) => {
            const amount = (value: string) => (b.currency === "USD" ? usdIn(value, currency) : money(value, b.currency));
            return (
            <li key={b.id}>
              <span className="bg-title">{b.label} <span className="muted" style={{ fontWeight: 400 }}>· {longPeriod(b.period, b.periodKey)}</span></span>
              <StatusBadge status={b.status} />
              <span className="bg-meta">
                {amount(b.spent)} of {amount(b.amount)} spent ({pct(b.spentShare)}); forecast {amount(b.forecast)} ({pct(b.forecastShare)})
                {b.runsOutOn ? ` · ${b.status === "over" ? "over since" : "runs out"} ${shortDate(b.runsOutOn)}` : ""}
              </span>
            </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export default BudgetsAtRisk;
