"use client";
import { useQuery } from "@tanstack/react-query";
import { seriesQuery, type Params } from "./api-client";
import { useExplorerParams } from "./use-explorer-params";
import { chartInterval } from "./chart-interval";
import { Segmented } from "./controls";
import { ErrorBox, Loading } from "./query-state";
import { StackedSpendChart } from "@/components/charts/stacked-spend-chart";

const STACK_LABELS: Record<string, string> = { team: "Team", workload: "Workload", model: "Model", provider: "Provider", tier: "Tier", none: "Total" };

/** A card with spend over time stacked by one of `stacks` (the choice kept in the URL as `stack`). */
export function SpendChartCard({ title, filters, stacks }: { title: string; filters: Params; stacks: string[] }) {
  const { get, range } = useExplorerParams();
  const chosen = get("stack");
  const stackBy = chosen && stacks.includes(chosen) ? chosen : stacks[0];
  const interval = chartInterval(range.from, range.to);
  const series = useQuery(seriesQuery({ ...filters, interval, stackBy, top: 8 }));
  return (
    <div className="card">
      <div className="card-head">
        <h2>
          {title} <span className="hint">per {interval}</span>
        </h2>
        {stacks.length > 1 && <Segmented name="stack" label="Stack by" fallback={stacks[0]} options={stacks.map((s) => ({ value: s, label: STACK_LABELS[s] }))} />}
      </div>
      {series.error ? <ErrorBox error={series.error} /> : series.data ? <StackedSpendChart data={series.data} /> : <Loading height={300} label="Loading chart" />}
    </div>
  );
}
