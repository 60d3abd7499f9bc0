"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { spendQuery, type Params } from "../api-client";
import { useExplorerParams } from "../use-explorer-params";
import { ErrorBox, Loading } from "../query-state";
import { BarCell } from "../data-table";
import { pct, spendText } from "../format";
import { usdToNanos } from "@/lib/money";

const SHOWN = 6;

/** The biggest spenders of one kind, from GET /api/v1/spend (the same numbers finance gets from the API). */
export function TopList({ title, groupBy, filters, hrefBase }: { title: string; groupBy: "team" | "workload" | "model"; filters: Params; hrefBase: string }) {
  const { withRange, withFilters } = useExplorerParams();
  const q = useQuery(spendQuery({ ...filters, groupBy }));
  const total = q.data ? Number(usdToNanos(q.data.totals.costUsd)) : 0;
  const rows = q.data?.rows.filter((r) => r.requests > 0 || r.costUsd !== "0.00") ?? [];
  const max = rows.length ? Number(usdToNanos(rows[0].costUsd)) : 0;
  const href = (key: string) => (groupBy === "model" ? withRange(`${hrefBase}?model=${encodeURIComponent(key)}`) : withRange(`${hrefBase}/${encodeURIComponent(key)}`));
  return (
    <div className="card" data-testid={`top-${groupBy}s`}>
      <div className="card-head">
        <h2>{title}{q.data && q.data.currency.code !== "USD" && <span className="hint"> in {q.data.currency.code}</span>}</h2>
        <Link className="hint" href={withFilters(hrefBase)}>
          See all →
        </Link>
      </div>
      {q.error ? (
        <ErrorBox error={q.error} />
      ) : !q.data ? (
        <Loading height={180} />
      ) : rows.length === 0 ? (
        <p className="muted">No spend in this range.</p>
      ) : (
        <table className="data">
          <tbody>
            {rows.slice(0, SHOWN).map((r) => {
              const cost = Number(usdToNanos(r.costUsd));
              return (
                <tr key={r.key} className={r.key === "unattributed" ? "unattributed" : undefined}>
                  <td style={{ whiteSpace: "normal" }}>{r.key === "unattributed" ? r.label : <Link href={href(r.key)}>{r.label}</Link>}</td>
                  <td className="num">
                    <BarCell fraction={max ? cost / max : 0}>{spendText(r, q.data.currency.code)}</BarCell>
                  </td>
                  <td className="num muted" style={{ width: 56 }}>{pct(total ? cost / total : null, 0)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length > SHOWN && <p className="muted" style={{ margin: "8px 0 0", fontSize: 12 }}>and {rows.length - SHOWN} more</p>}
    </div>
  );
}
