import { z } from "zod";
import { MonthSavingsSchema } from "@/lib/rollouts/rollout-schema";
import { AnomalySchema } from "@/lib/anomaly-scan/anomaly-query";
import { ChangeFieldsSchema, ChangeInCurrencySchema, ChangeRowSchema } from "@/lib/change/change-query";
import { FOCUS_VERSIONS } from "./focus/focus-columns";
import { BUDGET_PERIODS, BUDGET_STATUSES } from "@/lib/budgets/budget-schema";
import { ChargebackResponseSchema } from "@/lib/chargeback/chargeback-schema";
import { RestatementSchema } from "./close/close-schema";
import { UnitCostRowSchema } from "@/lib/metrics/unit-cost-schema";

/** GET /api/v1/reports/monthly: the month's report as JSON, or as CSV, FOCUS 1.3 (or 1.2) CSV or PDF downloads. */
export const REPORT_FORMATS = ["json", "csv", "focus", "pdf", "unit-costs"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const MonthlyReportQuerySchema = z.object({
  month: z.string({ message: "give a month, e.g. month=2026-10" }).describe("UTC month YYYY-MM"),
  format: z.enum(REPORT_FORMATS, { message: `must be one of ${REPORT_FORMATS.join(", ")}` }).default("json")
    .describe("json (this schema) | csv (one row per team x workload x model x day) | focus (FOCUS CSV, see focusVersion) | pdf | unit-costs (CSV: cost per unit of each business metric vs the previous month)"),
  focusVersion: z.enum(FOCUS_VERSIONS, { message: `must be one of ${FOCUS_VERSIONS.join(", ")}` }).default("1.3")
    .describe("FOCUS version of format=focus: 1.3 (default; ServiceProviderName, HostProviderName) or 1.2"),
});

const usd = z.string().describe("decimal string in USD");
const fraction = z.number().nullable().describe("0..1; null when there is nothing to divide");

export const ReportRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  costUsd: usd,
  share: fraction.describe("share of the month's total"),
  previousCostUsd: usd,
  changeShare: fraction.describe("(cost - previous) / previous"),
  requests: z.number().int(),
  tokens: z.number().int().describe("input + output tokens"),
  unpricedRequests: z.number().int(),
  detail: z.string().nullable().describe("owner team of a workload, tier of a model"),
  cost: z.string().optional().describe("costUsd in the reporting currency (absent for USD)"),
  previousCost: z.string().nullable().optional().describe("previousCostUsd in the reporting currency; null when a day of the previous month has no rate"),
});
export type ReportRow = z.infer<typeof ReportRowSchema>;

export const ReportBudgetSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  period: z.enum(BUDGET_PERIODS),
  periodKey: z.string(),
  amountUsd: usd,
  actualUsd: usd.describe("spent in the budget's period through the report's last day"),
  actualShare: z.number(),
  forecastUsd: usd.describe("actual + expected to the period's end (= actual when the period ends within the month)"),
  currency: z.string().describe("the budget's currency (USD, or the reporting currency it was set in); status compares in it"),
  amount: z.string().describe("amount in currency"),
  actual: z.string().describe("actualUsd in currency, each day at its rate"),
  forecast: z.string().describe("forecastUsd in currency"),
  status: z.enum(BUDGET_STATUSES),
});

