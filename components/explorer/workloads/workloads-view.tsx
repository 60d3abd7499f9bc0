"use client";
import { useQuery } from "@tanstack/react-query";
import { breakdownQuery } from "../api-client";
import { useExplorerParams } from "../use-explorer-params";
import { DateRangePicker } from "../date-range-picker";
import { SelectFilter, TeamFilter, TIER_OPTIONS } from "../controls";
import { ErrorBox, Loading } from "../query-state";
import { EmptyState } from "../empty-state";
import { SpendChartCard } from "../spend-chart-card";
import { WorkloadsTable } from "./workloads-table";

/** Every workload with its unit costs (per call, tokens per call), tier and top model. */
export function WorkloadsView() {
  const { range, get } = useExplorerParams();
  const filters = { from: range.from, to: range.to, team: get("team"), tier: get("tier") };
  const workloads = useQuery(breakdownQuery({ ...filters, by: "workload" }));
  const rows = workloads.data?.rows ?? [];
  return (
    <>
      <div className="explorer-toolbar">
        <DateRangePicker />
        <TeamFilter />
        <SelectFilter name="tier" label="Tier" allLabel="All tiers" options={TIER_OPTIONS} />
      </div>
      {workloads.error ? (
        <ErrorBox error={workloads.error} />
      ) : !workloads.data ? (
        <Loading height={360} />
      ) : rows.length === 0 ? (
        <EmptyState />
      ) : (
        <>
          <SpendChartCard title="Spend by workload" filters={filters} stacks={["workload", "tier"]} />
          <div style={{ height: 14 }} />
          <WorkloadsTable rows={rows} currency={workloads.data?.currency.code} csvName={`workloads-${range.from}-${range.to}.csv`} />
        </>
      )}
    </>
  );
}
