import type { PriceOverrideInput } from "./types";
import { rateCard, type BandedCards, type RateCard } from "./rates";
import { decimalStringToNanos } from "./decimal";
import { normalizeProvider } from "./providers";
import { resolveModel } from "./catalogue";
import { periodAt } from "./periods";

/**
 * Price overrides (negotiated or custom rates from the price_overrides table), indexed for the hot path.
 *
 * Matching: an override's model is compared case-insensitively with the call's model name first, then with
 * the catalogue model id the name resolves to, so an override for "gpt-4o" also covers "gpt-4o-2024-08-06".
 * Within a match, the override with the latest validFrom <= occurredAt wins (same validFrom: higher id, i.e.
 * the one entered last). Before the first validFrom the catalogue price applies.
 *
 * An override is a rate card, not a flat price: it keeps the model's long-context tiers and cache ratios.
 * - Long context: the override's own long-context rates when it gives them (longContextAbove + long_* rates);
 *   otherwise the catalogue's tiers of the model (in force on validFrom), each rate scaled by the catalogue's
 *   long/base ratio of that token kind (Sonnet 4.5: input x2, output x1.5), so a negotiated base rate does not
 *   silently flatten the >200k surcharge.
 * - A blank cache-read (cache-write) price is the override's input price x the catalogue's cache-read/input
 *   (cache-write/input) ratio (GPT-4o 0.5, Claude 0.1 reads and 1.25 writes), not the full input price; the input
 *   price only when the catalogue has no such price for the model.
 * Scaled rates are rounded half-up to the nano-dollar per million tokens.
 */

export interface CompiledOverride {
  id: number;
  validFromMs: number;
  /** Base card (band 0), for tiering and display. */
  card: RateCard;
  /** Cards by context length, same rule as the catalogue's (rates.ts). */
  banded: BandedCards;
  /** USD nano per 1,000 server-side tool calls, null = the catalogue's rate (server-tools.ts). */
  webSearchPerK: bigint | null;
  fileSearchPerK: bigint | null;
}

/** provider -> lower-case model -> overrides sorted by validFrom ascending. */
export type OverrideIndex = Map<string, Map<string, CompiledOverride[]>>;

export function indexOverrides(overrides: readonly PriceOverrideInput[]): OverrideIndex {
  const index: OverrideIndex = new Map();
  for (const o of overrides) {
    const what = `price override ${o.id}`;
    const validFromMs = o.validFrom.getTime();
    if (Number.isNaN(validFromMs)) throw new RangeError(`${what}: invalid validFrom`);
    const provider = normalizeProvider(o.provider, o.model);
    const banded = compileOverride(o, provider, validFromMs, what);
    const optional = (v: string | null | undefined) => (v == null ? null : decimalStringToNanos(v, what));
    const card = banded.cards[0];
    const model = o.model.trim().toLowerCase();
    let byModel = index.get(provider);
    if (!byModel) index.set(provider, (byModel = new Map()));
    let list = byModel.get(model);
    if (!list) byModel.set(model, (list = []));
    list.push({ id: o.id, validFromMs, card, banded, webSearchPerK: optional(o.webSearchPerK), fileSearchPerK: optional(o.fileSearchPerK) });
  }
  for (const byModel of index.values()) {
    for (const list of byModel.values()) list.sort((a, b) => a.validFromMs - b.validFromMs || a.id - b.id);
  }
  return index;
}

/** The override in force at `ms` in a sorted list, or null before the first one. */
export function overrideAt(list: CompiledOverride[] | undefined, ms: number): CompiledOverride | null {
  if (list === undefined) return null;
  for (let i = list.length - 1; i >= 0; i--) if (list[i].validFromMs <= ms) return list[i];
  return null;
}

type Prices = { input: bigint; cacheRead: bigint | null; cacheWrite: bigint | null; output: bigint };

/** The override's cards by context length (see the header comment). */
function compileOverride(o: PriceOverrideInput, provider: string, validFromMs: number, what: string): BandedCards {
  const nanos = (v: string | null | undefined) => (v == null ? null : decimalStringToNanos(v, what));
  const resolved = resolveModel(provider, o.model);
  const catalogue = resolved ? periodAt(resolved.periods, validFromMs).rates : null;
  const catBase = catalogue?.cards[0] ?? null;
  const base: Prices = {
    input: nanos(o.inputPerMtok)!,
    cacheRead: nanos(o.cachedInputPerMtok),
    cacheWrite: nanos(o.cacheWritePerMtok),
    output: nanos(o.outputPerMtok)!,
  };
  const baseCard = withCacheRatios(base, catBase);
  if (o.longContextAbove != null && o.longInputPerMtok != null && o.longOutputPerMtok != null) {
    const long: Prices = { input: nanos(o.longInputPerMtok)!, cacheRead: nanos(o.longCachedInputPerMtok), cacheWrite: nanos(o.longCacheWritePerMtok), output: nanos(o.longOutputPerMtok)! };
    // The catalogue's long card gives the long cache ratios when it has tiers at all; else its base ratios.
    const catLong = catalogue && catalogue.starts.length > 0 ? catalogue.cards[catalogue.cards.length - 1] : catBase;
    return { starts: [o.longContextAbove], cards: [baseCard, withCacheRatios(long, catLong)] };
  }
  if (!catalogue || catalogue.starts.length === 0 || catBase === null) return { starts: [], cards: [baseCard] };
  // The catalogue's tiers, each rate scaled by that band's ratio to the catalogue's base rate of the same kind.
  const cards = catalogue.cards.map((cat, k) => {
    if (k === 0) return baseCard;
    return rateCard(
      scale(baseCard.bill.input, cat.input, catBase.input),
      scale(baseCard.bill.cacheRead, cat.cacheRead, catBase.cacheRead),
      scale(baseCard.bill.cacheWrite, cat.cacheWrite, catBase.cacheWrite),
      scale(baseCard.bill.output, cat.output, catBase.output),
    );
  });
  return { starts: [...catalogue.starts], cards };
}

/** A card whose blank cache prices are input x the catalogue card's ratio (input itself without a ratio). */
function withCacheRatios(p: Prices, cat: RateCard | null): RateCard {
  const ratio = (published: bigint | null) => (published === null || cat === null || cat.input === null || cat.input === 0n ? null : scale(p.input, published, cat.input));
  return rateCard(p.input, p.cacheRead ?? ratio(cat?.cacheRead ?? null), p.cacheWrite ?? ratio(cat?.cacheWrite ?? null), p.output);
}

/** value x num / den, rounded half-up; value itself when the ratio is unknown. */
function scale(value: bigint, num: bigint | null, den: bigint | null): bigint {
  if (num === null || den === null || den === 0n) return value;
  return (value * num + den / 2n) / den;
}
