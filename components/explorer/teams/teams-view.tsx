"use client";
import { useQuery } from "@tanstack/react-query";
import type { BreakdownRow } from "@/lib/analytics/breakdown-query";
import { breakdownQuery, chargebackQuery } from "../api-client";
import { ChargebackTable } from "@/components/reports/chargeback-table";
import { useExplorerParams } from "../use-explorer-params";
import { DateRangePicker } from "../date-range-picker";
import { SelectFilter, TIER_OPTIONS } from "../controls";
import { DataTable, type Column } from "../data-table";
import { ErrorBox, Loading } from "../query-state";
import { EmptyState } from "../empty-state";
import { SpendChartCard } from "../spend-chart-card";
import * as col from "../breakdown-columns";

/** Every team's spend in the range: trend, then a table (unattributed spend is its own row). */
export function TeamsView() {
  const { range, get, withRange } = useExplorerParams();
  const filters = { from: range.from, to: range.to, tier: get("tier") };
  const teams = useQuery(breakdownQuery({ ...filters, by: "team" }));
  // Chargeback is over all tiers: shared pools are allocated whole, whatever models they used.
  const chargeback = useQuery(chargebackQuery({ from: range.from, to: range.to }));
  const rows = teams.data?.rows ?? [];
  const columns: Column<BreakdownRow>[] = [
    col.keyColumn("Team slug"),
    col.nameColumn("Team", (r) => withRange(`/teams/${r.key}`)),
    col.spendColumn(rows, teams.data?.currency.code),
    col.changeColumn,
    col.shareColumn,
    col.callsColumn,
    col.inUsd(col.costPer1kColumn, teams.data?.currency.code),
    col.frontierColumn,
    col.workloadsCountColumn,
    col.topModelColumn,
  ];
  return (
    <>
      <div className="explorer-toolbar">
        <DateRangePicker />
        <SelectFilter name="tier" label="Tier" allLabel="All tiers" options={TIER_OPTIONS} />
      </div>
      {teams.error ? (
        <ErrorBox error={teams.error} />
      ) : !teams.data ? (
        <Loading height={360} />
      ) : rows.length === 0 ? (
        <EmptyState />
      ) : (
        <>
          <SpendChartCard title="Spend by team" filters={filters} stacks={["team", "tier"]} />
          <div style={{ height: 14 }} />
          <DataTable
            id="teams"
            title={<h2>Teams</h2>}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.key}
            rowClass={col.unattributedRow}
            defaultSort={{ column: "spend", desc: true }}
            csvName={`teams-${range.from}-${range.to}.csv`}
          />
          <div style={{ height: 14 }} />
          {chargeback.data && (
            <ChargebackTable
              chargeback={chargeback.data}
              title="Chargeback: direct, allocated and total (all tiers)"
              csvHref={`/api/v1/reports/chargeback?from=${range.from}&to=${range.to}&format=csv`}
            />
          )}
        </>
      )}
    </>
  );
}
