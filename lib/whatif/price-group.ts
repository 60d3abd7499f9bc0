/**
 * Prices a group of `calls` similar calls from its token sums.
 *
 * Approximation (documented in README.md): the group is priced as `calls` copies of its average call. Token sums
 * rarely divide evenly, so the average is split into whole-token calls that add up exactly to the sums:
 * (calls - 1) calls of floor(sum / calls) tokens per part, and one call carrying the remainder (< calls tokens more
 * per part). Consequences:
 * - exact when calls = 1, and exact for any group under linear (per-token) prices, since token sums are preserved;
 * - with tiered prices (e.g. a higher rate above 200k input tokens per call) each call is assumed to be about the
 *   average size, which is why the database layer buckets calls of similar size together.
 * At most two price look-ups per group, which keeps a 30-day scenario over millions of calls fast.
 */
import { sameParts, type TokenParts } from "./tokens";
import type { PriceFn } from "./types";

export interface PriceTarget {
  provider: string;
  model: string;
  occurredAt: Date;
  batch: boolean;
  serviceTier: string | null;
  /** One call's input size for the context-length tier, when known better than the average (CallGroup). */
  tierInputTokens?: number;
}

/** Cost of the group in nano-dollars, or null when the pricer has no price for the target. */
export function priceGroup(price: PriceFn, target: PriceTarget, calls: number, t: TokenParts): bigint | null {
  if (!Number.isInteger(calls) || calls < 1) throw new Error(`a call group needs a whole number of calls >= 1, got ${calls}`);
  const each: TokenParts = {
    uncached: Math.floor(t.uncached / calls),
    cached: Math.floor(t.cached / calls),
    write: Math.floor(t.write / calls),
    output: Math.floor(t.output / calls),
  };
  const last: TokenParts = {
    uncached: t.uncached - each.uncached * (calls - 1),
    cached: t.cached - each.cached * (calls - 1),
    write: t.write - each.write * (calls - 1),
    output: t.output - each.output * (calls - 1),
  };
  const lastCost = priceOne(price, target, last);
  if (lastCost === null || calls === 1) return lastCost;
  if (sameParts(last, each)) return lastCost * BigInt(calls);
  const eachCost = priceOne(price, target, each);
  return eachCost === null ? null : eachCost * BigInt(calls - 1) + lastCost;
}

// Two literals rather than a conditional spread: object spread costs microseconds per call in V8 (measured on
// Node 20), and recommendations price ~20,000 groups per request.
function priceOne(price: PriceFn, target: PriceTarget, t: TokenParts): bigint | null {
  const { provider, model, occurredAt, batch, serviceTier, tierInputTokens } = target;
  const inputTokens = t.uncached + t.cached + t.write;
  return (
    tierInputTokens === undefined
      ? price({ provider, model, occurredAt, inputTokens, cachedInputTokens: t.cached, cacheWriteTokens: t.write, outputTokens: t.output, batch, serviceTier })
      : price({ provider, model, occurredAt, inputTokens, cachedInputTokens: t.cached, cacheWriteTokens: t.write, outputTokens: t.output, batch, serviceTier, tierInputTokens })
  ).costNanos;
}
