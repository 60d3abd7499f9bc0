import { z } from "zod";

/** GET /api/v1/alerts: the alert history (in-app) with every webhook delivery's fate. */
export const ALERT_KINDS = ["threshold", "forecast", "anomaly", "rollout"] as const;
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

export const AlertListQuerySchema = z.object({
  budget: z.coerce.number().int().positive().optional().describe("only alerts of this budget id"),
  kind: z.enum(ALERT_KINDS).optional(),
  delivery: z.enum(DELIVERY_STATUSES).optional().describe("only alerts with a delivery in this status (e.g. failed)"),
  limit: z.coerce.number().int().min(1).max(500).optional().describe("newest first; default 100"),
});
export type AlertListQuery = z.infer<typeof AlertListQuerySchema>;

export const DeliverySchema = z.object({
  id: z.number().int(),
  url: z.string().describe("full URL for admin/finance; origin only for others (the path may hold a secret)"),
  format: z.enum(["slack", "json"]),
  status: z.enum(DELIVERY_STATUSES).describe("pending (sending or waiting to retry) | delivered | failed (gave up; retry by hand)"),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable().describe("when the next retry is due (pending only)"),
  deliveredAt: z.string().nullable(),
});

export const AlertSchema = z.object({
  id: z.number().int(),
  kind: z.enum(ALERT_KINDS).describe("threshold (x% of the budget spent) | forecast (forecast over budget) | anomaly | rollout (a rollout under-delivering its predicted saving, or escalating more than assumed)"),
  createdAt: z.string(),
  periodKey: z.string().describe("budget period (2026-10, 2026-Q4, 2026), or day:scope for anomalies"),
  threshold: z.number().nullable().describe("fraction of the amount, for threshold alerts"),
  message: z.string(),
  amountUsd: z.string().nullable().describe("spent (threshold), forecast (forecast) or anomaly size, in USD"),
  budget: z.object({ id: z.number().int(), label: z.string() }).nullable().describe("null for anomalies and deleted budgets"),
  scope: z.object({ type: z.enum(["org", "team", "workload"]), label: z.string() }),
  deliveries: z.array(DeliverySchema),
});
export type AlertOut = z.infer<typeof AlertSchema>;

export const AlertListResponseSchema = z.object({
  alerts: z.array(AlertSchema),
  failedDeliveries: z.number().int().describe("failed deliveries among the alerts the caller can see (all time)"),
});

export const EvaluateResponseSchema = z.object({
  evaluatedAt: z.string(),
  budgets: z.number().int(),
  raised: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(ALERT_KINDS),
      budgetId: z.number().int().nullable(),
      periodKey: z.string(),
      threshold: z.number().nullable(),
      message: z.string(),
      deliveries: z.number().int(),
    }),
  ),
  deliveries: z.object({ attempted: z.number().int(), delivered: z.number().int(), retrying: z.number().int(), failed: z.number().int() }).nullable(),
  errors: z.array(z.string()),
});
