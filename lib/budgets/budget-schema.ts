import { z } from "zod";
import { BUDGET_PERIODS } from "@/lib/forecast/period";

/**
 * The public contract of /api/v1/budgets: what a caller sends (validated with the messages a finance person can act
 * on) and what comes back. Shared by the routes, the OpenAPI document and the Budgets page's types.
 */
export { BUDGET_PERIODS };

/** on_track: the forecast stays within the amount; at_risk: the forecast exceeds it; over: spent already exceeds it. */
export const BUDGET_STATUSES = ["on_track", "at_risk", "over"] as const;
export type BudgetStatusName = (typeof BUDGET_STATUSES)[number];

export const WEBHOOK_FORMATS = ["slack", "json"] as const;
export const MAX_THRESHOLD = 10;
export const DEFAULT_THRESHOLDS = [0.5, 0.8, 1];

const AMOUNT_RE = /^-?\d+(\.\d+)?$/;

/** "25000" or 25000 -> "25000.00"; refuses zero, negative, more than cents, and absurd sizes. */
export const AmountUsdSchema = z
  .union([z.string(), z.number()])
  .describe('budget amount in USD, a decimal string such as "25000" or "1250.50"')
  .transform((value, ctx) => {
    const text = typeof value === "number" ? String(value) : value.trim();
    if (!AMOUNT_RE.test(text)) {
      ctx.addIssue({ code: "custom", message: `must be an amount in USD such as "25000" or "1250.50", got "${text}"` });
      return z.NEVER;
    }
    const [whole, frac = ""] = text.replace(/^-/, "").split(".");
    const isZero = /^0*$/.test(whole) && /^0*$/.test(frac);
    if (text.startsWith("-") || isZero) {
      ctx.addIssue({ code: "custom", message: `must be greater than zero, got "${text}"` });
      return z.NEVER;
    }
    if (frac.replace(/0+$/, "").length > 2) {
      ctx.addIssue({ code: "custom", message: `has more than 2 decimals ("${text}"); budgets are in dollars and cents` });
      return z.NEVER;
    }
    const normalizedWhole = whole.replace(/^0+(?=\d)/, "");
    if (normalizedWhole.length > 15) {
      ctx.addIssue({ code: "custom", message: `is too large ("${text}"); at most 999,999,999,999,999.99` });
      return z.NEVER;
    }
    return `${normalizedWhole}.${(frac + "00").slice(0, 2)}`;
  });

/** Fractions of the amount (0.8 = 80%), each above 0 and at most 10 (1000%); sorted, duplicates dropped. */
export const ThresholdsSchema = z
  .array(z.number({ message: "each threshold must be a number such as 0.8 (80%)" }))
  .max(12, "at most 12 thresholds")
  .describe("fractions of the amount at which to alert, e.g. [0.5, 0.8, 1.0] = 50%, 80%, 100%; each above 0 and at most 10 (1000%)")
  .superRefine((values, ctx) => {
    values.forEach((t, i) => {
      if (!Number.isFinite(t) || t <= 0 || t > MAX_THRESHOLD) {
        ctx.addIssue({
          code: "custom",
          path: [i],
          message: `${t} is outside the allowed range: a threshold is a fraction of the amount above 0 and at most ${MAX_THRESHOLD} (${MAX_THRESHOLD * 100}%), e.g. 0.8 for 80%`,
        });
      } else if (Math.abs(t * 10_000 - Math.round(t * 10_000)) > 1e-6) {
        ctx.addIssue({ code: "custom", path: [i], message: `${t} has more than 4 decimals (0.01% steps)` });
      }
    });
  })
  .transform((values) => [...new Set(values.map((t) => Math.round(t * 10_000) / 10_000))].sort((a, b) => a - b));

export const BudgetScopeInputSchema = z
  .object({
    team: z.string().trim().min(1, "name a team slug").optional(),
    workload: z.string().trim().min(1, "name a workload slug").optional(),
  })
  .strict()
  .refine((s) => !(s.team && s.workload), { message: "give a team or a workload, not both ({} is the whole organisation)" })
  .describe('{} for the whole organisation, {"team": slug} or {"workload": slug}');

const WebhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .url("must be a URL such as https://hooks.slack.com/services/...")
  .refine((u) => /^https?:\/\//i.test(u), "must be an http:// or https:// URL")
  .nullable()
  .describe("where alerts are POSTed; null for in-app alerts only");

const BudgetFields = {
  name: z.string().trim().max(120).nullable().optional().describe("optional display name"),
  amountUsd: AmountUsdSchema,
  thresholds: ThresholdsSchema,
  alertOnForecast: z.boolean().describe('also alert once when the forecast exceeds the amount ("forecast over budget")'),
  alertOnAnomaly: z.boolean().describe("also send anomaly alerts of this scope (spikes, model switches) to the webhook"),
  webhookUrl: WebhookUrlSchema,
  webhookFormat: z.enum(WEBHOOK_FORMATS).describe('"slack" (Slack-compatible {text, blocks}) or "json" (plain JSON event)'),
};

export const CreateBudgetSchema = z
  .object({
    scope: BudgetScopeInputSchema.default({}),
    period: z.enum(BUDGET_PERIODS, { message: `must be one of ${BUDGET_PERIODS.join(", ")}` }),
    ...BudgetFields,
    thresholds: BudgetFields.thresholds.default(DEFAULT_THRESHOLDS),
    alertOnForecast: BudgetFields.alertOnForecast.default(true),
    alertOnAnomaly: BudgetFields.alertOnAnomaly.default(true),
    webhookUrl: BudgetFields.webhookUrl.optional(),
    webhookFormat: BudgetFields.webhookFormat.optional().describe('default "slack" for hooks.slack.com URLs, else "json"'),
  })
  .strict();
export type CreateBudgetInput = z.infer<typeof CreateBudgetSchema>;

/** PATCH: any subset; the scope and period of a budget do not change (create another budget instead). */
export const UpdateBudgetSchema = z
  .object({
    name: BudgetFields.name,
    amountUsd: BudgetFields.amountUsd.optional(),
    thresholds: BudgetFields.thresholds.optional(),
    alertOnForecast: BudgetFields.alertOnForecast.optional(),
    alertOnAnomaly: BudgetFields.alertOnAnomaly.optional(),
    webhookUrl: BudgetFields.webhookUrl.optional(),
    webhookFormat: BudgetFields.webhookFormat.optional(),
  })
  .strict();
export type UpdateBudgetInput = z.infer<typeof UpdateBudgetSchema>;

const usd = z.string().describe("decimal string in USD");
const day = z.string().describe("UTC date YYYY-MM-DD");

export const BudgetScopeSchema = z.object({
  type: z.enum(["org", "team", "workload"]),
  team: z.string().nullable().describe("team slug (the workload's owner team for workload budgets)"),
  workload: z.string().nullable().describe("workload slug"),
  label: z.string().describe('e.g. "Organisation", "Team Search & Discovery", "Workload Ticket triage"'),
});

export const BurnDownPointSchema = z.object({
  day,
  actualUsd: usd.nullable().describe("cumulative spend through this day; null after today"),
  forecastUsd: usd.nullable().describe("cumulative forecast (median); null before today"),
  forecastLowUsd: usd.nullable(),
  forecastHighUsd: usd.nullable(),
});

export const BudgetSchema = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  label: z.string().describe("name, or the scope's label"),
  scope: BudgetScopeSchema,
  period: z.enum(BUDGET_PERIODS),
  periodKey: z.string().describe('"2026-10", "2026-Q4" or "2026"'),
  periodStart: day,
  periodEnd: day,
  today: day,
  daysLeft: z.number().int().describe("whole days after today until the period ends"),
  amountUsd: usd,
  thresholds: z.array(z.number()),
  alertOnForecast: z.boolean(),
  alertOnAnomaly: z.boolean(),
  webhookUrl: z.string().nullable().describe("shown to admin and finance only (it may hold a secret); null for others"),
  webhookConfigured: z.boolean(),
  webhookFormat: z.enum(WEBHOOK_FORMATS),
  spentUsd: usd.describe("spent so far in the period (today included, partial)"),
  spentShare: z.number().describe("spent / amount (1 = 100%)"),
  forecastUsd: usd.describe("spent + expected spend to the period end (weekday-aware run-rate, median)"),
  forecastLowUsd: usd.describe("forecast with each weekday at its 25th percentile"),
  forecastHighUsd: usd.describe("forecast with each weekday at its 75th percentile"),
  forecastShare: z.number(),
  runsOutOn: day.nullable().describe("first day cumulative spend (actual, then forecast) exceeds the amount; null if not in the period"),
  status: z.enum(BUDGET_STATUSES).describe("on_track | at_risk (forecast over the amount) | over (spent over the amount)"),
  insufficientHistory: z.boolean().describe("true when the scope has no earlier spend to forecast from"),
  createdAt: z.string(),
  updatedAt: z.string(),
  series: z.array(BurnDownPointSchema).optional().describe("burn-down: every day of the period (with ?include=series or on GET /budgets/{id})"),
});
export type BudgetOut = z.infer<typeof BudgetSchema>;
export type BurnDownPointOut = z.infer<typeof BurnDownPointSchema>;

export const BudgetListQuerySchema = z.object({
  include: z.enum(["series"]).optional().describe("series: add each budget's burn-down points"),
  status: z.enum(BUDGET_STATUSES).optional().describe("only budgets with this status"),
});

export const BudgetListResponseSchema = z.object({
  today: day,
  budgets: z.array(BudgetSchema),
});
