/**
 * The additive measures of spend (what the roll-ups sum), with cost exact in nano-dollars. Pure: shared by the
 * server-side reducers and their unit tests.
 */
export interface Measures {
  costNanos: bigint;
  requests: number;
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  unpricedRequests: number;
  /** Stored rows without a price, whatever their request count (usage-report rows have none). */
  unpricedEvents: number;
  /** Stored rows whose request count is unknown (requests = 0), and their cost: per-call figures leave them out. */
  uncountedEvents: number;
  uncountedCostNanos: bigint;
  /**
   * The cost in the reporting currency, nano-units, when one was asked for (cube.ts `currency`): each usage_daily
   * row converted at its day's rate and rounded once, then summed, as lib/currency/spend-in-currency.ts does.
   */
  localCostNanos?: bigint;
}

export function zeroMeasures(): Measures {
  return {
    costNanos: 0n, requests: 0, inputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 0, reasoningTokens: 0, unpricedRequests: 0,
    unpricedEvents: 0, uncountedEvents: 0, uncountedCostNanos: 0n,
  };
}

/** Adds `b` into `a` (mutates and returns `a`). */
export function addMeasures(a: Measures, b: Measures): Measures {
  a.costNanos += b.costNanos;
  a.requests += b.requests;
  a.inputTokens += b.inputTokens;
  a.cachedInputTokens += b.cachedInputTokens;
  a.cacheWriteTokens += b.cacheWriteTokens;
  a.outputTokens += b.outputTokens;
  a.reasoningTokens += b.reasoningTokens;
  a.unpricedRequests += b.unpricedRequests;
  a.unpricedEvents += b.unpricedEvents;
  a.uncountedEvents += b.uncountedEvents;
  a.uncountedCostNanos += b.uncountedCostNanos;
  if (b.localCostNanos !== undefined) a.localCostNanos = (a.localCostNanos ?? 0n) + b.localCostNanos;
  return a;
}

/** The measure sums as SQL returns them (`::text` aliases cost, requests, input, cached, cache_write, output, reasoning, unpriced, unpriced_events, uncounted, uncounted_cost). */
export interface RawMeasures {
  cost: string;
  requests: string;
  input: string;
  cached: string;
  cache_write: string;
  output: string;
  reasoning: string;
  unpriced: string;
  unpriced_events: string;
  uncounted: string;
  uncounted_cost: string;
}

export function measuresFromRaw(r: RawMeasures): Measures {
  return {
    costNanos: BigInt(r.cost),
    requests: Number(r.requests),
    inputTokens: Number(r.input),
    cachedInputTokens: Number(r.cached),
    cacheWriteTokens: Number(r.cache_write),
    outputTokens: Number(r.output),
    reasoningTokens: Number(r.reasoning),
    unpricedRequests: Number(r.unpriced),
    unpricedEvents: Number(r.unpriced_events),
    uncountedEvents: Number(r.uncounted),
    uncountedCostNanos: BigInt(r.uncounted_cost),
  };
}

/** numerator / denominator as a fraction 0..1 (null when there is nothing to divide). */
export function share(numerator: bigint | number, denominator: bigint | number): number | null {
  if (typeof numerator === "bigint" || typeof denominator === "bigint") {
    const d = BigInt(denominator);
    if (d === 0n) return null;
    // Six significant decimals are plenty for a percentage; keeps the division in bigint.
    return Number((BigInt(numerator) * 1_000_000n) / d) / 1_000_000;
  }
  return denominator === 0 ? null : numerator / denominator;
}

/** Nano-dollars per `per` units (e.g. cost per 1,000 calls, per 1,000,000 tokens), rounded to the nano. */
export function costPer(costNanos: bigint, units: number, per: number): bigint | null {
  if (units <= 0) return null;
  const u = BigInt(Math.round(units));
  return (costNanos * BigInt(per) + u / 2n) / u;
}
