import { z } from "zod";
import { RangeParams } from "./spend-query";

/** GET /api/v1/spend/tokens-per-call: the distribution of tokens per call of one workload (a bounded sample). */
export const TOKENS_SAMPLE_MAX = 20_000;

export const TokensQuerySchema = z.object({
  ...RangeParams,
  workload: z.string().min(1, "name a workload (slug), or unattributed"),
  model: z.string().min(1).optional().describe("model name, or provider/name"),
});
export type TokensQuery = z.infer<typeof TokensQuerySchema>;

export const PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99] as const;

const Distribution = z.object({
  mean: z.number().nullable(),
  percentiles: z.record(z.string(), z.number()).describe('keys "p10", "p25", "p50", "p75", "p90", "p99"'),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), calls: z.number().int() })).describe("power-of-two buckets [from, to)"),
});

export const TokensResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  workload: z.string(),
  sampledCalls: z.number().int().describe(`calls read: the latest ones of each twentieth of the range, at most ${TOKENS_SAMPLE_MAX} in all`),
  sampleFrom: z.string().nullable().describe("time of the oldest sampled call"),
  sampleTo: z.string().nullable().describe("time of the newest sampled call"),
  input: Distribution,
  cachedInput: Distribution,
  output: Distribution,
});
export type TokensResponse = z.infer<typeof TokensResponseSchema>;
export type TokenDistribution = z.infer<typeof Distribution>;
