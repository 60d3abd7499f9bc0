"use client";
import type { WorkloadRunStats } from "@/lib/runs/run-schemas";
import { DataTable, type Column } from "@/components/explorer/data-table";
import { count, usd, usdUnit } from "@/components/explorer/format";

const money = (id: string, header: string, pick: (r: WorkloadRunStats) => string | null, title?: string): Column<WorkloadRunStats> => ({
  id,
  header,
  title,
  numeric: true,
  render: (r) => usdUnit(pick(r)),
  sort: (r) => (pick(r) === null ? null : Number(pick(r))),
  csv: (r) => pick(r),
  csvHeader: `${header} (USD)`,
});

const WORKLOAD: Column<WorkloadRunStats> = { id: "workload", header: "Workload", render: (r) => r.label, sort: (r) => r.label, csv: (r) => r.label };

const RUN_COLUMNS: Column<WorkloadRunStats>[] = [
  WORKLOAD,
  { id: "runs", header: "Runs", numeric: true, render: (r) => count(r.runs), sort: (r) => r.runs, csv: (r) => r.runs },
  { id: "calls", header: "Calls / run", numeric: true, render: (r) => r.callsPerRun, sort: (r) => Number(r.callsPerRun), csv: (r) => r.callsPerRun },
  { id: "cost", header: "Cost", numeric: true, render: (r) => usd(r.costUsd), sort: (r) => Number(r.costUsd), csv: (r) => r.costUsd, csvHeader: "Cost (USD)" },
  money("p50", "p50 / run", (r) => r.p50Usd, "Median run cost (an actual run's cost, nearest rank)"),
  money("p95", "p95 / run", (r) => r.p95Usd),
  money("max", "Max / run", (r) => r.maxUsd),
  { id: "runaway", header: "Runaway", numeric: true, title: "Runs costing more than the workload's p99 run", render: (r) => (r.runawayRuns > 0 ? <span className="badge runaway">{r.runawayRuns}</span> : "0"), sort: (r) => r.runawayRuns, csv: (r) => r.runawayRuns },
];

const OUTCOME_COLUMNS: Column<WorkloadRunStats>[] = [
  WORKLOAD,
  { id: "calls", header: "Calls", numeric: true, render: (r) => count(r.calls), sort: (r) => r.calls, csv: (r) => r.calls },
  money("perCall", "Per call", (r) => r.costPerCallUsd),
  { id: "ok", header: "Ok calls", numeric: true, render: (r) => count(r.okCalls), sort: (r) => r.okCalls, csv: (r) => r.okCalls },
  money("perOk", "Per ok call", (r) => r.costPerOkCallUsd, "All cost divided by the calls whose status is ok"),
  { id: "outcomes", header: "Outcomes ok / tagged", numeric: true, render: (r) => (r.outcomeCalls === 0 ? "—" : `${count(r.successfulOutcomes)} / ${count(r.outcomeCalls)}`), sort: (r) => r.successfulOutcomes, csv: (r) => r.successfulOutcomes, csvHeader: "Successful outcomes" },
  money("perOutcome", "Per success", (r) => r.costPerSuccessfulOutcomeUsd, "Cost per successful outcome: all cost divided by the calls tagged with a successful outcome (resolved, completed...)"),
];

/** Runs per workload: cost distribution per run and runaway count; then cost per call / ok call / successful outcome. */
export function WorkloadRunsTable({ rows, csvName }: { rows: WorkloadRunStats[]; csvName: string }) {
  return (
    <>
      <DataTable id="run-workloads" title={<h2>Cost per run, by workload</h2>} columns={RUN_COLUMNS} rows={rows} rowKey={(r) => r.workload} defaultSort={{ column: "cost", desc: true }} csvName={csvName} />
      <DataTable
        id="run-outcomes"
        title={<h2>Cost per call, per ok call and per successful outcome</h2>}
        columns={OUTCOME_COLUMNS}
        rows={rows}
        rowKey={(r) => r.workload}
        defaultSort={{ column: "calls", desc: true }}
        csvName={csvName.replace("runs-by-workload", "outcomes-by-workload")}
      />
    </>
  );
}
