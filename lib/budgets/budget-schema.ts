import { z } from "zod";
import { BUDGET_PERIODS } from "@/lib/forecast/period";
import { CURRENCY_RE } from "@/lib/currency/rates";

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
function amountSchema(unit: "USD" | null) {
  const inUnit = unit ? " in USD" : "";
  return z
    .union([z.string(), z.number()])
    .describe(unit ? 'budget amount in USD, a decimal string such as "25000" or "1250.50"' : 'budget amount in `currency`, a decimal string such as "25000" or "1250.50"')
    .transform((value, ctx) => {
      const text = typeof value === "number" ? String(value) : value.trim();
      if (!AMOUNT_RE.test(text)) {
        ctx.addIssue({ code: "custom", message: `must be an amount${inUnit} such as "25000" or "1250.50", got "${text}"` });
        return z.NEVER;
      }
      const [whole, frac = ""] = text.replace(/^-/, "").split(".");
      const isZero = /^0*$/.test(whole) && /^0*$/.test(frac);
      if (text.startsWith("-") || isZero) {
        ctx.addIssue({ code: "custom", message: `must be greater than zero, got "${text}"` });
        return z.NEVER;
      }
      if (frac.replace(/0+$/, "").length > 2) {
        ctx.addIssue({ code: "custom", message: unit ? `has more than 2 decimals ("${text}"); budgets are in dollars and cents` : `has more than 2 decimals ("${text}"); budgets are in whole units and cents` });
        return z.NEVER;
      }
      const normalizedWhole = whole.replace(/^0+(?=\d)/, "");
      if (normalizedWhole.length > 15) {
        ctx.addIssue({ code: "custom", message: `is too large ("${text}"); at most 999,999,999,999,999.99` });
        return z.NEVER;
      }
      return `${normalizedWhole}.${(frac + "00").slice(0, 2)}`;
    });
}
export const AmountUsdSchema = amountSchema("USD");
/** An amount in the budget's currency (with `currency`); same rules as amountUsd. */
export const AmountSchema = amountSchema(null);
export const BudgetCurrencySchema = z
  .string()
  .regex(CURRENCY_RE, "must be an ISO 4217 code such as USD or EUR")
  .describe("currency of `amount`: USD or the reporting currency (GET /api/v1/currency); default USD");

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

/** Exactly one of amountUsd (USD) and amount (+ currency, default USD); amountUsd with another currency is refused. */
function checkAmount(b: { amountUsd?: string; amount?: string; currency?: string }, ctx: z.RefinementCtx, required: boolean) {
  if (b.amountUsd !== undefined && b.amount !== undefined) ctx.addIssue({ code: "custom", path: ["amount"], message: "give amountUsd (USD) or amount with currency, not both" });
  if (b.amountUsd !== undefined && b.currency !== undefined && b.currency !== "USD") {
    ctx.addIssue({ code: "custom", path: ["currency"], message: `amountUsd is in USD; for a budget in ${b.currency} give amount` });
  }
  if (b.currency !== undefined && b.amount === undefined && b.amountUsd === undefined) ctx.addIssue({ code: "custom", path: ["amount"], message: "a currency needs its amount" });
  if (required && b.amountUsd === undefined && b.amount === undefined) ctx.addIssue({ code: "custom", path: ["amountUsd"], message: 'give the budget amount: amountUsd, or amount with currency (e.g. {"amount": "25000", "currency": "EUR"})' });
}

export const CreateBudgetSchema = z
  .object({
    scope: BudgetScopeInputSchema.default({}),
    period: z.enum(BUDGET_PERIODS, { message: `must be one of ${BUDGET_PERIODS.join(", ")}` }),
    ...BudgetFields,
    amountUsd: BudgetFields.amountUsd.optional(),
    amount: AmountSchema.optional(),
    currency: BudgetCurrencySchema.optional(),
    thresholds: BudgetFields.thresholds.default(DEFAULT_THRESHOLDS),
    alertOnForecast: BudgetFields.alertOnForecast.default(true),
    alertOnAnomaly: BudgetFields.alertOnAnomaly.default(true),
    webhookUrl: BudgetFields.webhookUrl.optional(),
    webhookFormat: BudgetFields.webhookFormat.optional().describe('default "slack" for hooks.slack.com URLs, else "json"'),
  })
  .strict()
  .superRefine((b, ctx) => checkAmount(b, ctx, true));
export type CreateBudgetInput = z.infer<typeof CreateBudgetSchema>;

/** PATCH: any subset; the scope and period of a budget do not change (create another budget instead). */
export const UpdateBudgetSchema = z
  .object({
    name: BudgetFields.name,
    amountUsd: BudgetFields.amountUsd.optional(),
    amount: AmountSchema.optional().describe("new amount in `currency` (or the budget's own currency when none is given)"),
    currency: BudgetCurrencySchema.optional(),
    thresholds: BudgetFields.thresholds.optional(),
    alertOnForecast: BudgetFields.alertOnForecast.optional(),
    alertOnAnomaly: BudgetFields.alertOnAnomaly.optional(),
    webhookUrl: BudgetFields.webhookUrl.optional(),
    webhookFormat: BudgetFields.webhookFormat.optional(),
  })
  .strict()
  .superRefine((b, ctx) => checkAmount(b, ctx, false));
export type UpdateBudgetInput = z.infer<typeof UpdateBudgetSchema>;

const usd = z.string().describe("decimal string in USD");
const day = z.string().describe("UTC date YYYY-MM-DD");

export const BudgetScopeSchema = z.object({
  type: z.enum(["org", "team", "workload"]),
  team: z.string().nullable().describe("team slug (the workload's owner team for workload budgets)"),
  workload: z.string().nullable().describe("workload slug"),
  label: z.string().describe('e.g. "Organisation", "Team Search & Discovery", "Workload Ticket triage"'),
});

const money = z.string().describe("decimal string in the budget's currency");

export const BurnDownPointSchema = z.object({
  day,
  actualUsd: usd.nullable().describe("cumulative spend through this day; null after today"),
  forecastUsd: usd.nullable().describe("cumulative forecast (median); null before today"),
  forecastLowUsd: usd.nullable(),
  forecastHighUsd: usd.nullable(),
  actual: money.nullable().describe("actualUsd in the budget's currency (each day at its rate)"),
  forecast: money.nullable(),
  forecastLow: money.nullable(),
  forecastHigh: money.nullable(),
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
  amountUsd: usd.describe("the amount in USD; for a budget in another currency, its amount at the latest rate on or before today (indicative)"),
  currency: z.string().describe("ISO 4217 code of amount, spent and forecast; USD unless the budget was set in the reporting currency"),
  amount: money.describe("the budget amount, in currency"),
  spent: money.describe("spent so far in currency: each day's spend at that day's rate (last on or before it)"),
  forecast: money.describe("forecast in currency: the converted daily spend projected like forecastUsd"),
  forecastLow: money,
  forecastHigh: money,
  thresholds: z.array(z.number()),
  alertOnForecast: z.boolean(),
  alertOnAnomaly: z.boolean(),
  webhookUrl: z.string().nullable().describe("shown to admin and finance only (it may hold a secret); null for others"),
  webhookConfigured: z.boolean(),
  webhookFormat: z.enum(WEBHOOK_FORMATS),
  spentUsd: usd.describe("spent so far in the period (today included, partial)"),
  spentShare: z.number().describe("spent / amount (1 = 100%), compared in the budget's currency"),
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
