import { queryOptions } from "@tanstack/react-query";
import type { BudgetOut } from "@/lib/budgets/budget-schema";
import type { AlertOut } from "@/lib/alerts/alert-schema";
import type { AnomalyResponse } from "@/lib/anomaly-scan/anomaly-query";
import type { SeriesResponse } from "@/lib/analytics/series-query";

/** fetch() for the budget screens: JSON in and out; the API's error message (it names the field) becomes the Error. */
export async function apiJson<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(url, {
    method: init?.method ?? "GET",
    headers: init?.body === undefined ? undefined : { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(data?.error?.message ?? `Request failed (${response.status})`, response.status);
  return data as T;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

// One queryOptions factory per resource, every filter in the key.
export const budgetsQuery = () =>
  queryOptions({
    queryKey: ["budgets", { include: "series" }],
    queryFn: () => apiJson<{ today: string; budgets: BudgetOut[] }>("/api/v1/budgets?include=series"),
  });

export const alertsQuery = (filters: { budget?: number; limit?: number } = {}) =>
  queryOptions({
    queryKey: ["alerts", filters],
    queryFn: () => {
      const p = new URLSearchParams();
      if (filters.budget) p.set("budget", String(filters.budget));
      p.set("limit", String(filters.limit ?? 50));
      return apiJson<{ alerts: AlertOut[]; failedDeliveries: number }>(`/api/v1/alerts?${p}`);
    },
  });

export const anomaliesQuery = (filters: { workload?: string; team?: string; from?: string; to?: string; limit?: number } = {}) =>
  queryOptions({
    queryKey: ["anomalies", filters],
    queryFn: () => {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== "") p.set(k, String(v));
      return apiJson<AnomalyResponse>(`/api/v1/anomalies?${p}`);
    },
  });

/** Spend per month of a budget scope over the three full months before today's (the basis of suggested amounts). */
export const recentSpendQuery = (scope: { team?: string; workload?: string }, today: string) => {
  const [y, m] = today.split("-").map(Number);
  const from = new Date(Date.UTC(y, m - 4, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  return queryOptions({
    queryKey: ["budget-recent-spend", scope, from, to],
    queryFn: () => {
      const p = new URLSearchParams({ from, to, interval: "month", stackBy: "none" });
      if (scope.team) p.set("team", scope.team);
      if (scope.workload) p.set("workload", scope.workload);
      return apiJson<SeriesResponse>(`/api/v1/spend/series?${p}`);
    },
    staleTime: 5 * 60_000,
  });
};
