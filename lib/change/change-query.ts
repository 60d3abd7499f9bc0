import { z } from "zod";
import { DATE_RE } from "@/lib/analytics/dates";
import { FilterParams, RangeParams } from "@/lib/analytics/spend-query";

/** GET /api/v1/spend/change: the change between two periods, per group, in five additive parts. */
export const CHANGE_GROUP_BYS = ["org", "team", "workload"] as const;
export type ChangeGroupBy = (typeof CHANGE_GROUP_BYS)[number];

const day = (what: string) => z.string().regex(DATE_RE, "must be a date YYYY-MM-DD").optional().describe(what);

export const ChangeQuerySchema = z.object({
  ...RangeParams,
  vsFrom: day("first UTC day of the base period (default: `from` one month earlier)"),
  vsTo: day("last UTC day of the base period (default: `to` one month earlier, clamped to that month's end)"),
  groupBy: z.enum(CHANGE_GROUP_BYS, { message: `must be one of ${CHANGE_GROUP_BYS.join(", ")}` }).default("org"),
  team: FilterParams.team,
  workload: FilterParams.workload,
});
export type ChangeQuery = z.infer<typeof ChangeQuerySchema>;

const usd = (what: string) => z.string().describe(`${what}; decimal string in USD (exact to the nano-dollar)`);

export const ChangePartsSchema = z.object({
  volumeUsd: usd("more or fewer calls at the base mix and cost per call"),
  mixUsd: usd("calls moving between models (a new model's whole cost counts here)"),
  priceUsd: usd("unit prices per token type changing: provider repricing, price overrides, long-context tiers"),
  tokensUsd: usd("more or fewer input/output tokens per call"),
  cacheUsd: usd("a different share of input read from or written to the prompt cache"),
});

export const ChangeFieldsSchema = z.object({
  baseUsd: usd("spend in the base period (vsFrom..vsTo)"),
  currentUsd: usd("spend in the current period (from..to)"),
  changeUsd: usd("currentUsd - baseUsd = the sum of the parts, exactly"),
  parts: ChangePartsSchema,
});

/** The same change in the reporting currency (each day's cost at that day's rate, last on or before it). */
export const ChangeInCurrencySchema = z.object({
  base: z.string(),
  current: z.string(),
  change: z.string().describe("current - base = the sum of the parts, exactly (in the currency)"),
  parts: z.object({ volume: z.string(), mix: z.string(), price: z.string(), tokens: z.string(), cache: z.string() }),
  explanation: z.string(),
}).nullable().optional().describe("amounts in the reporting currency (present when one other than USD is set; null when a day has no rate)");

export const ChangeRowSchema = ChangeFieldsSchema.extend({
  key: z.string().describe("`organisation`, a team or workload slug, or `unattributed`"),
  label: z.string(),
  explanation: z.string().describe('the change in words, e.g. "+$412.00: 80% volume, 20% switch to a pricier model"'),
  inCurrency: ChangeInCurrencySchema,
});

export const ChangeResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  vsFrom: z.string(),
  vsTo: z.string(),
  groupBy: z.enum(CHANGE_GROUP_BYS),
  currency: z.string().describe("the reporting currency of `inCurrency` (USD: no inCurrency)"),
  currencyNote: z.string().optional().describe("why inCurrency is null (a day without a rate)"),
  rows: z.array(ChangeRowSchema),
  totals: ChangeFieldsSchema.extend({ explanation: z.string(), inCurrency: ChangeInCurrencySchema }).describe("the sums of the rows' fields"),
});
export type ChangeResponse = z.infer<typeof ChangeResponseSchema>;
export type ChangeRowOut = z.infer<typeof ChangeRowSchema>;
