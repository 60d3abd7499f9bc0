"use client";
import { useQuery } from "@tanstack/react-query";
import type { SpendRow } from "@/lib/analytics/spend-query";
import { spendQuery, type Params } from "./api-client";
import { DataTable, BarCell, type Column } from "./data-table";
import { ErrorBox, Loading } from "./query-state";
import { count, pct, spendText } from "./format";

/** Users by spend (GET /api/v1/spend?groupBy=user); calls from services without a user are not listed. */
export function TopUsers({ filters, csvName }: { filters: Params; csvName: string }) {
  const q = useQuery(spendQuery({ from: filters.from, to: filters.to, team: filters.team, workload: filters.workload, groupBy: "user" }));
  if (q.error) return <ErrorBox error={q.error} />;
  if (!q.data) return <Loading height={200} />;
  const rows = q.data.rows;
  const total = Number(q.data.totals.costUsd);
  const max = Math.max(0, ...rows.map((r) => Number(r.costUsd)));
  // Spend in the reporting currency when the API sent `cost` (each day at its rate); shares and sorting stay on USD.
  const code = q.data.currency.code;
  const columns: Column<SpendRow>[] = [
    { id: "user", header: "User", sort: (r) => r.key, render: (r) => r.label, csv: (r) => r.key },
    { id: "spend", header: code === "USD" ? "Spend" : `Spend (${code})`, numeric: true, sort: (r) => Number(r.costUsd), render: (r) => <BarCell fraction={max ? Number(r.costUsd) / max : 0}>{spendText(r, code)}</BarCell>, csv: (r) => r.costUsd, csvHeader: "Spend (USD)" },
    { id: "share", header: "Share", numeric: true, sort: (r) => Number(r.costUsd), render: (r) => pct(total ? Number(r.costUsd) / total : null), csv: (r) => (total ? Number(r.costUsd) / total : null) },
    { id: "calls", header: "Calls", numeric: true, sort: (r) => r.requests, render: (r) => count(r.requests), csv: (r) => r.requests },
  ];
  return (
    <DataTable
      id="users"
      title={<h2>Top users <span className="hint">calls that carry a user</span></h2>}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      defaultSort={{ column: "spend", desc: true }}
      pageSize={10}
      csvName={csvName}
      empty="No calls in this range carry a user (services usually don't; interactive tools do)."
    />
  );
}
