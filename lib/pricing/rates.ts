import { catalogueNumberToNanos } from "./decimal";

/**
 * Compiled, exact price tables. The catalogue's ModelPrice objects are compiled once per model into
 * bigint "rate cards", so the per-call path only compares numbers and multiplies bigints.
 */

/** Flat prices in force for one call: nano-USD per million tokens, or per thousand requests. */
export interface RateCard {
  /** As published (null = the model has no such price); used for display and tiering. */
  input: bigint | null;
  cacheRead: bigint | null;
  cacheWrite: bigint | null;
  output: bigint | null;
  /** What each token kind is actually billed at, fallbacks applied (see `billingRates`). */
  bill: {
    input: bigint;
    cacheRead: bigint;
    cacheWrite: bigint;
    /** 1-hour-TTL cache writes (Anthropic): their own price, else 2x input (see billingRates). */
    cacheWrite1h: bigint;
    output: bigint;
    reasoning: bigint;
    /** Per 1,000 requests. */
    requestsPerK: bigint;
  };
}

/**
 * A price period's cards by context-length band. genai-prices' tier rule (TieredPrices): start from `base`,
 * and for every tier whose `start` is below the call's TOTAL input tokens (cache reads/writes included),
 * that tier's price applies to ALL tokens of that kind in the call (not marginally). Each price key may have
 * its own thresholds, so we cut at the union of them: `cards[k]` applies when input > starts[k-1].
 */
export interface BandedCards {
  starts: number[];
  cards: RateCard[];
  /**
   * Server-side tool prices of the period, nano-USD per 1,000 calls (genai-prices `web_searches_kcount`,
   * `storage_searches_kcount` = file search), null when the catalogue has none. Not token prices: server-tools.ts.
   */
  tools?: { webSearchPerK: bigint | null; fileSearchPerK: bigint | null };
}

type RawPrice = number | { base: number; tiers: { start: number; price: number }[] } | undefined;

/** Price keys we can bill from token counts; anything else (audio hours, OCR pages, searches) we cannot. */
const BILLABLE_KEYS = new Set([
  "input_mtok",
  "cache_read_mtok",
  "cache_write_mtok",
  "cache_write_1h_mtok",
  "output_mtok",
  "output_reasoning_mtok",
  "requests_kcount",
]);

/**
 * Compiles one catalogue ModelPrice. Returns null when the period prices the model only in units we never
 * see (e.g. OCR pages, transcription hours): billing such calls 0 from their tokens would be a wrong price,
 * so they stay unpriced. An empty price object (":free" models) is a real price of 0.
 */
export function compileModelPrice(prices: Record<string, unknown>): BandedCards | null {
  const keys = Object.keys(prices).filter((k) => prices[k] !== undefined);
  if (keys.length > 0 && !keys.some((k) => BILLABLE_KEYS.has(k))) return null;

  const raw = (k: string) => prices[k] as RawPrice;
  const startSet = new Set<number>();
  for (const k of BILLABLE_KEYS) {
    const p = raw(k);
    if (typeof p === "object") for (const t of p.tiers) startSet.add(t.start);
  }
  const starts = [...startSet].sort((a, b) => a - b);
  // Band 0 is "input <= first start"; band k is "input > starts[k-1]" (and <= starts[k]).
  const cards = [undefined, ...starts].map((bandFloor) => {
    const at = (k: string) => priceInBand(raw(k), bandFloor);
    return rateCard(at("input_mtok"), at("cache_read_mtok"), at("cache_write_mtok"), at("output_mtok"), {
      reasoning: at("output_reasoning_mtok"),
      requestsPerK: at("requests_kcount"),
      cacheWrite1h: at("cache_write_1h_mtok"),
    });
  });
  const flat = (k: string) => (typeof raw(k) === "number" ? catalogueNumberToNanos(raw(k) as number) : null);
  return { starts, cards, tools: { webSearchPerK: flat("web_searches_kcount"), fileSearchPerK: flat("storage_searches_kcount") } };
}

/** Builds a card and its billing fallbacks (also used for database overrides). */
export function rateCard(
  input: bigint | null,
  cacheRead: bigint | null,
  cacheWrite: bigint | null,
  output: bigint | null,
  extra: { reasoning?: bigint | null; requestsPerK?: bigint | null; cacheWrite1h?: bigint | null } = {},
): RateCard {
  return { input, cacheRead, cacheWrite, output, bill: billingRates(input, cacheRead, cacheWrite, output, extra) };
}

/**
 * Fallbacks, the same as genai-prices' usage decomposition: a token kind without its own price is billed
 * as its parent kind (cache reads/writes as input, reasoning as output); a kind with no price at all (an
 * embedding model's output) costs 0.
 *
 * 1-hour cache writes are the exception: only Anthropic (and Claude on Bedrock/Vertex) has them, and
 * Anthropic bills them at 2x the base input price (5-minute writes: 1.25x) - "One-hour cache writes cost 2x
 * the base input price", platform.claude.com prompt-caching#pricing. So a card without a
 * cache_write_1h_mtok price (a price override, a catalogue entry that lacks it) bills them at 2x input.
 */
function billingRates(
  input: bigint | null,
  cacheRead: bigint | null,
  cacheWrite: bigint | null,
  output: bigint | null,
  extra: { reasoning?: bigint | null; requestsPerK?: bigint | null; cacheWrite1h?: bigint | null },
): RateCard["bill"] {
  const inputRate = input ?? 0n;
  const outputRate = output ?? 0n;
  return {
    input: inputRate,
    cacheRead: cacheRead ?? inputRate,
    cacheWrite: cacheWrite ?? inputRate,
    cacheWrite1h: extra.cacheWrite1h ?? inputRate * 2n,
    output: outputRate,
    reasoning: extra.reasoning ?? outputRate,
    requestsPerK: extra.requestsPerK ?? 0n,
  };
}

/** The price of one key for calls whose input tokens are above `bandFloor` (undefined = lowest band). */
function priceInBand(p: RawPrice, bandFloor: number | undefined): bigint | null {
  if (p === undefined) return null;
  if (typeof p === "number") return catalogueNumberToNanos(p);
  let price = p.base;
  if (bandFloor !== undefined) {
    // Tier applies when input > tier.start; in this band input > bandFloor and every start is an integer
    // from the union, so "tier.start < input" is exactly "tier.start <= bandFloor".
    for (const t of [...p.tiers].sort((a, b) => a.start - b.start)) if (t.start <= bandFloor) price = t.price;
  }
  return catalogueNumberToNanos(price);
}

/** Picks the card for a call's total input tokens. */
export function cardForInput(banded: BandedCards, inputTokens: number): RateCard {
  const { starts, cards } = banded;
  let i = 0;
  while (i < starts.length && inputTokens > starts[i]) i++;
  return cards[i];
}
