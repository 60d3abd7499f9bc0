"use client";
import "./runs.css";
import { useQuery } from "@tanstack/react-query";
import { runsQuery } from "./api";
import { useExplorerParams } from "@/components/explorer/use-explorer-params";
import { DateRangePicker } from "@/components/explorer/date-range-picker";
import { TeamFilter } from "@/components/explorer/controls";
import { ErrorBox, Loading } from "@/components/explorer/query-state";
import { EmptyState } from "@/components/explorer/empty-state";
import { WorkloadRunsTable } from "./workload-runs-table";
import { RunList } from "./run-list";
import { RunDetailCard } from "./run-detail-card";

/** Agent runs and sessions: cost per run per workload, the most expensive and runaway runs, one run's calls. */
export function RunsView() {
  const { range, get, set } = useExplorerParams();
  const filters = { from: range.from, to: range.to, team: get("team"), workload: get("workload"), limit: 50 };
  const runs = useQuery(runsQuery(filters));
  const open = get("run");
  const openRun = (runId: string | null) => set({ run: runId });
  return (
    <>
      <div className="explorer-toolbar">
        <DateRangePicker />
        <TeamFilter />
      </div>
      {runs.error ? (
        <ErrorBox error={runs.error} />
      ) : !runs.data ? (
        <Loading height={360} />
      ) : runs.data.workloads.length === 0 ? (
        <EmptyState title="No runs in this range">
          Calls roll up into runs when they carry a run, session or trace id (<code>run_id</code>, <code>session_id</code>, <code>trace_id</code> on
          native events; OTLP spans always have a trace id).
        </EmptyState>
      ) : (
        <div className="runs-stack">
          <WorkloadRunsTable rows={runs.data.workloads} csvName={`runs-by-workload-${range.from}-${range.to}.csv`} />
          {open ? <RunDetailCard runId={open} onClose={() => openRun(null)} /> : null}
          <RunList id="runaway" title={`Runaway runs (above the workload's p99) · ${runs.data.runaway.length}`} rows={runs.data.runaway} onOpen={openRun} csvName={`runaway-runs-${range.from}-${range.to}.csv`} />
          <RunList id="top-runs" title="Most expensive runs" rows={runs.data.top} onOpen={openRun} csvName={`top-runs-${range.from}-${range.to}.csv`} />
          <p className="muted">
            Runs are counted where they started; percentiles are nearest rank over the exact cost of each run (an actual run&apos;s cost). A p99 needs
            100 runs: a workload with fewer flags nothing as runaway.
          </p>
        </div>
      )}
    </>
  );
}
