"use client";
import { Pending } from "@/components/ui/pending";
import { PendingDownload } from "@/components/ui/pending-download";
import { useQuery } from "@tanstack/react-query";
import { moneyOr } from "@/lib/ui/money";
import { chargebackQuery } from "./api";

/**
 * Team statements for a month: what each team the caller can see is charged (direct + allocated share) with its
 * one-page statement PDF. Admins and finance get every team's in one go with `rightsize report --statements`.
 */
export function StatementsView({ month, teams }: { month: string; teams: { slug: string; name: string }[] }) {
  const chargeback = useQuery(chargebackQuery(month));
  const charged = new Map((chargeback.data?.teams ?? []).map((t) => [t.key, t]));
  // In the reporting currency when the chargeback API converted it (inCurrency), as the statements' PDF is.
  const ic = chargeback.data?.inCurrency;
  const code = ic?.currency ?? "USD";
  const local = new Map((ic?.teams ?? []).map((t) => [t.key, t]));
  return (
    <section className="card table-card rp-section" aria-label="Team statements" data-testid="statements">
      <div style={{ padding: "0 16px" }}>
        <h2>Team statements</h2>
        <p className="rp-hint">
          One page per team: what it is charged (direct spend plus its allocated share of shared costs), change vs last month, budget vs actual,
          top workloads and models, savings delivered. From the command line: <code>rightsize report --statements --month {month} --out DIR</code>.
        </p>
      </div>
      {chargeback.error ? (
        <p className="error-box" style={{ margin: "0 16px 12px" }}>{chargeback.error.message}</p>
      ) : (
        <div className="table-scroll" aria-busy={chargeback.isPending}>
          {/* The statements can be downloaded at once; only the figures wait for the chargeback, and say so instead of showing dashes. */}
          {chargeback.isPending && <Pending className="muted rp-pending">Computing what each team is charged…</Pending>}
          <table className="data">
            <thead>
              <tr><th>Team</th><th className="num">Direct</th><th className="num">Allocated</th><th className="num">Total charged</th><th /></tr>
            </thead>
            <tbody>
              {teams.map((t) => {
                const c = charged.get(t.slug);
                const none = chargeback.isPending ? "…" : "—";
                return (
                  <tr key={t.slug}>
                    <td>{t.name} <span className="muted">{t.slug}</span></td>
                    <td className="num">{c ? moneyOr(c.directUsd, local.get(t.slug)?.direct, code) : none}</td>
                    <td className="num">{c ? moneyOr(c.allocatedUsd, local.get(t.slug)?.allocated, code) : none}</td>
                    <td className="num"><strong>{c ? moneyOr(c.totalUsd, local.get(t.slug)?.total, code) : none}</strong></td>
                    <td style={{ textAlign: "right" }}>
                      <PendingDownload href={`/api/v1/reports/statements?month=${month}&team=${encodeURIComponent(t.slug)}`}>Statement PDF</PendingDownload>
                    </td>
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
