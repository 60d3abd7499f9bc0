"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { BudgetOut } from "@/lib/budgets/budget-schema";
import type { ScopeOptions } from "@/lib/budgets/scope-options";
import { Dialog } from "@/components/shell/dialog";
import { apiJson, recentSpendQuery } from "./api";
import { suggestAmounts } from "@/lib/budgets/suggest-amount";
import { usd } from "./format";
import { PendingButton } from "@/components/ui/pending-button";

interface FormState {
  scopeType: "org" | "team" | "workload";
  team: string;
  workload: string;
  period: "month" | "quarter" | "year";
  amount: string;
  currency: string;
  thresholds: string;
  name: string;
  alertOnForecast: boolean;
  alertOnAnomaly: boolean;
  webhookUrl: string;
  webhookFormat: "" | "slack" | "json";
}

function initial(b: BudgetOut | null, options: ScopeOptions, reportingCurrency: string): FormState {
  return {
    scopeType: b?.scope.type ?? "team",
    team: b?.scope.team ?? options.teams[0]?.slug ?? "",
    workload: b?.scope.workload ?? options.workloads[0]?.slug ?? "",
    period: b?.period ?? "month",
    amount: b ? b.amount.replace(/\.00$/, "") : "",
    // A new budget defaults to the reporting currency: finance plans in it.
    currency: b?.currency ?? reportingCurrency,
    thresholds: (b?.thresholds ?? [0.5, 0.8, 1]).map((t) => String(Math.round(t * 10_000) / 100)).join(", "),
    name: b?.name ?? "",
    alertOnForecast: b?.alertOnForecast ?? true,
    alertOnAnomaly: b?.alertOnAnomaly ?? true,
    webhookUrl: b?.webhookUrl ?? "",
    webhookFormat: b ? b.webhookFormat : "",
  };
}

/** "50, 80, 100" (percent) -> [0.5, 0.8, 1]; throws a message naming the entry that is not a percentage. */
export function parseThresholds(text: string): number[] {
  const parts = text.split(/[,\s]+/).map((p) => p.replace(/%$/, "")).filter(Boolean);
  return parts.map((p) => {
    const n = Number(p);
    if (!Number.isFinite(n)) throw new Error(`Alert thresholds: "${p}" is not a percentage`);
    if (n <= 0 || n > 1000) throw new Error(`Alert thresholds: ${p}% is outside 0–1000%`);
    return Math.round(n * 100) / 10_000;
  });
}

/**
 * Create a budget, or change one (amount, thresholds, alerts, webhook; scope and period stay), in a modal dialog that
 * takes focus (the amount field when editing), with amounts suggested from the scope's recent spend.
 */
