import type { PriceOverrideInput, PricedCall, PriceResult, Pricer } from "./types";
import { resolveModel } from "./catalogue";
import { periodAt } from "./periods";
import { cardForInput } from "./rates";
import { assertValidCounts, exactCostNanos } from "./cost";
import { discountPercent } from "./discounts";
import { indexOverrides, overrideAt, type CompiledOverride } from "./overrides";

const UNPRICED: PriceResult = Object.freeze({ costNanos: null, priceSource: 0, overrideId: null });

/**
 * Prices calls: a matching price override first, else the catalogue price in force at the call's time.
 * Batch/flex discounts apply to overrides too: an override is taken to be the account's negotiated
 * STANDARD rate, and providers take their batch discount off whatever rate the account pays.
 *
 * Throws InvalidUsageError (a RangeError naming the field) for impossible token counts.
 * `call.provider` must already be a catalogue id (normalizeProvider at ingest), so the hot path does no
 * string normalisation. Build one pricer per ingest batch: overrides are read once, then indexed.
 */
export function createPricer(overrides: readonly PriceOverrideInput[]): Pricer {
  const index = indexOverrides(overrides);

  function price(call: PricedCall): PriceResult {
    assertValidCounts(call);
    const ms = call.occurredAt.getTime();
    if (Number.isNaN(ms)) throw new RangeError("occurredAt is an invalid Date");

    const resolved = resolveModel(call.provider, call.model);

    let override: CompiledOverride | null = null;
    const byModel = index.size === 0 ? undefined : index.get(call.provider);
    if (byModel !== undefined) {
      override = overrideAt(byModel.get(call.model.trim().toLowerCase()), ms);
      if (override === null && resolved !== null) override = overrideAt(byModel.get(resolved.modelKey), ms);
    }
    if (override !== null) {
      const pct = discountPercent(call.provider, call.batch, call.serviceTier);
      return { costNanos: exactCostNanos(override.card.bill, call, pct), priceSource: 2, overrideId: override.id };
    }

    if (resolved === null) return UNPRICED;
    const rates = periodAt(resolved.periods, ms).rates;
    if (rates === null) return UNPRICED;
    const card = rates.starts.length === 0 ? rates.cards[0] : cardForInput(rates, call.inputTokens);
    // Discounts follow the catalogue provider that matched (e.g. "vertex" resolved to "google").
    const pct = discountPercent(resolved.providerId, call.batch, call.serviceTier);
    return { costNanos: exactCostNanos(card.bill, call, pct), priceSource: 1, overrideId: null };
  }

  return { price };
}
