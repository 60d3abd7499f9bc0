import { z } from "zod";
import { FilterParams, RangeParams } from "./spend-query";
import { MeasuresSchema, PreviousPeriodSchema } from "./breakdown-query";
import { CurrencyOutSchema } from "./currency-out";

/** GET /api/v1/spend/overview: the overview's KPIs for a range, plus this month's pace (always the current UTC month). */
export const OverviewQuerySchema = z.object({ ...RangeParams, ...FilterParams });
export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;

const usd = z.string().describe("decimal string in USD");
const fraction = z.number().nullable();

export const OverviewResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  previous: PreviousPeriodSchema,
  range: MeasuresSchema.extend({ previousCostUsd: usd, previousCost: z.string().optional().describe("previousCostUsd in the reporting currency, with `cost`"), changeShare: fraction }),
  currency: CurrencyOutSchema.describe("range.cost/previousCost are in it when it is not USD; the month pace and tiers stay USD"),
  coverage: z.object({
    teamShare: fraction.describe("share of spend attributed to a team"),
    workloadShare: fraction.describe("share of spend attributed to a workload"),
    unattributedCostUsd: usd.describe("spend without a team"),
    noWorkloadCostUsd: usd.describe("spend without a workload"),
    unattributedCost: z.string().optional().describe("unattributedCostUsd in the reporting currency"),
    noWorkloadCost: z.string().optional().describe("noWorkloadCostUsd in the reporting currency"),
  }),
  tiers: z.array(z.object({ tier: z.string(), costUsd: usd, requests: z.number().int(), spendShare: fraction, callShare: fraction, cost: z.string().optional().describe("costUsd in the reporting currency") })),
  month: z.object({
    today: z.string(),
    monthStart: z.string(),
    monthEnd: z.string(),
    monthToDateUsd: usd,
    lastMonthFrom: z.string(),
    lastMonthTo: z.string().describe("the same day last month (clamped to its last day)"),
    lastMonthUntil: z.string().nullable().describe("calls on lastMonthTo count only before this instant (the same time of day as now)"),
    comparisonLabel: z.string().describe("what the month-to-date change compares with"),
    lastMonthToSameDayUsd: usd,
    lastMonthTotalUsd: usd,
    changeShare: fraction.describe("month to date vs last month to the same day and time of day"),
    projectedUsd: usd.describe("month to date + weekday-aware run-rate to the month's end"),
    projectedLowUsd: usd,
    projectedHighUsd: usd,
    daysLeft: z.number().int(),
    inCurrency: z
      .object({
        monthToDate: z.string(),
        lastMonthToSameDay: z.string().nullable(),
        lastMonthTotal: z.string(),
        projected: z.string(),
        projectedLow: z.string(),
        projectedHigh: z.string(),
      })
      .nullable()
      .optional()
      .describe("the month's pace in the reporting currency (each day at its rate; absent for USD, null when a day of its history has no rate)"),
    currencyNote: z.string().optional().describe("why inCurrency is null"),
  }),
});
export type OverviewResponse = z.infer<typeof OverviewResponseSchema>;
