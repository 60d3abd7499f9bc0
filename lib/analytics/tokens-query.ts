import { z } from "zod";
import { RangeParams } from "./spend-query";

/** GET /api/v1/spend/tokens-per-call: how big a workload's calls are (input size distribution, output, cache use). */
export const TokensQuerySchema = z.object({
  ...RangeParams,
  workload: z.string().min(1, "name a workload (slug), or unattributed"),
  model: z.string().min(1).optional().describe("model name, or provider/name"),
});
export type TokensQuery = z.infer<typeof TokensQuerySchema>;

export const SAMPLE_PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99] as const;
/** Calls the random sample aims for, and the largest share of the table's pages it may read to get them. */
export const SAMPLE_TARGET_CALLS = 3000;
export const SAMPLE_MAX_PAGES_PERCENT = 1;

const Percentiles = z.record(z.string(), z.number()).describe('keys "p10", "p25", "p50", "p75", "p90", "p99"');

export const TokensResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  workload: z.string(),
  calls: z.number().int().describe("calls (stored usage records) in the range"),
  mean: z.object({ input: z.number().nullable(), cachedInput: z.number().nullable(), output: z.number().nullable() }).describe("tokens per call"),
  byInputSize: z
    .array(
      z.object({
        from: z.number().int(),
        to: z.number().int().nullable(),
        calls: z.number().int(),
        share: z.number(),
        avgInput: z.number(),
        avgCachedInput: z.number(),
        avgOutput: z.number(),
        costUsd: z.string(),
      }),
    )
    .describe("every call of the range by input size [from, to): half-octave buckets of the what-if roll-up"),
  inputPercentiles: Percentiles.describe("interpolated within the input-size buckets"),
  sample: z
    .object({
      calls: z.number().int().describe("calls in the sample"),
      pagesPercent: z.number().describe("share of the stored calls' pages read at random (TABLESAMPLE SYSTEM)"),
      input: Percentiles,
      cachedInput: Percentiles,
      output: Percentiles,
    })
    .nullable()
    .describe(`exact percentiles over a random sample of the range's calls (about ${SAMPLE_TARGET_CALLS}; null when none was drawn)`),
});
export type TokensResponse = z.infer<typeof TokensResponseSchema>;