export const MonthlyReportSchema = z.object({
  month: z.string(),
  monthName: z.string(),
  from: z.string(),
  to: z.string().describe("last day covered: the month's end, or today for the month in progress"),
  complete: z.boolean().describe("false while the month is in progress"),
  generatedAt: z.string(),
  dataAsOf: z.string().describe("when the newest data arrived (the last import or API batch); the report covers data received until then"),
  closed: z.object({ closedAt: z.string(), closedBy: z.string() }).nullable()
    .describe("the month was closed by finance: later data is kept and listed in `restatement.adjustments`; reopen with DELETE /api/v1/reports/closed-months/{month}"),
  restatement: RestatementSchema.nullable(),
  scope: z.object({ allTeams: z.boolean(), teams: z.array(z.string()).describe("team slugs, when limited (leads)") }),
  currency: z.string().describe("the reporting currency (PUT /api/v1/currency); when not USD, the un-suffixed amount fields (cost, previousCost, change, inCurrency) carry it"),
  rateRule: z.string().describe("how amounts were converted, in words"),
  totals: z.object({
    cost: z.string().optional().describe("costUsd in the reporting currency"),
    costUsd: usd,
    requests: z.number().int(),
    inputTokens: z.number().int(),
    cachedInputTokens: z.number().int(),
    cacheWriteTokens: z.number().int(),
    outputTokens: z.number().int(),
    reasoningTokens: z.number().int(),
    unpricedRequests: z.number().int(),
    unpricedEvents: z.number().int().describe("stored rows without a price, whatever their request count"),
    uncountedEvents: z.number().int().describe("stored rows without a request count (usage-report buckets)"),
  }),
  nonToken: z
    .object({
      tokensCostUsd: usd.describe("model tokens: the total minus the non-token charges"),
      serverToolsCostUsd: usd.describe("server-side tool calls (web search, file search), priced per call"),
      byModel: z.array(z.object({ key: z.string(), costUsd: usd })),
    })
    .describe("the month's total split into tokens and non-token charges (included in totals.costUsd)"),
  previous: z.object({
    month: z.string(),
    from: z.string(),
    to: z.string(),
    until: z.string().nullable().describe("calls on `to` count only before this instant (month in progress: the same time of day as now)"),
    rule: z.enum(["calendar", "month-to-date", "rolling"]),
    label: z.string().describe('what is compared, e.g. "vs October 2026"'),
    costUsd: usd,
    changeUsd: usd,
    changeShare: fraction,
    cost: z.string().nullable().optional().describe("costUsd in the reporting currency; null when a day has no rate"),
    change: z.string().nullable().optional().describe("totals.cost - previous.cost in the reporting currency"),
  }),
  daily: z.array(z.object({ day: z.string(), costUsd: usd, cost: z.string().optional().describe("in the reporting currency") })),
  reportingCurrency: z.object({
    currency: z.string().describe("ISO 4217 code (USD unless one is set: PUT /api/v1/currency)"),
    cost: z.string().describe("the month's spend in that currency, each day at its rate (last on or before the day)"),
    previousCost: z.string(),
    byTeam: z.array(z.object({ key: z.string(), cost: z.string() })),
  }),
  change: z.object({
    currency: z.string(),
    currencyNote: z.string().optional().describe("why inCurrency is null: a day of the previous month without a rate"),
    totals: ChangeFieldsSchema.extend({ explanation: z.string(), inCurrency: ChangeInCurrencySchema }).describe("the organisation's (or the caller's teams') change vs the previous month, in five exact parts (see GET /api/v1/spend/change)"),
    byTeam: z.array(ChangeRowSchema),
  }),
  byTeam: z.array(ReportRowSchema),
  byWorkload: z.array(ReportRowSchema),
  byModel: z.array(ReportRowSchema),
  byTier: z.array(ReportRowSchema),
  byProvider: z.array(ReportRowSchema),
  budgets: z.array(ReportBudgetSchema),
  chargeback: ChargebackResponseSchema.describe("direct, allocated (shared and unattributed spend by the allocation rules) and total per team"),
  coverage: z.object({
    teamShare: fraction.describe("share of cost attributed to a team"),
    workloadShare: fraction.describe("share of cost attributed to a workload"),
    unattributedCostUsd: usd,
    noWorkloadCostUsd: usd,
    unattributedCost: z.string().optional().describe("in the reporting currency"),
    noWorkloadCost: z.string().optional().describe("in the reporting currency"),
  }),
  unpriced: z.object({
    requests: z.number().int(),
    events: z.number().int().describe("rows without a price, including usage-report rows that carry no request count"),
    requestShare: fraction,
    models: z.array(z.object({ key: z.string(), requests: z.number().int() })).describe("models without a price: their usage counts as $0"),
  }),
  anomalies: z.array(AnomalySchema),
  recommendations: z.object({
    available: z.boolean(),
    message: z.string().nullable(),
    items: z.array(
      z.object({
        workload: z.string(),
        currentModel: z.string(),
        candidateModel: z.string(),
        monthlySavingUsd: usd,
        confidence: z.string(),
        evidence: z.string(),
      }),
    ),
  }),
  savingsDelivered: MonthSavingsSchema.describe("realised savings of applied rollouts on the month's days (lib/rollouts)"),
  unitCosts: z.array(UnitCostRowSchema).describe("cost per unit of each business metric (POST /api/v1/metrics) this month and its change vs the previous month"),
});
export type MonthlyReport = z.infer<typeof MonthlyReportSchema>;
