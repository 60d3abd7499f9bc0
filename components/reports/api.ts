import { queryOptions } from "@tanstack/react-query";
import type { MonthlyReport } from "@/lib/reports/report-schema";
import type { ReconciliationResponse } from "@/lib/reconcile/reconcile-schema";
import type { ChargebackResponse } from "@/lib/chargeback/chargeback-schema";
import type { ScheduleList } from "@/lib/schedules/schedule-schema";
import { apiJson } from "@/components/budgets/api";

export const reportQuery = (month: string) =>
  queryOptions({
    queryKey: ["report", { month }],
    queryFn: () => apiJson<MonthlyReport>(`/api/v1/reports/monthly?month=${month}&format=json`),
    retry: false,
  });

export const reconciliationQuery = (month: string) =>
  queryOptions({
    queryKey: ["reconciliation", { month }],
    queryFn: () => apiJson<ReconciliationResponse>(`/api/v1/bills/reconciliation?month=${month}`),
  });

export function downloadUrl(month: string, format: "csv" | "focus" | "pdf" | "json"): string {
  return `/api/v1/reports/monthly?month=${month}&format=${format}`;
}

export const chargebackQuery = (month: string) =>
  queryOptions({
    queryKey: ["chargeback", { month }],
    queryFn: () => apiJson<ChargebackResponse>(`/api/v1/reports/chargeback?month=${month}`),
  });

export const schedulesQuery = () =>
  queryOptions({
    queryKey: ["report-schedules"],
    queryFn: () => apiJson<ScheduleList>("/api/v1/report-schedules"),
  });
