import type { RateCard } from "./rates";

/**
 * Exact cost of one call: integers all the way, one rounding at the end.
 *
 *   cost_nanos = round_half_up( (sum_i tokens_i * nanosPerMtok_i + requests * nanosPerKRequests * 1000)
 *                               * (100 - discountPct) / (100 * 1_000_000) )
 *
 * Rounding once per call (not per token kind) keeps the total within half a nano-dollar of the true price.
 */

const PER_MILLION = 1_000_000n;

export interface TokenCounts {
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  /** The 1-hour-TTL part of cacheWriteTokens (Anthropic), billed at its own rate. Default 0. */
  cacheWrite1hTokens?: number;
  outputTokens: number;
  reasoningTokens?: number;
  requests?: number;
}

export function exactCostNanos(rates: RateCard["bill"], t: TokenCounts, discountPct: number): bigint {
  const reasoning = t.reasoningTokens ?? 0;
  // Token partitions (lib/ingest/usage-event.ts): cache reads and writes are subsets of inputTokens,
  // reasoning is a subset of outputTokens.
  const uncached = t.inputTokens - t.cachedInputTokens - t.cacheWriteTokens;
  const plainOutput = t.outputTokens - reasoning;
  // 1-hour cache writes are a subset of cacheWriteTokens with their own rate (2x input at Anthropic).
  const write1h = t.cacheWrite1hTokens ?? 0;

  let micro =
    BigInt(uncached) * rates.input +
    BigInt(t.cachedInputTokens) * rates.cacheRead +
    BigInt(t.cacheWriteTokens - write1h) * rates.cacheWrite +
    BigInt(plainOutput) * rates.output;
  if (write1h !== 0) micro += BigInt(write1h) * rates.cacheWrite1h;
  if (reasoning !== 0) micro += BigInt(reasoning) * rates.reasoning;
  // Per-request fees are per 1,000 requests: n * rate / 1000 = n * rate * 1000 / 1e6.
  if (rates.requestsPerK !== 0n) micro += BigInt(t.requests ?? 1) * rates.requestsPerK * 1000n;

  if (discountPct === 0) return (micro + PER_MILLION / 2n) / PER_MILLION;
  const denominator = 100n * PER_MILLION;
  return (micro * BigInt(100 - discountPct) + denominator / 2n) / denominator;
}

/**
 * A usage record whose counts cannot be priced (negative, fractional, or cache/reasoning subsets larger than
 * their total). `field` names the offending field so ingestion can reject just that record
 * (RejectedRecord {index, field, message}) instead of failing the batch.
 */
export class InvalidUsageError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "InvalidUsageError";
  }
}

/** Rejects counts that would make the price meaningless. Parsers validate first; this is the last guard. */
export function assertValidCounts(t: TokenCounts): void {
  // Plain calls, no arrays: this runs for every ingested record.
  checkCount("inputTokens", t.inputTokens);
  checkCount("cachedInputTokens", t.cachedInputTokens);
  checkCount("cacheWriteTokens", t.cacheWriteTokens);
  checkCount("outputTokens", t.outputTokens);
  if (t.reasoningTokens !== undefined) checkCount("reasoningTokens", t.reasoningTokens);
  if (t.requests !== undefined) checkCount("requests", t.requests);
  if (t.cacheWrite1hTokens !== undefined) {
    checkCount("cacheWrite1hTokens", t.cacheWrite1hTokens);
    if (t.cacheWrite1hTokens > t.cacheWriteTokens) {
      throw new InvalidUsageError(
        "cacheWrite1hTokens",
        `1-hour cache writes (${t.cacheWrite1hTokens}) exceed all cache writes (${t.cacheWriteTokens}); cacheWriteTokens must include them`,
      );
    }
  }
  if (t.cachedInputTokens + t.cacheWriteTokens > t.inputTokens) {
    throw new InvalidUsageError(
      "cachedInputTokens",
      `cache reads (${t.cachedInputTokens}) + cache writes (${t.cacheWriteTokens}) exceed inputTokens (${t.inputTokens}); inputTokens must include them`,
    );
  }
  if ((t.reasoningTokens ?? 0) > t.outputTokens) {
    throw new InvalidUsageError("reasoningTokens", `reasoningTokens (${t.reasoningTokens}) exceed outputTokens (${t.outputTokens})`);
  }
}

function checkCount(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidUsageError(field, `${field} must be a non-negative integer, got ${value}`);
}
