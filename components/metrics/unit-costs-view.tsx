"use client";
import "./unit-costs.css";
import { useQuery } from "@tanstack/react-query";
import { metricSeriesQuery, seriesKey, seriesLabel, unitCostQuery } from "./api";
import { useExplorerParams } from "@/components/explorer/use-explorer-params";
import { DateRangePicker } from "@/components/explorer/date-range-picker";
import { Segmented } from "@/components/explorer/controls";
import { ErrorBox, Loading } from "@/components/explorer/query-state";
import { EmptyState } from "@/components/explorer/empty-state";
import { KpiCard } from "@/components/explorer/kpi-card";
import { count, usd, usdUnit } from "@/components/explorer/format";
import { money, moneyUnit } from "@/lib/ui/money";
import { UnitCostChart } from "./unit-cost-chart";
import { MetricsUpload } from "./metrics-upload";

/** Spend per unit of a business metric (tickets resolved, invoices processed...) over time, for its team/workload. */
export function UnitCostsView({ canUpload }: { canUpload: boolean }) {
  const { range, get, set } = useExplorerParams();
  const series = useQuery(metricSeriesQuery());
  const list = series.data?.series ?? [];
  const chosen = list.find((s) => seriesKey(s) === get("metric")) ?? list[0];
  const granularity = get("granularity") === "month" ? "month" : "day";
  const unit = useQuery({
    ...unitCostQuery({ name: chosen?.name, team: chosen?.team, workload: chosen?.workload, from: range.from, to: range.to, granularity }),
    enabled: Boolean(chosen),
  });
  return (
    <>
      {series.error ? (
        <ErrorBox error={series.error} />
      ) : !series.data ? (
        <Loading height={300} />
      ) : !chosen ? (
        <EmptyState title="No business metrics yet">Upload a CSV below, or send them with POST /api/v1/metrics.</EmptyState>
      ) : (
        <>
          <div className="explorer-toolbar">
            <label className="field-inline">
              Metric
              <select value={seriesKey(chosen)} onChange={(e) => set({ metric: e.target.value })} aria-label="Metric">
                {list.map((s) => (
                  <option key={seriesKey(s)} value={seriesKey(s)}>{seriesLabel(s)}</option>
                ))}
              </select>
            </label>
            <DateRangePicker />
            <Segmented name="granularity" label="Per" fallback="day" options={[{ value: "day", label: "Day" }, { value: "month", label: "Month" }]} />
          </div>
          {unit.error ? (
            <ErrorBox error={unit.error} />
          ) : !unit.data ? (
            <Loading height={300} />
          ) : (
            <>
              <div className="grid uc-kpis">
                <KpiCard label={`Cost per unit: ${chosen.name.replace(/_/g, " ")}`} value={unit.data.currency ? moneyUnit(unit.data.total.costPerUnit, unit.data.currency) : usdUnit(unit.data.total.costPerUnitUsd)} sub={`${range.from} – ${range.to}`} testId="unit-cost-total" />
                <KpiCard label="Spend on days with a value" value={unit.data.currency ? money(unit.data.total.cost, unit.data.currency) : usd(unit.data.total.costUsd)} sub={chosen.workload ?? chosen.team ?? "whole organisation"} />
                <KpiCard label="Units" value={unit.data.total.units === null ? "—" : count(Number(unit.data.total.units))} sub={`${chosen.days} days sent in all`} />
              </div>
              <section className="card">
                <div className="card-head"><h2>Cost per unit over time</h2></div>
                <UnitCostChart data={unit.data} />
                <p className="muted">
                  Exact: the {chosen.workload ? "workload's" : chosen.team ? "team's" : "organisation's"} spend on each day with a value, divided by the value
                  (rounded to the nano-dollar{unit.data.currency ? `; in ${unit.data.currency}, each day's spend at that day's rate` : ""}). Days without a value are left out of the ratio.
                </p>
              </section>
            </>
          )}
        </>
      )}
      {canUpload ? <MetricsUpload /> : null}
    </>
  );
}
