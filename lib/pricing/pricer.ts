import type { CallRates, PriceOverrideInput, PricedCall, PriceResult, Pricer, ToolRates } from "./types";
import { resolveModel } from "./catalogue";
import { periodAt } from "./periods";
import { cardForInput, type BandedCards } from "./rates";
import { tierInputPerCall } from "./per-call-tier";
import { serviceTierCard } from "./service-tier-prices";
import { toolCostNanos } from "./server-tools";
import { assertValidCounts, exactCostNanos } from "./cost";
import { discountPercent } from "./discounts";
import { indexOverrides, overrideAt, type CompiledOverride, type OverrideIndex } from "./overrides";

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

  /** The rates a call is billed at: the override or catalogue match, the tier for its input, the discount. */
  function rates(call: PricedCall): CallRates | null {
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
      if (override.banded.starts.length === 0) return { bill: override.card.bill, discountPct: pct, priceSource: 2, overrideId: override.id };
      // Long-context tiers kept under an override, chosen per call like the catalogue's (overrides.ts).
      const { card, assumed } = tieredCard(override.banded, call);
      return { bill: card.bill, discountPct: pct, priceSource: 2, overrideId: override.id, ...(assumed ? { assumedBaseTier: true } : {}) };
    }

    if (resolved === null) return null;
    const banded = periodAt(resolved.periods, ms).rates;
    if (banded === null) return null;
    // A service tier with its own published rate card (OpenAI priority): that card, no discount (not a batch call).
    if (call.serviceTier !== null && !call.batch) {
      const tierCard = serviceTierCard(resolved.providerId, resolved.modelId, call.serviceTier, ms);
      if (tierCard !== null) return { bill: tierCard.bill, discountPct: 0, priceSource: 1, overrideId: null };
    }
    // Discounts follow the catalogue provider that matched (e.g. "vertex" resolved to "google").
    const discountPct = discountPercent(resolved.providerId, call.batch, call.serviceTier);
    if (banded.starts.length === 0) return { bill: banded.cards[0].bill, discountPct, priceSource: 1, overrideId: null };
    const { card, assumed } = tieredCard(banded, call);
    return { bill: card.bill, discountPct, priceSource: 1, overrideId: null, ...(assumed ? { assumedBaseTier: true } : {}) };
  }

  function price(call: PricedCall): PriceResult {
    const tokens = priceTokens(call);
    if (!call.webSearches && !call.fileSearches) return tokens;
    return withToolCost(tokens, call, index);
  }

  function priceTokens(call: PricedCall): PriceResult {
    assertValidCounts(call);
    const r = rates(call);
    if (r === null) return UNPRICED;
    const result: PriceResult = { costNanos: exactCostNanos(r.bill, call, r.discountPct), priceSource: r.priceSource, overrideId: r.overrideId };
    if (r.assumedBaseTier) result.assumedBaseTier = true;
    return result;
  }

  /** The per-call tool rates `price` would use (FOCUS unit prices of the non-token charges); null = none known. */
  function toolRates(call: PricedCall): ToolRates {
    const r = rates(call);
    return r === null ? { webSearchPerK: null, fileSearchPerK: null } : toolRatesOf(call, r.overrideId, index);
  }

  return { price, rates, toolRates };
}

/**
 * The card of the context-length tier ONE call of the record falls in (per-call-tier.ts): a usage bucket of many
 * calls is priced as those calls, not as one call of its total size. `assumed` when the record's call count is
 * unknown and its total input would have crossed a threshold, so the base tier is an assumption worth reporting.
 */
function tieredCard(rates: BandedCards, call: PricedCall): { card: BandedCards["cards"][number]; assumed: boolean } {
  if (call.tierInputTokens !== undefined) return { card: cardForInput(rates, call.tierInputTokens), assumed: false };
  const tier = tierInputPerCall(call.inputTokens, call.requests, call.contextWindow);
  const assumed = tier.basis === "assumed_base" && call.inputTokens > rates.starts[0];
  return { card: cardForInput(rates, tier.tokens), assumed };
}

/**
 * Adds server-side tool calls to a priced record (server-tools.ts): the override's per-call rates when it gives
 * them, else the catalogue's rates of the period in force. Unpriced tokens stay unpriced (null) whatever the tools.
 */
function withToolCost(tokens: PriceResult, call: PricedCall, index: OverrideIndex): PriceResult {
  if (tokens.costNanos === null) return tokens;
  const r = toolRatesOf(call, tokens.overrideId, index);
  const web = toolCostNanos(call.webSearches ?? 0, r.webSearchPerK);
  const file = toolCostNanos(call.fileSearches ?? 0, r.fileSearchPerK);
  const tool = web === null && file === null ? null : (web ?? 0n) + (file ?? 0n);
  return { ...tokens, costNanos: tokens.costNanos + (tool ?? 0n), toolCostNanos: tool };
}

/** Tool rates (nano-USD per 1,000 calls) of the override that priced the tokens, else the catalogue's dated ones. */
function toolRatesOf(call: PricedCall, overrideId: number | null, index: OverrideIndex): ToolRates {
  const ms = call.occurredAt.getTime();
  const resolved = resolveModel(call.provider, call.model);
  const catalogue = resolved ? periodAt(resolved.periods, ms).rates?.tools : undefined;
  let override: CompiledOverride | null = null;
  if (overrideId !== null) {
    const byModel = index.get(call.provider);
    override = overrideAt(byModel?.get(call.model.trim().toLowerCase()), ms) ?? (resolved ? overrideAt(byModel?.get(resolved.modelKey), ms) : null);
  }
  return { webSearchPerK: override?.webSearchPerK ?? catalogue?.webSearchPerK ?? null, fileSearchPerK: override?.fileSearchPerK ?? catalogue?.fileSearchPerK ?? null };
}
