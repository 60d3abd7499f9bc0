import { z } from "zod";
import { DATE_RE } from "./dates";
import { CurrencyOutSchema } from "./currency-out";

/** GET /api/v1/spend query parameters (public contract; documented in the OpenAPI document). */
export const GROUP_BYS = ["team", "workload", "model", "provider", "tier", "user", "day", "week", "month"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const TIERS = ["frontier", "mid", "small"] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_FILTERS = [...TIERS, "unknown"] as const;

/** The date range every explorer endpoint takes: UTC days, both ends inclusive (default: this month to date). */
export const RangeParams = {
  from: z.string().regex(DATE_RE, "must be a date YYYY-MM-DD").optional().describe("first UTC day, inclusive (default: first day of this month)"),
  to: z.string().regex(DATE_RE, "must be a date YYYY-MM-DD").optional().describe("last UTC day, inclusive (default: today)"),
};

/** The filters every explorer endpoint takes; values are checked against what exists (lib/analytics/check-filters.ts). */
export const FilterParams = {
  team: z.string().min(1).optional().describe("team slug, or `unattributed`"),
  workload: z.string().min(1).optional().describe("workload slug, or `unattributed`"),
  model: z.string().min(1).optional().describe("model name, or provider/name"),
  provider: z.string().min(1).optional(),
  tier: z.enum(TIER_FILTERS, { message: `must be one of ${TIER_FILTERS.join(", ")}` }).optional(),
};
export type SpendFilters = { team?: string; workload?: string; model?: string; provider?: string; tier?: (typeof TIER_FILTERS)[number] };

/** `tag:<key>` groups by a promoted tag key (lib/dimensions); the key's syntax is TAG_KEY_RE there. */
export const TAG_GROUP_PREFIX = "tag:";
const GROUP_BY_RE = new RegExp(`^(${GROUP_BYS.join("|")}|tag:[A-Za-z0-9_.:/-]{1,128})$`);
export const DEFAULT_TOP = 20;

export const SpendQuerySchema = z.object({
  ...RangeParams,
  groupBy: z
    .string()
    .regex(GROUP_BY_RE, `must be one of ${GROUP_BYS.join(", ")}, or tag:<key> for a promoted tag key (GET /api/v1/dimensions)`)
    .default("team")
    .describe(`${GROUP_BYS.join(", ")}, or tag:<key> (a promoted tag key; calls without the tag are the "(none)" row)`),
  ...FilterParams,
  top: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe(`groupBy=tag:<key> only: keep the N costliest values (default ${DEFAULT_TOP}) and fold the rest into "(other)"; "(none)" is always its own row`),
});
/**
 * `tag`: the `tag.<key>=<value>` filter (its name is dynamic, so it is read beside the schema: tag-params.ts);
 * value "(none)" selects calls without the tag.
 */
export type SpendQuery = z.infer<typeof SpendQuerySchema> & { tag?: { key: string; value: string } };

export const SpendRowSchema = z.object({
  key: z.string().describe('group key: slug, model id, provider, tier, user, date (YYYY-MM-DD), or a tag value ("(none)": calls without the tag; "(other)": values past the top N)'),
  label: z.string(),
  costUsd: z.string().describe("our computed cost, decimal string in USD"),
  inputTokens: z.number().int(),
  cachedInputTokens: z.number().int(),
  cacheWriteTokens: z.number().int(),
  outputTokens: z.number().int(),
  reasoningTokens: z.number().int(),
  requests: z.number().int(),
  unpricedRequests: z.number().int(),
  unpricedEvents: z.number().int().describe("stored rows without a price, whatever their request count (usage-report rows carry none)"),
  uncountedEvents: z.number().int().describe("stored rows whose request count is unknown (usage-report buckets): counted in cost and tokens, left out of per-call figures"),
  cost: z.string().optional().describe("costUsd in the reporting currency (response `currency`), present when one other than USD is set: each day at its rate"),
});
export type SpendRow = z.infer<typeof SpendRowSchema>;

export const SpendResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.string().describe("as asked: one of the fixed groupings or tag:<key>"),
  rows: z.array(SpendRowSchema),
  totals: SpendRowSchema.omit({ key: true, label: true }),
  currency: CurrencyOutSchema,
});
export type SpendResponse = z.infer<typeof SpendResponseSchema>;
