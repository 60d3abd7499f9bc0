import { z } from "zod";
import { BREAKDOWN_BYS } from "./breakdown";
import { FilterParams, RangeParams } from "./spend-query";
import { CurrencyOutSchema } from "./currency-out";
export { CurrencyOutSchema, type CurrencyOut } from "./currency-out";

/** GET /api/v1/spend/breakdown: the explorer's tables (teams, workloads, models, providers, tiers). */
export const BreakdownQuerySchema = z.object({
  ...RangeParams,
  by: z.enum(BREAKDOWN_BYS, { message: `must be one of ${BREAKDOWN_BYS.join(", ")}` }).default("team"),
  ...FilterParams,
});
export type BreakdownQuery = z.infer<typeof BreakdownQuerySchema>;

const usd = z.string().describe("decimal string in USD");
const fraction = z.number().nullable().describe("0..1; null when there is nothing to divide");

/** Sums of a period plus the ratios every table shows. */
export const MeasuresSchema = z.object({
  costUsd: usd,
  requests: z.number().int(),
  inputTokens: z.number().int(),
  cachedInputTokens: z.number().int(),
  cacheWriteTokens: z.number().int(),
  outputTokens: z.number().int(),
  reasoningTokens: z.number().int(),
  unpricedRequests: z.number().int(),
  unpricedEvents: z.number().int().describe("stored rows without a price, whatever their request count (usage-report rows carry none)"),
  uncountedEvents: z.number().int().describe("stored rows whose request count is unknown (usage-report buckets): counted in cost and tokens, left out of per-call figures"),
  costPer1kCallsUsd: usd.nullable().describe("cost of the rows with a request count / their requests x 1,000 (rows without one are left out: uncountedEvents)"),
  pricePerMtokUsd: usd.nullable().describe("effective price per million tokens (input + output)"),
  cacheHitShare: fraction.describe("cached input tokens / input tokens"),
  cost: z.string().optional().describe("costUsd in the reporting currency (`currency`), present when one other than USD is set: each day at its rate"),
});
export type MeasuresOut = z.infer<typeof MeasuresSchema>;

const Ref = z.object({ key: z.string(), label: z.string() });

export const BreakdownRowSchema = MeasuresSchema.extend({
  key: z.string().describe("slug, provider/model, provider or tier; `unattributed` for spend no team/workload owns"),
  label: z.string(),
  previousCostUsd: usd.describe("the same measure over the previous period of equal length"),
  previousCost: z.string().optional().describe("previousCostUsd in the reporting currency, with `cost`"),
  changeShare: fraction.describe("(cost - previous) / previous"),
  spendShare: fraction.describe("this row's share of the total cost"),
  frontierSpendShare: fraction,
  frontierCallShare: fraction,
  tierCostUsd: z.record(z.string(), usd).describe("cost per model tier: frontier, mid, small, unknown"),
  team: Ref.nullable().describe("owner team of a workload"),
  provider: z.string().nullable(),
  tier: z.string().nullable().describe("model tier; for other rows, the tier with most spend"),
  tierSource: z.string().nullable(),
  modelId: z.number().int().nullable(),
  topModel: Ref.extend({ tier: z.string(), share: fraction }).nullable(),
  models: z.number().int(),
  workloads: z.number().int(),
  teams: z.number().int(),
});
export type BreakdownRow = z.infer<typeof BreakdownRowSchema>;

/** What "vs previous" compares with (lib/analytics/comparison.ts: one rule for every page, report and API). */
export const PreviousPeriodSchema = z.object({
  from: z.string(),
  to: z.string(),
  until: z.string().nullable().describe("ISO instant: calls on `to` count only before it (a still-filling range is compared to the same time of day); null = the whole day"),
  rule: z.enum(["calendar", "month-to-date", "rolling"]).describe("calendar: whole months vs the months before; month-to-date: vs last month to the same day and time; rolling: vs the same number of days before"),
  label: z.string().describe('what is compared, for people, e.g. "vs October 2026"'),
});

export const BreakdownResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  previous: PreviousPeriodSchema,
  by: z.enum(BREAKDOWN_BYS),
  rows: z.array(BreakdownRowSchema),
  totals: MeasuresSchema.extend({ previousCostUsd: usd, previousCost: z.string().optional() }),
  currency: CurrencyOutSchema,
});
export type BreakdownResponse = z.infer<typeof BreakdownResponseSchema>;
