"use client";
import { useQuery } from "@tanstack/react-query";
import { overviewQuery, seriesQuery } from "../api-client";
import { useExplorerParams } from "../use-explorer-params";
import { DateRangePicker } from "../date-range-picker";
import { Segmented, SelectFilter, TeamFilter, TIER_OPTIONS } from "../controls";
import { ErrorBox, Loading } from "../query-state";
import { EmptyState } from "../empty-state";
import { StackedSpendChart } from "@/components/charts/stacked-spend-chart";
import { OverviewKpis } from "./overview-kpis";
import { TopList } from "./top-list";
import { ChangeCard } from "../change-card";

/** The overview: this month's pace, the range's KPIs, spend per day stacked by team or tier, and the top spenders. */
export function OverviewView() {
  const { range, get } = useExplorerParams();
  const filters = { from: range.from, to: range.to, team: get("team"), tier: get("tier") };
  const stackBy = get("stack") === "tier" ? "tier" : "team";
  const overview = useQuery(overviewQuery(filters));
  const series = useQuery(seriesQuery({ ...filters, interval: "day", stackBy, top: 8 }));
  const empty = overview.data && overview.data.range.requests === 0 && overview.data.range.costUsd === "0.00";

  return (
    <>
      <div className="explorer-toolbar">
        <DateRangePicker />
        <TeamFilter />
        <SelectFilter name="tier" label="Tier" allLabel="All tiers" options={TIER_OPTIONS} />
      </div>
      {overview.error ? <ErrorBox error={overview.error} /> : overview.data ? <OverviewKpis data={overview.data} /> : <Loading height={220} label="Loading KPIs" />}
      {empty ? (
        <EmptyState />
      ) : (
        <>
          <div className="card">
            <div className="card-head">
              <h2>Spend per day</h2>
              <Segmented name="stack" label="Stack by" fallback="team" options={[{ value: "team", label: "Team" }, { value: "tier", label: "Tier" }]} />
            </div>
            {series.error ? <ErrorBox error={series.error} /> : series.data ? <StackedSpendChart data={series.data} /> : <Loading height={300} label="Loading chart" />}
          </div>
          <div style={{ height: 14 }} />
          <ChangeCard filters={{ from: range.from, to: range.to, team: get("team") }} note={get("tier") ? "All tiers: a change of model mix is what moves spend between tiers." : undefined} />
          <div className="grid three" style={{ marginTop: 14 }}>
            <TopList title="Top teams" groupBy="team" filters={filters} hrefBase="/teams" />
            <TopList title="Top workloads" groupBy="workload" filters={filters} hrefBase="/workloads" />
            <TopList title="Top models" groupBy="model" filters={filters} hrefBase="/models" />
          </div>
        </>
      )}
    </>
  );
}