export function BudgetForm({ budget, options, onDone, reportingCurrency = "USD" }: { budget: BudgetOut | null; options: ScopeOptions; onDone(): void; reportingCurrency?: string }) {
  const qc = useQueryClient();
  const [f, setF] = useState<FormState>(() => initial(budget, options, reportingCurrency));
  const currencies = [...new Set(["USD", reportingCurrency, budget?.currency ?? "USD"])];
  const [clientError, setClientError] = useState<string | null>(null);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setF((s) => ({ ...s, [key]: value }));
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      budget ? apiJson<BudgetOut>(`/api/v1/budgets/${budget.id}`, { method: "PATCH", body }) : apiJson<BudgetOut>("/api/v1/budgets", { method: "POST", body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["budgets"] });
      onDone();
    },
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setClientError(null);
    let thresholds: number[];
    try {
      thresholds = parseThresholds(f.thresholds);
    } catch (error) {
      setClientError((error as Error).message);
      return;
    }
    const common = {
      name: f.name.trim() || null,
      amount: f.amount.trim().replace(/[$€£¥₹,\s]/g, ""),
      currency: f.currency,
      thresholds,
      alertOnForecast: f.alertOnForecast,
      alertOnAnomaly: f.alertOnAnomaly,
      webhookUrl: f.webhookUrl.trim() || null,
      ...(f.webhookFormat ? { webhookFormat: f.webhookFormat } : {}),
    };
    const scope = f.scopeType === "team" ? { team: f.team } : f.scopeType === "workload" ? { workload: f.workload } : {};
    save.mutate(budget ? common : { scope, period: f.period, ...common });
  };

  const error = clientError ?? save.error?.message ?? null;
  return (
    <Dialog title={budget ? `Edit ${budget.label}` : "New budget"} onClose={onDone}>
    <form className="bg-form" onSubmit={submit} aria-label={budget ? "Edit budget" : "New budget"}>
      <div className="form-grid">
        <label className="field">
          Scope
          <select value={f.scopeType} disabled={!!budget} onChange={(e) => set("scopeType", e.target.value as FormState["scopeType"])}>
            <option value="org">Whole organisation</option>
            <option value="team">A team</option>
            <option value="workload">A workload</option>
          </select>
        </label>
        {f.scopeType === "team" && (
          <label className="field">
            Team
            <select value={f.team} disabled={!!budget} onChange={(e) => set("team", e.target.value)} aria-label="Team">
              {options.teams.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}
            </select>
          </label>
        )}
        {f.scopeType === "workload" && (
          <label className="field">
            Workload
            <select value={f.workload} disabled={!!budget} onChange={(e) => set("workload", e.target.value)} aria-label="Workload">
              {options.workloads.map((w) => <option key={w.slug} value={w.slug}>{w.name}</option>)}
            </select>
          </label>
        )}
        <label className="field">
          Period
          <select value={f.period} disabled={!!budget} onChange={(e) => set("period", e.target.value as FormState["period"])}>
            <option value="month">Monthly</option>
            <option value="quarter">Quarterly</option>
            <option value="year">Yearly</option>
          </select>
        </label>
        <label className="field">
          Amount ({f.currency})
          <input inputMode="decimal" required placeholder="25000" value={f.amount} onChange={(e) => set("amount", e.target.value)} data-autofocus={budget ? "" : undefined} />
        </label>
        {/* Suggestions come from recent spend in USD: offered for USD amounts only. */}
        {f.currency === "USD" && <Suggestions scope={f.scopeType === "team" ? { team: f.team } : f.scopeType === "workload" ? { workload: f.workload } : {}} period={f.period} onPick={(v) => set("amount", v)} />}
        {currencies.length > 1 && (
          <label className="field">
            Currency
            <select value={f.currency} onChange={(e) => set("currency", e.target.value)} title="Spend is converted at each day's exchange rate and compared with the amount in this currency">
              {currencies.map((c) => <option key={c} value={c}>{c}{c === reportingCurrency && c !== "USD" ? " (reporting currency)" : ""}</option>)}
            </select>
          </label>
        )}
        <label className="field">
          Alert at (% of the amount)
          <input value={f.thresholds} placeholder="50, 80, 100" onChange={(e) => set("thresholds", e.target.value)} />
        </label>
        <label className="field">
          Name (optional)
          <input value={f.name} maxLength={120} placeholder="e.g. Search Q4 AI budget" onChange={(e) => set("name", e.target.value)} />
        </label>
        <label className="field">
          Webhook URL (optional)
          <input type="url" value={f.webhookUrl} placeholder="https://hooks.slack.com/services/…" onChange={(e) => set("webhookUrl", e.target.value)} />
        </label>
        <label className="field">
          Webhook format
          <select value={f.webhookFormat} onChange={(e) => set("webhookFormat", e.target.value as FormState["webhookFormat"])}>
            <option value="">Automatic (Slack for hooks.slack.com)</option>
            <option value="slack">Slack (text + blocks)</option>
            <option value="json">Plain JSON</option>
          </select>
        </label>
      </div>
      <div className="bg-checks">
        <label><input type="checkbox" checked={f.alertOnForecast} onChange={(e) => set("alertOnForecast", e.target.checked)} /> Alert when the forecast exceeds the budget</label>
        <label><input type="checkbox" checked={f.alertOnAnomaly} onChange={(e) => set("alertOnAnomaly", e.target.checked)} /> Send anomalies of this scope to the webhook</label>
      </div>
      <p className="bg-help">Each alert fires once per period. Without a webhook, alerts show in the history below.</p>
      {error && <p className="error-box" role="alert">{error}</p>}
      <div className="bg-form-actions">
        <PendingButton type="submit" className="btn primary" pending={save.isPending} pendingLabel="Saving…">{budget ? "Save changes" : "Create budget"}</PendingButton>
        <button type="button" className="btn" onClick={onDone}>Cancel</button>
      </div>
    </form>
    </Dialog>
  );
}

/** Buttons that fill the amount from the scope's recent spend (last full month, 3-month average), labelled. */
function Suggestions({ scope, period, onPick }: { scope: { team?: string; workload?: string }; period: "month" | "quarter" | "year"; onPick(amount: string): void }) {
  const today = new Date().toISOString().slice(0, 10);
  const spend = useQuery(recentSpendQuery(scope, today));
  if (spend.isPending) return <p className="bg-suggest muted" aria-live="polite">Looking up recent spend…</p>;
  if (spend.error) return null;
  const suggestions = suggestAmounts(spend.data.points.map((p) => ({ bucket: p.bucket, costUsd: p.costUsd })), today, period);
  if (suggestions.length === 0) return <p className="bg-suggest muted">No spend in the last three full months to suggest an amount from.</p>;
  return (
    <div className="bg-suggest" role="group" aria-label="Suggested amounts from recent spend">
      <span className="muted">Suggested from recent spend:</span>
      {suggestions.map((s) => (
        <button key={s.label} type="button" className="btn" onClick={() => onPick(s.amountUsd)} title={`Spent ${usd(s.basisUsd)}`}>
          {s.label}: <b>{usd(s.amountUsd)}</b>
        </button>
      ))}
    </div>
  );
}
