import type { CataloguePrice } from "./override-schema";
import { currentCard, resolveModel } from "./catalogue";
import { nanosToDecimal } from "./decimal";
import { normalizeProvider } from "./providers";

/**
 * The catalogue's price for a (provider, model) in force at `at`, resolved the way the pricer resolves a call
 * (provider aliases, dated and path-like model names), or null when the catalogue does not know the model or has
 * no token price for it then. What an override replaces, shown next to it.
 */
export function cataloguePriceAt(provider: string, model: string, at: Date = new Date()): CataloguePrice | null {
  const resolved = resolveModel(normalizeProvider(provider, model), model);
  if (!resolved) return null;
  const card = currentCard(resolved.periods, at);
  if (!card) return null;
  const dec = (v: bigint | null) => (v === null ? null : nanosToDecimal(v));
  return { provider: resolved.providerId, model: resolved.modelId, inputPerMtok: dec(card.input), cachedInputPerMtok: dec(card.cacheRead), cacheWritePerMtok: dec(card.cacheWrite), outputPerMtok: dec(card.output) };
}
