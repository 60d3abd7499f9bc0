import type { ReportRow } from "@/lib/reports/report-schema";
import { compact, pct, signedPct } from "@/components/budgets/format";
import { moneyOr } from "@/lib/ui/money";
import { changeShareOf } from "@/lib/reports/report-display";

/**
 * Spend by one dimension: cost, share (with a bar), change vs the previous month, requests and tokens. `compact`
 * keeps spend, share and change only (for half-width tables).
 */
export function BreakdownTable({ title, rows, name, detail, limit, previousLabel, currency = "USD", compact: narrow = false }: { title: string; rows: ReportRow[]; name: string; detail?: string; limit?: number; previousLabel: string; currency?: string; compact?: boolean }) {
  // In the reporting currency, the change compares the two converted amounts when both converted.
  const changeOf = (r: ReportRow) => (currency !== "USD" && r.cost !== undefined && r.previousCost !== null && r.previousCost !== undefined ? (usdIsZero(r.previousCost) ? null : changeShareOf(r.cost, r.previousCost)) : r.changeShare);
  const shown = limit ? rows.slice(0, limit) : rows;
  return (
    <section className="card table-card rp-section" aria-label={title}>
      <div style={{ padding: "0 16px" }}>
        <h2>{title}</h2>
        {limit && rows.length > limit && <p className="rp-hint">Top {limit} of {rows.length}; the CSV download has every row.</p>}
      </div>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th>{name}</th>
              {detail && <th>{detail}</th>}
              <th className="num">Spend{currency !== "USD" ? ` (${currency})` : ""}</th>
              <th>Share</th>
              {!narrow && <th className="num">{previousLabel}</th>}
              <th className="num">Change</th>
              {!narrow && <th className="num">Requests</th>}
              <th className="num">Tokens</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const change = changeOf(r);
              return (
              <tr key={r.key}>
                <td className={r.key === "unattributed" ? "muted" : undefined}>{r.label}</td>
                {detail && <td>{r.detail && ["frontier", "mid", "small"].includes(r.detail) ? <span className={`badge ${r.detail}`}>{r.detail}</span> : (r.detail ?? "")}</td>}
                <td className="num">{moneyOr(r.costUsd, r.cost, currency)}</td>
                <td><span className="rp-share"><span style={{ width: `${(r.share ?? 0) * 100}%` }} /></span>{pct(r.share, 1)}</td>
                {!narrow && <td className="num muted">{moneyOr(r.previousCostUsd, r.previousCost, currency)}</td>}
                <td className={`num ${change !== null && change > 0 ? "delta-up" : change !== null && change < 0 ? "delta-down" : "muted"}`}>{change === null ? "new" : signedPct(change)}</td>
                {!narrow && <td className="num">{r.requests.toLocaleString("en-US")}</td>}
                <td className="num">{compact(r.tokens)}</td>
              </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const usdIsZero = (d: string) => /^-?0*(\.0*)?$/.test(d);
