"use client";
import type { BreakdownRow } from "@/lib/analytics/breakdown-query";
import { DataTable, type Column } from "../data-table";
import { useExplorerParams } from "../use-explorer-params";
import { unattributedRow } from "../breakdown-columns";
import { workloadColumns } from "./workload-columns";

/** The workloads table; `extraColumns` are appended (after the standard columns, before nothing else). */
export function WorkloadsTable({ rows, extraColumns = [], csvName, currency }: { rows: BreakdownRow[]; extraColumns?: Column<BreakdownRow>[]; csvName: string; currency?: string }) {
  const { withRange } = useExplorerParams();
  return (
    <DataTable
      id="workloads"
      title={<h2>Workloads</h2>}
      columns={[...workloadColumns(rows, withRange, currency), ...extraColumns]}
      rows={rows}
      rowKey={(r) => r.key}
      rowClass={unattributedRow}
      defaultSort={{ column: "spend", desc: true }}
      csvName={csvName}
    />
  );
}
