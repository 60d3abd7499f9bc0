"use client";
import "./budgets.css";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { BudgetOut } from "@/lib/budgets/budget-schema";
import type { ScopeOptions } from "@/lib/budgets/scope-options";
import { PageHeader } from "@/components/shell/page-header";
import { apiJson, budgetsQuery } from "./api";
import { BudgetCard } from "./budget-card";
import { BudgetForm } from "./budget-form";
import { AlertHistory } from "./alert-history";
import { money } from "./format";
import { Pending } from "@/components/ui/pending";
import { PendingButton } from "@/components/ui/pending-button";
import { nanosToUsd, usdToNanos } from "@/lib/money";

/** The Budgets page: totals, one card per budget with its burn-down, the create/edit form and the alert history. */
export function BudgetsView({ canManage, options, reportingCurrency = "USD" }: { canManage: boolean; options: ScopeOptions; reportingCurrency?: string }) {
  const qc = useQueryClient();
  const budgets = useQuery(budgetsQuery());
  const [editing, setEditing] = useState<BudgetOut | "new" | null>(null);
  const remove = useMutation({
    mutationFn: (b: BudgetOut) => apiJson(`/api/v1/budgets/${b.id}`, { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["budgets"] }),
  });
  const evaluate = useMutation({
    mutationFn: () => apiJson<{ raised: unknown[] }>("/api/v1/budgets/evaluate", { method: "POST" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["alerts"] }),
  });
  const list = budgets.data?.budgets ?? [];
  const counts = { over: list.filter((b) => b.status === "over").length, at_risk: list.filter((b) => b.status === "at_risk").length };

  return (
    <>
      <PageHeader
        title="Budgets"
        subtitle="Spend against plan for the organisation, teams and workloads. Forecasts follow each weekday's pace over the last four weeks."
        actions={
          canManage && (
            <>
              <PendingButton type="button" className="btn" pending={evaluate.isPending} pendingLabel="Checking…" onClick={() => evaluate.mutate()} title="Budgets are checked every minute; this checks now">
                Check alerts now
              </PendingButton>
              <button type="button" className="btn primary" onClick={() => setEditing("new")}>New budget</button>
            </>
          )
        }
      />
      {evaluate.data && <p className="notice" role="status">{evaluate.data.raised.length === 0 ? "Checked: no new alerts." : `Checked: ${evaluate.data.raised.length} new alert(s).`}</p>}
      {evaluate.error && <p className="error-box">{evaluate.error.message}</p>}
      {remove.error && <p className="error-box">{remove.error.message}</p>}

      {editing && <BudgetForm key={editing === "new" ? "new" : editing.id} budget={editing === "new" ? null : editing} options={options} reportingCurrency={reportingCurrency} onDone={() => setEditing(null)} />}

      {budgets.error && <p className="error-box">{budgets.error.message}</p>}
      {budgets.isPending && <Pending className="card bg-empty">Loading budgets…</Pending>}
      {budgets.data && list.length === 0 && (
        <div className="card empty">
          <h2>No budgets yet</h2>
          <p>{canManage ? "Set a monthly, quarterly or yearly budget for the organisation, a team or a workload to track spend against it and get alerts." : "Admins and finance set budgets; those of your teams will show here."}</p>
          {canManage && <button type="button" className="btn primary" onClick={() => setEditing("new")}>New budget</button>}
        </div>
      )}

      {list.length > 0 && (
        <div className="grid kpis four">
          <div className="card kpi"><div className="label">Budgets</div><div className="value">{list.length}</div><div className="sub">{sumText(list)}</div></div>
          <div className="card kpi"><div className="label">Over budget</div><div className={`value${counts.over ? " delta-up" : ""}`}>{counts.over}</div><div className="sub">spent more than the amount</div></div>
          <div className="card kpi"><div className="label">At risk</div><div className="value" style={counts.at_risk ? { color: "var(--warn)" } : undefined}>{counts.at_risk}</div><div className="sub">forecast over the amount</div></div>
          <div className="card kpi"><div className="label">On track</div><div className="value delta-down">{list.length - counts.over - counts.at_risk}</div><div className="sub">forecast within the amount</div></div>
        </div>
      )}

      <div className="bg-grid">
        {list.map((b) => (
          <BudgetCard
            key={b.id}
            budget={b}
            canManage={canManage}
            deleting={remove.isPending && remove.variables?.id === b.id}
            onEdit={() => setEditing(b)}
            onDelete={() => {
              if (window.confirm(`Delete the budget "${b.label}"? Its alert history stays.`)) remove.mutate(b);
            }}
          />
        ))}
      </div>

      <AlertHistory canManage={canManage} />
    </>
  );
}

function sumText(list: BudgetOut[]): string {
  const monthly = list.filter((b) => b.period === "month" && b.scope.type !== "org");
  if (monthly.length === 0) return "across all periods";
  // Exact sums per currency (amounts are 2-decimal strings): EUR and USD budgets are not added together.
  const totals = new Map<string, bigint>();
  for (const b of monthly) totals.set(b.currency, (totals.get(b.currency) ?? 0n) + usdToNanos(b.amount));
  return `${[...totals].map(([c, n]) => money(nanosToUsd(n, 2), c)).join(" + ")} in monthly team/workload budgets`;
}
