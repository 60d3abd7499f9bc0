"use client";
import { useQuery } from "@tanstack/react-query";
import type { BreakdownRow } from "@/lib/analytics/breakdown-query";
import { breakdownQuery, overviewQuery } from "../api-client";
import { useExplorerParams } from "../use-explorer-params";
import { DateRangePicker } from "../date-range-picker";
import { DataTable, type Column } from "../data-table";
import { ErrorBox, Loading } from "../query-state";
import { EmptyState } from "../empty-state";
import { SpendChartCard } from "../spend-chart-card";
import { ScopeKpis } from "../scope-kpis";
import { TopUsers } from "../top-users";
import * as col from "../breakdown-columns";
import { ChangeCard } from "../change-card";

/** One team: KPIs with this month's pace, trend by workload/model/tier, its workloads, models and top users. */
export function TeamView({ slug }: { slug: string }) {
  const { range, withRange } = useExplorerParams();
  const filters = { from: range.from, to: range.to, team: slug };
  const overview = useQuery(overviewQuery(filters));
  const workloads = useQuery(breakdownQuery({ ...filters, by: "workload" }));
  const models = useQuery(breakdownQuery({ ...filters, by: "model" }));
  const workloadRows = workloads.data?.rows ?? [];
  const modelRows = models.data?.rows ?? [];
  const workloadColumns: Column<BreakdownRow>[] = [
    col.keyColumn("Workload slug"),
    col.nameColumn("Workload", (r) => withRange(`/workloads/${r.key}`)),
    col.spendColumn(workloadRows, workloads.data?.currency.code),
    col.changeColumn,
    col.shareColumn,
    col.callsColumn,
    col.inUsd(col.costPerCallColumn, workloads.data?.currency.code),
    col.tokensPerCallColumn,
    col.frontierColumn,
    col.topModelColumn,
  ];
  const modelColumns: Column<BreakdownRow>[] = [
    col.keyColumn("Model key"),
    col.nameColumn("Model", (r) => withRange(`/models?model=${encodeURIComponent(r.key)}`)),
    col.providerColumn,
    col.tierColumn,
    col.spendColumn(modelRows, models.data?.currency.code),
    col.shareColumn,
    col.callsColumn,
    col.inUsd(col.pricePerMtokColumn, models.data?.currency.code),
    col.cacheColumn,
  ];
  const empty = overview.data && overview.data.range.requests === 0;
  return (
    <>
      <div className="explorer-toolbar">
        <DateRangePicker />
      </div>
      {overview.error ? <ErrorBox error={overview.error} /> : overview.data ? <ScopeKpis data={overview.data} /> : <Loading height={200} />}
      {empty ? (
        <EmptyState />
      ) : (
        <>
          <SpendChartCard title="Spend" filters={filters} stacks={["workload", "model", "tier"]} />
          <div style={{ height: 14 }} />
          <ChangeCard filters={filters} />
          <div style={{ height: 14 }} />
          {workloads.error ? <ErrorBox error={workloads.error} /> : (
            <DataTable id="workloads" title={<h2>Workloads</h2>} columns={workloadColumns} rows={workloadRows} rowKey={(r) => r.key} rowClass={col.unattributedRow} defaultSort={{ column: "spend", desc: true }} pageSize={10} csvName={`team-${slug}-workloads-${range.from}-${range.to}.csv`} />
          )}
          <div className="grid two">
            {models.error ? <ErrorBox error={models.error} /> : (
              <DataTable id="models" title={<h2>Models</h2>} columns={modelColumns} rows={modelRows} rowKey={(r) => r.key} defaultSort={{ column: "spend", desc: true }} pageSize={10} csvName={`team-${slug}-models-${range.from}-${range.to}.csv`} />
            )}
            <TopUsers filters={filters} csvName={`team-${slug}-users-${range.from}-${range.to}.csv`} />
          </div>
        </>
      )}
    </>
  );
}
