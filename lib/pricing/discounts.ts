/**
 * Discounts the catalogue does not know about, as percent off the list price.
 *
 * Batch APIs: OpenAI Batch, Anthropic Message Batches and Google (Gemini API / Vertex) batch prediction all
 * bill 50% of the standard price, cache and output tokens included. Other providers' batch offers vary by
 * model or contract, so they get no automatic discount (use a price override for a negotiated rate).
 */
const BATCH_DISCOUNT_PERCENT: Readonly<Record<string, number>> = {
  openai: 50,
  anthropic: 50,
  google: 50,
};

/**
 * Service tiers (the `service_tier` the API echoes back):
 * - OpenAI "flex": slower, interruptible processing billed at the Batch rate, i.e. 50% off.
 * - OpenAI "priority" has its own published rate card per model (service-tier-prices.ts), not a percentage.
 * - Everything else is billed at the standard list price: "default"/"auto"/"standard" ARE the list price;
 *   Anthropic "priority" and OpenAI "scale" cost more under a contract whose rates are not published, so the list
 *   price is the honest floor (ingestion warns; record the real rate as a price override).
 */
const TIER_DISCOUNT_PERCENT: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  openai: { flex: 50 },
};

/**
 * Percent off for this call. Batch and flex do not stack (a batch request has no service tier to choose);
 * the larger discount applies.
 */
export function discountPercent(provider: string, batch: boolean, serviceTier: string | null): number {
  const batchOff = batch ? (BATCH_DISCOUNT_PERCENT[provider] ?? 0) : 0;
  if (serviceTier === null) return batchOff;
  const tiers = TIER_DISCOUNT_PERCENT[provider];
  const tierOff = tiers === undefined ? 0 : (tiers[serviceTier] ?? tiers[serviceTier.toLowerCase()] ?? 0);
  return tierOff > batchOff ? tierOff : batchOff;
}
