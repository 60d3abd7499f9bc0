import Link from "next/link";
import type { BreakdownRow } from "@/lib/analytics/breakdown-query";
import type { Column } from "../data-table";
import * as col from "../breakdown-columns";

/**
 * Columns of the workloads table. Exported as a list so other views can extend the table with their own
 * columns (task class, over-specified flag, ...) by passing `extraColumns` to WorkloadsTable, or insert them here.
 */
export function workloadColumns(rows: BreakdownRow[], withRange: (href: string) => string, currency = "USD"): Column<BreakdownRow>[] {
  return [
    col.keyColumn("Workload slug"),
    col.nameColumn("Workload", (r) => withRange(`/workloads/${r.key}`)),
    {
      id: "team",
      header: "Team",
      sort: (r) => r.team?.label ?? null,
      // Two-word team names may take two lines, so the eleven columns fit a 1280 px window.
      render: (r) => (r.team ? <span className="team-cell"><Link href={withRange(`/teams/${r.team.key}`)}>{r.team.label}</Link></span> : <span className="muted">—</span>),
      csv: (r) => r.team?.key ?? null,
    },
    col.spendColumn(rows, currency),
    col.changeColumn,
    col.callsColumn,
    col.inUsd(col.costPerCallColumn, currency),
    col.tokensPerCallColumn,
    col.tierColumn,
    col.topModelColumn,
  ];
}
