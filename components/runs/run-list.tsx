"use client";
import type { RunRow } from "@/lib/runs/run-schemas";
import { DataTable, type Column } from "@/components/explorer/data-table";
import { count, usdUnit } from "@/components/explorer/format";

/** Model names without their provider; more than two are counted. */
function shortModels(models: string[]): string {
  const names = models.map((m) => m.split("/").slice(1).join("/"));
  return names.length <= 2 ? names.join(", ") : `${names.slice(0, 2).join(", ")} +${names.length - 2}`;
}

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
        <span className="run-cell">
          <button type="button" className="link-button" onClick={() => onOpen(r.runId)} title={`Show the calls of ${r.kind} ${r.runId}`}>
            {r.runId.length > 30 ? `${r.runId.slice(0, 28)}…` : r.runId}
          </button>
          <span className="run-kind">{r.kind}</span>
        </span>
      ),
      sort: (r) => r.runId,
      csv: (r) => r.runId,
    },
    { id: "kind", header: "Grouped by", csvOnly: true, render: (r) => r.kind, csv: (r) => r.kind },
    { id: "workload", header: "Workload", render: (r) => r.workloadLabel, sort: (r) => r.workloadLabel, csv: (r) => r.workload },
    { id: "started", header: "Started (UTC)", render: (r) => when(r.firstAt), sort: (r) => r.firstAt, csv: (r) => r.firstAt },
    { id: "calls", header: "Calls", numeric: true, render: (r) => count(r.calls), sort: (r) => r.calls, csv: (r) => r.calls },
    { id: "models", header: "Models", render: (r) => shortModels(r.models), csv: (r) => r.models.join(" ") },
    { id: "cost", header: "Cost", numeric: true, render: (r) => usdUnit(r.costUsd), sort: (r) => Number(r.costUsd), csv: (r) => r.costUsd, csvHeader: "Cost (USD)" },
    { id: "flag", header: "", render: (r) => (r.runaway ? <span className="badge runaway" title="Above the workload's p99 run cost">runaway</span> : null), csv: (r) => (r.runaway ? "runaway" : ""), csvHeader: "Flag" },
  ];
  return <DataTable id={id} title={<h2>{title}</h2>} columns={columns} rows={rows} rowKey={(r) => `${r.runId}|${r.workload}|${r.team}`} defaultSort={{ column: "cost", desc: true }} pageSize={10} csvName={csvName} />;
}
