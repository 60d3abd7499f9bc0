import { queryOptions } from "@tanstack/react-query";
import type { SpendResponse } from "@/lib/analytics/spend-query";
import type { BreakdownResponse } from "@/lib/analytics/breakdown-query";
import type { SeriesResponse } from "@/lib/analytics/series-query";
import type { OverviewResponse } from "@/lib/analytics/overview-query";
import type { TokensResponse } from "@/lib/analytics/tokens-query";
import type { ChangeResponse } from "@/lib/change/change-query";
import type { ModelOut } from "@/lib/analytics/model-tiers-schema";
import type { ChargebackResponse } from "@/lib/chargeback/chargeback-schema";
import type { DimensionList } from "@/lib/dimensions/dimension-schema";

/**
 * The explorer's reads: one queryOptions factory per resource, every parameter in the key, so two views asking
 * the same question share one request and a changed filter is a new cache entry.
 */
export type Params = Record<string, string | number | undefined | null>;

export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export function toQueryString(params: Params): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  return qs.toString();
}

export async function fetchJson<T>(url: string, init?: { method?: string; body?: unknown; signal?: AbortSignal }): Promise<T> {
  const response = await fetch(url, {
    method: init?.method ?? "GET",
    headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init?.signal,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(data?.error?.message ?? `Request failed (${response.status})`, response.status);
  return data as T;
}

const read = <T,>(resource: string, path: string, params: Params) =>
  queryOptions({
    queryKey: [resource, params],
    queryFn: ({ signal }) => fetchJson<T>(`${path}?${toQueryString(params)}`, { signal }),
  });

export const spendQuery = (params: Params) => read<SpendResponse>("spend", "/api/v1/spend", params);
export const breakdownQuery = (params: Params) => read<BreakdownResponse>("spend-breakdown", "/api/v1/spend/breakdown", params);
export const seriesQuery = (params: Params) => read<SeriesResponse>("spend-series", "/api/v1/spend/series", params);
export const overviewQuery = (params: Params) => read<OverviewResponse>("spend-overview", "/api/v1/spend/overview", params);
export const tokensQuery = (params: Params) => read<TokensResponse>("spend-tokens", "/api/v1/spend/tokens-per-call", params);
export const modelsQuery = () => read<{ models: ModelOut[] }>("models", "/api/v1/models", {});
/** Teams change rarely: fresh for five minutes, so every screen and filter bar that names teams shares one request. */
export const teamsQuery = () => ({ ...read<{ teams: { id: number; slug: string; name: string }[] }>("teams", "/api/v1/teams", {}), staleTime: 5 * 60_000 });
export const changeQuery = (params: Params) => read<ChangeResponse>("spend-change", "/api/v1/spend/change", params);
export const chargebackQuery = (params: { from: string; to: string }) => read<ChargebackResponse>("chargeback", "/api/v1/reports/chargeback", params);
export const dimensionsQuery = () => read<DimensionList>("dimensions", "/api/v1/dimensions", {});
