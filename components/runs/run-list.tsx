"use client";
import type { RunRow } from "@/lib/runs/run-schemas";
import { DataTable, type Column } from "@/components/explorer/data-table";
import { count, usdUnit } from "@/components/explorer/format";

function when(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}

/** A list of runs (most expensive, or runaway); clicking a run id opens its call breakdown. */
export function RunList({ id, title, rows, onOpen, csvName }: { id: string; title: string; rows: RunRow[]; onOpen: (runId: string) => void; csvName: string }) {
  const columns: Column<RunRow>[] = [
    {
      id: "run",
      header: "Run",
      render: (r) => (
        <button type="button" className="link-button" onClick={() => onOpen(r.runId)} title={`Show the calls of ${r.kind} ${r.runId}`}>
          {r.runId.length > 28 ? `${r.runId.slice(0, 26)}…` : r.runId}
        </button>
      ),
      sort: (r) => r.runId,
      csv: (r) => r.runId,
    },
    { id: "kind", header: "Grouped by", render: (r) => r.kind, csv: (r) => r.kind },
    { id: "workload", header: "Workload", render: (r) => r.workloadLabel, sort: (r) => r.workloadLabel, csv: (r) => r.workload },
    { id: "started", header: "Started (UTC)", render: (r) => when(r.firstAt), sort: (r) => r.firstAt, csv: (r) => r.firstAt },
    { id: "calls", header: "Calls", numeric: true, render: (r) => count(r.calls), sort: (r) => r.calls, csv: (r) => r.calls },
    { id: "models", header: "Models", render: (r) => r.models.map((m) => m.split("/").slice(1).join("/")).join(", "), csv: (r) => r.models.join(" ") },
    { id: "cost", header: "Cost", numeric: true, render: (r) => (<>{usdUnit(r.costUsd)}{r.runaway ? <span className="badge runaway" title="Above the workload's p99 run cost">runaway</span> : null}</>), sort: (r) => Number(r.costUsd), csv: (r) => r.costUsd, csvHeader: "Cost (USD)" },
  ];
  return <DataTable id={id} title={<h2>{title}</h2>} columns={columns} rows={rows} rowKey={(r) => `${r.runId}|${r.workload}|${r.team}`} defaultSort={{ column: "cost", desc: true }} pageSize={10} csvName={csvName} />;
}
