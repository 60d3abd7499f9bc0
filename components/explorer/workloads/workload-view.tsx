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
import { KpiCard, Delta } from "../kpi-card";
import { TierBadge } from "../tier-badge";
import { TopUsers } from "../top-users";
import { TokensCard } from "./tokens-card";
import { count, pct, spendText, usd, usdUnit } from "../format";
import * as col from "../breakdown-columns";
import { ChangeCard } from "../change-card";

/** One workload: cost per call, tokens per call, models and tiers, trend, share of its team's spend, users. */
export function WorkloadView({ slug, team }: { slug: string; team: { slug: string; name: string } | null }) {
  const { range, withRange } = useExplorerParams();
  const filters = { from: range.from, to: range.to, workload: slug };
  const overview = useQuery(overviewQuery(filters));
  const models = useQuery(breakdownQuery({ ...filters, by: "model" }));
  // The workload's row among its team's workloads: spendShare is then its share of the team's spend.
  const inTeam = useQuery({ ...breakdownQuery({ from: range.from, to: range.to, by: "workload", team: team?.slug }), enabled: team !== null });
  const teamShare = inTeam.data?.rows.find((r) => r.key === slug)?.spendShare ?? null;
  const modelRows = models.data?.rows ?? [];
  const modelColumns: Column<BreakdownRow>[] = [
    col.keyColumn("Model key"),
    col.nameColumn("Model", (r) => withRange(`/models?model=${encodeURIComponent(r.key)}`)),
    col.providerColumn,
    col.tierColumn,
    col.spendColumn(modelRows, models.data?.currency.code),
    col.shareColumn,
    col.callsColumn,
    col.inUsd(col.costPerCallColumn, models.data?.currency.code),
    col.tokensPerCallColumn,
    col.inUsd(col.pricePerMtokColumn, models.data?.currency.code),
    col.cacheColumn,
  ];
  const o = overview.data;
  const topModel = modelRows[0];
  return (
    <>
      <div className="explorer-toolbar">
        <DateRangePicker />
      </div>
      {overview.error ? (
        <ErrorBox error={overview.error} />
      ) : !o ? (
        <Loading height={120} />
      ) : o.range.requests === 0 ? (
        <EmptyState />
      ) : (
        <>
          <div className="grid kpis four">
            <KpiCard testId="kpi-range-spend" label="Spend in range" value={spendText(o.range, o.currency.code)} sub={<><Delta value={o.range.changeShare} suffix={o.previous.label} testId="range-change" />{o.range.cost !== undefined && <div className="muted">{o.currency.code}, each day at its rate · {usd(o.range.costUsd)} USD</div>}</>} />
            <KpiCard
              testId="kpi-cost-per-call"
              label="Cost per call"
              value={o.range.costPer1kCallsUsd === null ? "—" : `${usdUnit(Number(o.range.costPer1kCallsUsd) / 1000)}${o.currency.code !== "USD" ? " USD" : ""}`}
              sub={`${count(o.range.requests)} calls · ${usdUnit(o.range.pricePerMtokUsd)}${o.currency.code !== "USD" ? " USD" : ""} per M tokens`}
            />
            <KpiCard
              label="Tier"
              value={topModel ? <TierBadge tier={topModel.tier} /> : "—"}
              sub={topModel ? `${pct(topModel.spendShare)} of spend on ${topModel.label}${modelRows.length > 1 ? ` · ${modelRows.length} models` : ""}` : undefined}
            />
            <KpiCard
              testId="kpi-team-share"
              label="Share of team spend"
              value={team ? pct(teamShare) : "—"}
              sub={team ? `of ${team.name}'s spend in the range` : "this workload has no owner team"}
            />
          </div>
          <SpendChartCard title="Spend" filters={filters} stacks={["model", "tier"]} />
          <div style={{ height: 14 }} />
          <ChangeCard filters={filters} />
          <div style={{ height: 14 }} />
          <TokensCard filters={filters} />
          {models.error ? <ErrorBox error={models.error} /> : (
            <DataTable id="models" title={<h2>Models used</h2>} columns={modelColumns} rows={modelRows} rowKey={(r) => r.key} defaultSort={{ column: "spend", desc: true }} pageSize={10} csvName={`workload-${slug}-models-${range.from}-${range.to}.csv`} />
          )}
          <TopUsers filters={filters} csvName={`workload-${slug}-users-${range.from}-${range.to}.csv`} />
        </>
      )}
    </>
  );
}
