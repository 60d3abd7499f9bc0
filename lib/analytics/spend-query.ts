import { z } from "zod";
import { DATE_RE } from "./dates";

/** GET /api/v1/spend query parameters (public contract; documented in the OpenAPI document). */
export const GROUP_BYS = ["team", "workload", "model", "provider", "tier", "user", "day", "week", "month"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const SpendQuerySchema = z.object({
  from: z.string().regex(DATE_RE, "must be a date YYYY-MM-DD").optional(),
  to: z.string().regex(DATE_RE, "must be a date YYYY-MM-DD").optional(),
  groupBy: z.enum(GROUP_BYS, { message: `must be one of ${GROUP_BYS.join(", ")}` }).default("team"),
  team: z.string().min(1).optional(),
  workload: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  provider: z.string().min(1).optional(),
  tier: z.enum(["frontier", "mid", "small", "unknown"], { message: "must be one of frontier, mid, small, unknown" }).optional(),
});
export type SpendQuery = z.infer<typeof SpendQuerySchema>;

export const SpendRowSchema = z.object({
  key: z.string().describe("group key: slug, model id, provider, tier, user, or date (YYYY-MM-DD)"),
  label: z.string(),
  costUsd: z.string().describe("our computed cost, decimal string in USD"),
  inputTokens: z.number().int(),
  cachedInputTokens: z.number().int(),
  cacheWriteTokens: z.number().int(),
  outputTokens: z.number().int(),
  reasoningTokens: z.number().int(),
  requests: z.number().int(),
  unpricedRequests: z.number().int(),
});
export type SpendRow = z.infer<typeof SpendRowSchema>;

export const SpendResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(GROUP_BYS),
  rows: z.array(SpendRowSchema),
  totals: SpendRowSchema.omit({ key: true, label: true }),
});
export type SpendResponse = z.infer<typeof SpendResponseSchema>;
