/**
 * Shapes shared by the pricing module. Kept apart so callers (ingest, API, what-if) can import types
 * without pulling in the price catalogue.
 */

/** One priced unit of usage: a single API call, or an aggregated usage bucket (see `requests`). */
export interface PricedCall {
  /** Catalogue provider id (run raw values through `normalizeProvider` first). */
  provider: string;
  model: string;
  /** Decides which dated price was in force, and time-of-day prices (e.g. DeepSeek off-peak). */
  occurredAt: Date;
  /** ALL input tokens: uncached + cache reads + cache writes (same meaning as UsageEvent). */
  inputTokens: number;
  /** Cache reads, a subset of inputTokens. */
  cachedInputTokens: number;
  /** Cache writes, a subset of inputTokens. */
  cacheWriteTokens: number;
  /** The 1-hour-TTL part of cacheWriteTokens (Anthropic bills it at 2x input, 5-minute writes at 1.25x). Default 0. */
  cacheWrite1hTokens?: number;
  /** All output tokens, reasoning included. */
  outputTokens: number;
  /**
   * Optional reasoning subset of outputTokens. Only matters for the few catalogue models that price
   * reasoning separately (output_reasoning_mtok, e.g. Perplexity sonar-deep-research); elsewhere reasoning
   * is billed as output.
   */
  reasoningTokens?: number;
  /**
   * Optional number of API requests this record stands for (default 1). Only matters for models with a
   * per-request fee (requests_kcount, e.g. Perplexity sonar): usage exports aggregate many calls per row.
   */
  requests?: number;
  /**
   * Optional provider grouping of the calls' context length (Anthropic usage report `context_window`, e.g.
   * "0-200k", "200k-1M"): picks the long-context tier of an aggregated record (per-call-tier.ts).
   */
  contextWindow?: string | null;
  /**
   * Optional input tokens of ONE call, to pick the context-length tier with, when the caller already knows it
   * (what-if groups priced from a roll-up bucket). Default: derived by tierInputPerCall (per-call-tier.ts).
   */
  tierInputTokens?: number;
  /** Server-side tool calls the record includes (server-tools.ts): priced per call, on top of tokens. */
  webSearches?: number;
  fileSearches?: number;
  batch: boolean;
  serviceTier: string | null;
}

/** 0 = no price known, 1 = genai-prices catalogue, 2 = a price override from the database. */
export type PriceSource = 0 | 1 | 2;

export const PRICE_SOURCE = { unpriced: 0, catalogue: 1, override: 2 } as const;

export interface PriceResult {
  /** Exact cost in integer nano-dollars (1e-9 USD), or null when no price is known. */
  costNanos: bigint | null;
  priceSource: PriceSource;
  overrideId: number | null;
  /**
   * Present (true) when the record stands for an unknown number of calls and no context-window grouping, its
   * total input is above the model's first long-context threshold, and it was therefore priced at the base tier
   * (per-call-tier.ts): ingestion counts these and says so in the import result.
   */
  assumedBaseTier?: true;
  /**
   * The part of costNanos that is server-side tool calls (web/file search), present when the record has any;
   * null inside means calls were made but no rate is known (they count as $0 and are left out of the cost).
   */
  toolCostNanos?: bigint | null;
}

/** A negotiated / custom price, as stored in price_overrides (Decimal columns arrive as strings). */
export interface PriceOverrideInput {
  id: number;
  provider: string;
  model: string;
  /** USD per million tokens, decimal string such as "2.5" or "2.500000000". */
  inputPerMtok: string;
  /** Cache-read price; null = the input price x the catalogue's cache-read/input ratio (input price if none). */
  cachedInputPerMtok: string | null;
  /** Cache-write price; null = the input price x the catalogue's cache-write/input ratio (input price if none). */
  cacheWritePerMtok: string | null;
  outputPerMtok: string;
  /** First instant the price applies (inclusive); the latest validFrom <= occurredAt wins. */
  validFrom: Date;
  /**
   * Optional long-context rates: calls whose input (one call's, per-call-tier.ts) is above `longContextAbove`
   * tokens are billed at the long_* rates (blank cache prices follow the same ratio rule as below). Without them,
   * the catalogue's own long-context tiers scale the override by the catalogue's ratios (overrides.ts).
   */
  longContextAbove?: number | null;
  longInputPerMtok?: string | null;
  longCachedInputPerMtok?: string | null;
  longCacheWritePerMtok?: string | null;
  longOutputPerMtok?: string | null;
  /** USD per 1,000 server-side web searches / file searches; null = the catalogue's dated rate. */
  webSearchPerK?: string | null;
  fileSearchPerK?: string | null;
}

export type ModelTier = "frontier" | "mid" | "small";

/**
 * What a call is billed at, as the pricer matched it (override or catalogue, dated aliases, the context-length tier
 * for the call's input size): nano-USD per million tokens of each kind (per thousand requests for request fees),
 * before `discountPct` (batch/flex) is taken off. FOCUS unit prices come from here, so they agree with our costs.
 */
export interface CallRates {
  bill: { input: bigint; cacheRead: bigint; cacheWrite: bigint; cacheWrite1h: bigint; output: bigint; reasoning: bigint; requestsPerK: bigint };
  discountPct: number;
  priceSource: PriceSource;
  overrideId: number | null;
  /** The record's call count was unknown and its total input crossed a tier threshold: the base tier was assumed. */
  assumedBaseTier?: true;
}

export interface Pricer {
  price(call: PricedCall): PriceResult;
  /** The rates `price` would use for this call (token counts matter only through the input size's tier); null when unpriced. */
  rates(call: PricedCall): CallRates | null;
  /** The server-side tool rates `price` would use for this call (override, else the catalogue's dated rates). */
  toolRates(call: PricedCall): ToolRates;
}

/** nano-USD per 1,000 server-side tool calls; null when no rate is known (server-tools.ts). */
export interface ToolRates {
  webSearchPerK: bigint | null;
  fileSearchPerK: bigint | null;
}
