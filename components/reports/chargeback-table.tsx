import { PendingDownload } from "@/components/ui/pending-download";
import "./reports.css";
import type { ChargebackResponse } from "@/lib/chargeback/chargeback-schema";
import { moneyOr } from "@/lib/ui/money";

/**
 * Direct, allocated and total spend per team (the monthly report and the Teams page). Allocated = the team's share
 * of shared and unattributed spend by the allocation rules; the pools and how they were split are listed under it.
 */
export function ChargebackTable({ chargeback: c, title = "Chargeback", csvHref }: { chargeback: ChargebackResponse; title?: string; csvHref?: string }) {
  // In the reporting currency when the API converted it (inCurrency: the same rules over converted cells).
  const ic = c.inCurrency;
  const code = ic?.currency ?? "USD";
  const team = new Map(ic?.teams.map((t) => [t.key, t]) ?? []);
  const pool = new Map(ic?.pools.map((p) => [p.ruleId, p.cost]) ?? []);
  const usd = (v: string | null | undefined, converted?: string | null) => moneyOr(v, converted, code);
  return (
    <section className="card table-card rp-section" aria-label="Chargeback">
      <div style={{ padding: "0 16px", display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: 12 }}>
        <div>
          <h2>{title}{ic ? ` (${code})` : ""}</h2>
          <p className="rp-hint">
            {c.pools.length
              ? "Direct spend plus each team's share of shared and unattributed spend; shares sum exactly to each pool (largest remainder)."
              : "No allocation rules: each team is charged its direct spend. Admins and finance can add rules with POST /api/v1/allocation-rules."}
          </p>
        </div>
        {csvHref && <PendingDownload href={csvHref}>Chargeback CSV{ic ? " (USD)" : ""}</PendingDownload>}
      </div>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr><th>Team</th><th className="num">Direct</th><th className="num">Allocated</th><th className="num">Total charged</th><th>Allocated from</th></tr>
          </thead>
          <tbody>
            {c.teams.map((t) => {
              const l = team.get(t.key);
              return (
                <tr key={t.key}>
                  <td>{t.label}</td>
                  <td className="num">{usd(t.directUsd, l?.direct)}</td>
                  <td className="num">{usd(t.allocatedUsd, l?.allocated)}</td>
                  <td className="num"><strong>{usd(t.totalUsd, l?.total)}</strong></td>
                  <td className="muted">{t.allocations.map((a, i) => `${a.rule} ${usd(a.usd, l?.allocations[i]?.amount)}`).join(" · ") || "—"}</td>
                </tr>
              );
            })}
            <tr>
              <td><strong>Total</strong></td>
              <td className="num">{usd(c.totals.directUsd, ic?.totals.direct)}</td>
              <td className="num">{usd(c.totals.allocatedUsd, ic?.totals.allocated)}</td>
              <td className="num"><strong>{usd(c.totals.totalUsd, ic?.totals.total)}</strong></td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      {(c.pools.length > 0 || (c.unallocatedUsd !== null && Number(c.unallocatedUsd) !== 0)) && (
        <ul className="rp-hint" style={{ padding: "4px 16px 0 32px" }}>
          {c.pools.map((p) => <li key={p.ruleId}>{p.rule} ({p.source}, {usd(p.costUsd, pool.get(p.ruleId))}): {p.basis}.</li>)}
          {c.unallocatedUsd !== null && Number(c.unallocatedUsd) !== 0 && <li>{usd(c.unallocatedUsd, ic?.unallocated)} of unattributed spend has no allocation rule and is not charged to a team.</li>}
        </ul>
      )}
    </section>
  );
}
