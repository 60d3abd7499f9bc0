import { queryOptions } from "@tanstack/react-query";
import { fetchJson, toQueryString, type Params } from "@/components/explorer/api-client";
import type { RunDetail, RunsResponse } from "@/lib/runs/run-schemas";

/** Reads of the Runs page: one queryOptions factory per resource, every parameter in the key. */
export const runsQuery = (params: Params) =>
  queryOptions({ queryKey: ["runs", params], queryFn: ({ signal }) => fetchJson<RunsResponse>(`/api/v1/runs?${toQueryString(params)}`, { signal }) });

export const runDetailQuery = (runId: string) =>
  queryOptions({ queryKey: ["run", runId], queryFn: ({ signal }) => fetchJson<RunDetail>(`/api/v1/runs/${encodeURIComponent(runId)}`, { signal }) });
