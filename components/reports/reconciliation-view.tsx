"use client";
import { Pending } from "@/components/ui/pending";
import { useQuery } from "@tanstack/react-query";
import type { ReconciliationResponse } from "@/lib/reconcile/reconcile-schema";
import { shortDate, usd } from "@/components/budgets/format";

/** Bills are in cents: headline figures round to the cent. */
const cents = (text: string) => usd(Number(text).toFixed(2));
import { reconciliationQuery } from "./api";
import { BillUpload } from "./bill-upload";

type ProviderRec = ReconciliationResponse["providers"][number];

const STATUS = {
  matched: { text: "matches the bill", cls: "ok" },
  differs: { text: "differs from the bill", cls: "risk" },
  no_bill: { text: "no bill imported", cls: "" },
  no_usage: { text: "billed, no usage recorded", cls: "over" },
} as const;

const KIND_LABEL: Record<string, string> = {
  missing_usage_days: "Days missing here",
  missing_bill_days: "Days missing in bill",
  unpriced_models: "Unpriced models",
  non_token: "Non-token charges",
  pricing: "Price difference",
  note: "Note",
};

/** Per provider: our computed cost vs the imported bill, the difference and the parts it is made of. */
export function ReconciliationView({ month, canImport }: { month: string; canImport: boolean }) {
  const rec = useQuery(reconciliationQuery(month));
  return (
    <div data-testid="reconciliation">
      {canImport && <BillUpload />}
      {rec.error && <p className="error-box">{rec.error.message}</p>}
      {rec.isPending && <Pending className="card bg-empty">Comparing…</Pending>}
      {rec.data && rec.data.providers.length === 0 && <div className="card empty"><h2>Nothing to reconcile</h2><p>No usage and no bill for this month.</p></div>}
      {rec.data && [...rec.data.providers].sort(byAttention).map((p) => <ProviderCard key={p.provider} p={p} />)}
    </div>
  );
}

/** Providers with a bill first (differences before matches), then those without; larger spend first. */
const ORDER = { differs: 0, no_usage: 1, matched: 2, no_bill: 3 } as const;
function byAttention(a: ProviderRec, b: ProviderRec): number {
  return ORDER[a.status] - ORDER[b.status] || Number(b.computedUsd) - Number(a.computedUsd);
}

/** Half a cent and below is rounding, not a difference worth explaining. */
const material = (usdText: string | null) => usdText === null || Math.abs(Number(usdText)) >= 0.005;

function ProviderCard({ p }: { p: ProviderRec }) {
  const diff = Math.round(Number(p.differenceUsd) * 100) / 100;
  const parts = p.explanation.filter((e) => material(e.amountUsd));
  return (
    <section className="card rp-provider" aria-label={`Reconciliation ${p.providerName}`} data-testid="provider-reconciliation">
      <div className="rp-provider-head">
        <h2 style={{ margin: 0 }}>{p.providerName}</h2>
        <span className={`badge ${STATUS[p.status].cls}`}>{STATUS[p.status].text}</span>
      </div>
      <div className="rp-figures">
        <div><div className="label">Billed</div><div className="value">{p.status === "no_bill" ? "—" : cents(p.billedUsd)}</div></div>
        <div><div className="label">Computed here</div><div className="value">{cents(p.computedUsd)}</div></div>
        {p.status !== "no_bill" && (
          <div>
            <div className="label">Difference (billed − computed)</div>
            <div className={`value ${diff > 0 ? "delta-up" : diff < 0 ? "delta-down" : ""}`}>
              {diff > 0 ? "+" : ""}{cents(p.differenceUsd)}
              {p.differenceShare !== null && <span className="muted" style={{ fontSize: 13, fontWeight: 400 }}> ({(p.differenceShare * 100).toFixed(2)}% of the bill)</span>}
            </div>
          </div>
        )}
      </div>
      {p.status === "no_bill" && <p className="muted">Import this provider's cost export for the month to compare.</p>}
      {p.status === "matched" && parts.every((e) => e.amountUsd === null) && <p className="delta-down" style={{ margin: "0 0 6px" }}>The bill and our computation agree{material(p.differenceUsd) ? " within 0.5%" : " to the cent"}.</p>}
      {parts.some((e) => e.amountUsd !== null) && (
        <>
          <h3>Where the difference comes from</h3>
          <ul className="rp-explain">
            {parts.map((e, i) => (
              <li key={i}>
                <span className="rp-amount">{e.amountUsd === null ? <span className="muted">{KIND_LABEL[e.kind]}</span> : `${Number(e.amountUsd) > 0 ? "+" : ""}${usd(e.amountUsd)}`}</span>
                <span><b>{e.amountUsd === null ? "" : `${KIND_LABEL[e.kind]}: `}</b>{e.detail}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.models.length > 0 && (
        <details className="rp-details">
          <summary>Per model ({p.models.length})</summary>
          <table className="data">
            <thead><tr><th>Model</th><th className="num">Billed</th><th className="num">Computed</th><th className="num">Difference</th><th /></tr></thead>
            <tbody>
              {p.models.map((m) => (
                <tr key={m.model}>
                  <td>{m.model}</td><td className="num">{usd(m.billedUsd)}</td><td className="num">{usd(m.computedUsd)}</td>
                  <td className="num">{usd(m.differenceUsd)}</td><td>{m.unpriced && <span className="badge risk">no price</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {p.days.length > 0 && p.status !== "no_bill" && (
        <details className="rp-details">
          <summary>Per day ({p.days.length})</summary>
          <table className="data">
            <thead><tr><th>Day</th><th className="num">Billed</th><th className="num">Computed</th><th className="num">Difference</th></tr></thead>
            <tbody>
              {p.days.map((d) => (
                <tr key={d.day}>
                  <td>{shortDate(d.day)}</td>
                  <td className="num">{d.billedUsd === null ? <span className="muted">not in bill</span> : usd(d.billedUsd)}</td>
                  <td className="num">{d.computedUsd === null ? <span className="muted">no usage</span> : usd(d.computedUsd)}</td>
                  <td className="num">{usd(d.differenceUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
