/**
 * Which context-length price tier a record's calls fall in, when one stored record stands for several calls.
 *
 * Long-context tiers are chosen per CALL (genai-prices' rule: a tier applies when one call's input is above its
 * start). A usage-export bucket (OpenAI Usage API, Anthropic usage report) sums many calls, so its total input
 * says nothing about one call: 1,000 ordinary 5k-token calls sum to 5M tokens, far above any threshold. The
 * input size used to pick the tier is therefore, in order of preference:
 *   1. the provider's own grouping: Anthropic's `context_window` ("0-200k", "200k-1M") says which side of the
 *      200k threshold every call of the bucket was on; the average is kept when it agrees, else clamped into it;
 *   2. the average input per call, floor(input / requests), when the record says how many calls it holds;
 *   3. nothing known (requests 0 = not reported, no context window): the base tier, flagged so the import says so.
 * A record of one call (requests = 1) is its own size, as before.
 *
 * lib/ingest/store/shape-rollup.ts (TIER_INPUT_SQL) computes the same size in SQL for the what-if roll-up.
 */

export type TierBasis = "call" | "average" | "context_window" | "assumed_base";

export interface TierInput {
  /** Input tokens of one call, to compare with tier starts. */
  tokens: number;
  basis: TierBasis;
}

/** A context-window grouping as a band of one call's input tokens: lo < input <= hi (hi null = no upper end). */
export interface ContextBand {
  lo: number;
  hi: number | null;
}

const UNIT: Record<string, number> = { "": 1, k: 1_000, m: 1_000_000 };

/** "0-200k" -> {lo 0, hi 200000}; "200k-1M" -> {lo 200000, hi 1000000}; null when not a band we can read. */
export function parseContextWindow(text: string | null | undefined): ContextBand | null {
  if (!text) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*-\s*(\d+(?:\.\d+)?)?\s*([kKmM]?)\s*$/.exec(text);
  if (!m) return null;
  const lo = Math.round(Number(m[1]) * UNIT[m[2].toLowerCase()]);
  const hi = m[3] === undefined ? null : Math.round(Number(m[3]) * UNIT[m[4].toLowerCase()]);
  if (hi !== null && hi <= lo) return null;
  return { lo, hi };
}

/**
 * One call's input size for tier choice. `requests` 0 means "not reported" (lib/ingest/usage-event.ts).
 */
export function tierInputPerCall(inputTokens: number, requests: number | undefined, contextWindow?: string | null): TierInput {
  const n = requests ?? 1;
  const band = parseContextWindow(contextWindow);
  if (band !== null) {
    // Smallest input inside the band: tiers apply when input > start, so lo + 1 is above a start equal to lo.
    const floor = band.lo === 0 ? 0 : band.lo + 1;
    const average = n > 0 ? Math.floor(inputTokens / n) : floor;
    const tokens = Math.max(floor, band.hi === null ? average : Math.min(band.hi, average));
    return { tokens, basis: "context_window" };
  }
  if (n === 1) return { tokens: inputTokens, basis: "call" };
  if (n > 1) return { tokens: Math.floor(inputTokens / n), basis: "average" };
  return { tokens: 0, basis: "assumed_base" };
}
