import type { PriceOverrideInput } from "./types";
import { rateCard, type RateCard } from "./rates";
import { decimalStringToNanos } from "./decimal";
import { normalizeProvider } from "./providers";

/**
 * Price overrides (negotiated or custom rates from the price_overrides table), indexed for the hot path.
 *
 * Matching: an override's model is compared case-insensitively with the call's model name first, then with
 * the catalogue model id the name resolves to, so an override for "gpt-4o" also covers "gpt-4o-2024-08-06".
 * Within a match, the override with the latest validFrom <= occurredAt wins (same validFrom: higher id, i.e.
 * the one entered last). Before the first validFrom the catalogue price applies.
 */

export interface CompiledOverride {
  id: number;
  validFromMs: number;
  card: RateCard;
}

/** provider -> lower-case model -> overrides sorted by validFrom ascending. */
export type OverrideIndex = Map<string, Map<string, CompiledOverride[]>>;

export function indexOverrides(overrides: readonly PriceOverrideInput[]): OverrideIndex {
  const index: OverrideIndex = new Map();
  for (const o of overrides) {
    const what = `price override ${o.id}`;
    const validFromMs = o.validFrom.getTime();
    if (Number.isNaN(validFromMs)) throw new RangeError(`${what}: invalid validFrom`);
    const input = decimalStringToNanos(o.inputPerMtok, what);
    const card = rateCard(
      input,
      o.cachedInputPerMtok === null ? null : decimalStringToNanos(o.cachedInputPerMtok, what),
      o.cacheWritePerMtok === null ? null : decimalStringToNanos(o.cacheWritePerMtok, what),
      decimalStringToNanos(o.outputPerMtok, what),
    );
    const provider = normalizeProvider(o.provider, o.model);
    const model = o.model.trim().toLowerCase();
    let byModel = index.get(provider);
    if (!byModel) index.set(provider, (byModel = new Map()));
    let list = byModel.get(model);
    if (!list) byModel.set(model, (list = []));
    list.push({ id: o.id, validFromMs, card });
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
