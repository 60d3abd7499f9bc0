import { queryOptions } from "@tanstack/react-query";
import { fetchJson, toQueryString, type Params } from "@/components/explorer/api-client";
import type { MetricSeries } from "@/lib/metrics/metric-schema";
import type { UnitCostResponse } from "@/lib/metrics/unit-cost-schema";

/** Reads of the Unit costs page: one queryOptions factory per resource, every parameter in the key. */
export const metricSeriesQuery = () =>
  queryOptions({ queryKey: ["metric-series"], queryFn: ({ signal }) => fetchJson<{ series: MetricSeries[] }>("/api/v1/metrics", { signal }) });

export const unitCostQuery = (params: Params) =>
  queryOptions({ queryKey: ["unit-cost", params], queryFn: ({ signal }) => fetchJson<UnitCostResponse>(`/api/v1/metrics/unit-cost?${toQueryString(params)}`, { signal }) });

/** "name|team|workload": one select value per series. */
export function seriesKey(s: Pick<MetricSeries, "name" | "team" | "workload">): string {
  return [s.name, s.team ?? "", s.workload ?? ""].join("|");
}

export function seriesLabel(s: Pick<MetricSeries, "name" | "team" | "workload">): string {
  return `${s.name} · ${s.workload ?? s.team ?? "organisation"}`;
}
