import { z } from "zod";
import { BudgetListQuerySchema, BudgetListResponseSchema, BudgetSchema, CreateBudgetSchema, UpdateBudgetSchema } from "@/lib/budgets/budget-schema";
import { AlertListQuerySchema, AlertListResponseSchema, EvaluateResponseSchema } from "@/lib/alerts/alert-schema";
import { AnomalyQuerySchema, AnomalyResponseSchema } from "@/lib/anomaly-scan/anomaly-query";
import type { ApiOperation } from "./operation";

const STATUS_NOTE =
  'status is "on_track" (the forecast stays within the amount), "at_risk" (the forecast exceeds the amount) or "over" ' +
  "(spent already exceeds it). The forecast is spent so far plus a weekday-aware run-rate: each remaining day at the " +
  "median of the same weekday over the last 4 weeks (range: 25th-75th percentile). Periods are UTC months, quarters, years.";

const PATH_ID = "{id} is the budget id (path parameter).";

export const budgetOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/budgets",
    tag: "Budgets",
    summary: "Budgets with spent, forecast (and range), runs-out date and status",
    description: `${STATUS_NOTE} Leads (and team-bound keys) see the budgets of their teams and their teams' workloads, not the organisation's budget. Riskiest first.`,
    permission: "read",
    query: BudgetListQuerySchema,
    response: BudgetListResponseSchema,
  },
  {
    method: "post",
    path: "/api/v1/budgets",
    tag: "Budgets",
    summary: "Create a budget for the organisation, a team or a workload",
    description:
      'Example: {"scope":{"team":"search"},"period":"month","amountUsd":"25000","thresholds":[0.5,0.8,1.0]}. scope {} is the whole ' +
      "organisation. amountUsd must be above zero (at most 2 decimals); or, in the reporting currency, " +
      '{"amount":"25000","currency":"EUR"}: status, forecast and alerts then compare each day\'s spend at that day\'s rate (a day ' +
      "without a rate is a 400 naming it); the *Usd fields of the response stay USD. Thresholds are fractions above 0 and at most 10 (1000%). " +
      "One budget per scope and period (409 otherwise). Alerts fire once per period per threshold, plus once when the forecast " +
      'exceeds the amount (alertOnForecast), and go to webhookUrl: "slack" sends {text, blocks}, "json" a plain event. Admin and finance.',
    permission: "manage_budgets",
    body: CreateBudgetSchema,
    response: BudgetSchema,
  },
  {
    method: "get",
    path: "/api/v1/budgets/{id}",
    tag: "Budgets",
    summary: "One budget with its burn-down series",
    description: `${PATH_ID} series: cumulative actual spend to today, then the cumulative forecast with its range. 404 for a budget the caller cannot see.`,
    permission: "read",
    response: BudgetSchema,
  },
  {
    method: "patch",
    path: "/api/v1/budgets/{id}",
    tag: "Budgets",
    summary: "Change a budget's amount, thresholds, alert switches, name or webhook",
    description: `${PATH_ID} Scope and period do not change (create another budget). webhookUrl null removes the webhook. Admin and finance.`,
    permission: "manage_budgets",
    body: UpdateBudgetSchema,
    response: BudgetSchema,
  },
  {
    method: "delete",
    path: "/api/v1/budgets/{id}",
    tag: "Budgets",
    summary: "Delete a budget (204); its alert history stays",
    description: `${PATH_ID} Pending webhook deliveries of its alerts are stopped. Admin and finance.`,
    permission: "manage_budgets",
  },
  {
    method: "post",
    path: "/api/v1/budgets/evaluate",
    tag: "Budgets",
    summary: "Evaluate budgets and anomalies now and send due webhooks",
    description:
      "The server does this every minute by itself (an in-process scheduler started from instrumentation.ts; due webhook " +
      "retries every 10 seconds; RIGHTSIZE_ALERTS=off disables it). Ingestion does not trigger it. New alerts are raised once " +
      "per period (thresholds, forecast) or per day and scope (anomalies of the last 7 days). Admin and finance.",
    permission: "manage_budgets",
    response: EvaluateResponseSchema,
  },
  {
    method: "get",
    path: "/api/v1/alerts",
    tag: "Budgets",
    summary: "Alert history with each webhook delivery's status, attempts and last error",
    description:
      "Newest first. Failed webhooks are retried with exponential backoff (30s, 1m, 2m, ... for about an hour, 8 attempts), " +
      "then marked failed and kept visible here. Leads see their teams' alerts.",
    permission: "read",
    query: AlertListQuerySchema,
    response: AlertListResponseSchema,
  },
  {
    method: "post",
    path: "/api/v1/alerts/deliveries/{id}/retry",
    tag: "Budgets",
    summary: "Try a failed webhook delivery once more, now",
    description: "{id} is the delivery id (path parameter). Answers with the delivery's new status and error. Admin and finance.",
    permission: "manage_budgets",
    response: z.object({ id: z.number().int(), status: z.string(), attempts: z.number().int(), lastError: z.string().nullable(), deliveredAt: z.string().nullable() }),
  },
  {
    method: "get",
    path: "/api/v1/anomalies",
    tag: "Budgets",
    summary: "Spend spikes and switches to pricier models per workload and team",
    description:
      "Each day is compared with the same weekday in the 4-8 weeks before (robust z-score on median/MAD); a spike must be at " +
      "least $20 above usual. A model switch is a workload whose traffic moved to a pricier tier; its size is the extra spend " +
      "since the switch (the same tokens at the previous model's price). Largest first; team-scoped for leads.",
    permission: "read",
    query: AnomalyQuerySchema,
    response: AnomalyResponseSchema,
  },
];
