import { z } from "zod";
import { FilterParams, RangeParams } from "./spend-query";

/** GET /api/v1/spend/series: spend per day/week/month, stacked by one dimension (charts). */
export const SERIES_INTERVALS = ["day", "week", "month"] as const;
export const SERIES_STACKS = ["team", "workload", "model", "provider", "tier", "none"] as const;
export type SeriesStack = (typeof SERIES_STACKS)[number];
const STACK_RE = new RegExp(`^(${SERIES_STACKS.join("|")}|tag:[A-Za-z0-9_.:/-]{1,128})$`);
/** Key of the series that folds every series past `top`. */
export const OTHER_SERIES = "(other)";

export const SeriesQuerySchema = z.object({
  ...RangeParams,
  interval: z.enum(SERIES_INTERVALS, { message: `must be one of ${SERIES_INTERVALS.join(", ")}` }).default("day"),
  stackBy: z
    .string()
    .regex(STACK_RE, `must be one of ${SERIES_STACKS.join(", ")}, or tag:<key> for a promoted tag key`)
    .default("team")
    .describe(`${SERIES_STACKS.join(", ")}, or tag:<key> (a promoted tag key: calls without the tag are the "(none)" series, always kept)`),
  top: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(25, "must be at most 25").default(8)
    .describe("series kept; the rest are summed into `(other)`. Unattributed spend always keeps its own series"),
  ...FilterParams,
});
/** `tag`: the tag.<key>=<value> filter, read beside the schema (tag-params.ts), as for GET /api/v1/spend. */
export type SeriesQuery = z.infer<typeof SeriesQuerySchema> & { tag?: { key: string; value: string } };

export const SeriesResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  interval: z.enum(SERIES_INTERVALS),
  stackBy: z.string(),
  partialBucket: z.string().nullable().describe("the bucket that holds today and is still filling (charts shade it; it is not a complete day, week or month); null when the range is over"),
  currency: z.string().optional().describe("the reporting currency of `cost` / `valuesInCurrency` (absent: USD only)"),
  series: z.array(z.object({ key: z.string(), label: z.string(), costUsd: z.string(), requests: z.number().int(), cost: z.string().optional().describe("in the reporting currency") })),
  points: z.array(
    z.object({
      bucket: z.string().describe("YYYY-MM-DD (day, or Monday of the week) or YYYY-MM"),
      costUsd: z.string(),
      requests: z.number().int(),
      values: z.record(z.string(), z.string()).describe("cost per series key, decimal USD; every series has a value (zero-filled)"),
      cost: z.string().optional().describe("costUsd in the reporting currency, each day at its rate"),
      valuesInCurrency: z.record(z.string(), z.string()).optional().describe("values in the reporting currency"),
    }),
  ),
});
export type SeriesResponse = z.infer<typeof SeriesResponseSchema>;
