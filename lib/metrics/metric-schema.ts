import { z } from "zod";
import { DATE_RE, isValidDate } from "@/lib/analytics/dates";

/**
 * Business metrics (issue 13 §3): a count per UTC day (tickets resolved, documents processed, active customers),
 * optionally for one team and/or workload, that spend is divided by. Public contract of POST /api/v1/metrics:
 * {date, name, value, team?, workload?}; the same (date, name, team, workload) sent again replaces the value.
 */
export const METRIC_NAME = /^[A-Za-z0-9][A-Za-z0-9 _.\-/]{0,63}$/;
/** Non-negative decimal, at most 21 digits before the point and 9 after (numeric(30,9)). */
export const METRIC_VALUE = /^\d{1,21}(\.\d{1,9})?$/;
export const MAX_METRICS_PER_REQUEST = 10_000;

const value = z
  .union([z.number().finite().nonnegative(), z.string()])
  .transform((v, ctx) => {
    // Numbers are taken as JSON wrote them (shortest round-trip), so 0.1 stays "0.1"; decimals beyond 9 places are refused, never rounded.
    const text = typeof v === "number" ? (Number.isInteger(v) ? BigInt(v).toString() : String(v)) : v.trim();
    if (!METRIC_VALUE.test(text)) {
      ctx.addIssue({ code: "custom", message: "must be a non-negative decimal with at most 9 decimal places, e.g. 1250 or \"12.5\"" });
      return z.NEVER;
    }
    return text;
  })
  .describe("the count for that day: a non-negative number or decimal string (stored exactly, 9 decimals)");

const slug = (what: string) => z.string().trim().min(1).max(256).nullish().describe(`${what} slug; absent = the whole organisation`);

export const MetricInputSchema = z.object({
  date: z
    .string()
    .regex(DATE_RE, "must be a date YYYY-MM-DD")
    .refine(isValidDate, "is not a calendar date")
    .describe("UTC day the value is for (YYYY-MM-DD)"),
  name: z.string().trim().regex(METRIC_NAME, "must be 1-64 letters, digits, spaces or _ . - /, starting with a letter or digit").describe("metric name, e.g. tickets_resolved"),
  value,
  team: slug("team"),
  workload: slug("workload"),
});
export type MetricInput = z.infer<typeof MetricInputSchema>;

/** One metric, or an array of them (a day's worth from a cron job). */
export const MetricsBodySchema = z.union([MetricInputSchema.transform((m) => [m]), z.array(MetricInputSchema).min(1).max(MAX_METRICS_PER_REQUEST)]);

export const MetricsResultSchema = z.object({
  stored: z.number().int().describe("values written (new or replaced)"),
  replaced: z.number().int().describe("of which replaced an earlier value for the same date, name, team and workload"),
});

export const MetricSeriesSchema = z.object({
  name: z.string(),
  team: z.string().nullable().describe("team slug, null = organisation-wide"),
  workload: z.string().nullable(),
  days: z.number().int(),
  firstDay: z.string(),
  lastDay: z.string(),
});
export type MetricSeries = z.infer<typeof MetricSeriesSchema>;
