import type { ModelTier, PriceOverrideInput } from "./types";
import { currentCard, resolveModel } from "./catalogue";
import type { RateCard } from "./rates";
import { indexOverrides, overrideAt } from "./overrides";
import { normalizeProvider } from "./providers";

/**
 * Default model tier, from the list price of OUTPUT tokens (output dominates the bill of most workloads and
 * tracks model size better than input). Thresholds in USD per million output tokens:
 *   frontier >= $10   (GPT-5 / GPT-4o, Claude Sonnet & Opus, Gemini 2.5 Pro)
 *   mid      >= $1.50 (GPT-5 mini, Claude Haiku, Gemini 2.5 Flash, Mistral Medium)
 *   small     < $1.50 (GPT-5 nano, GPT-4o mini, Gemini Flash-Lite, open-weight hosts)
 * Models without an output price (embeddings) are placed by their input price. null when unpriced.
 */
const FRONTIER_MIN_NANOS = 10_000_000_000n;
const MID_MIN_NANOS = 1_500_000_000n;

export function defaultTier(
  provider: string,
  model: string,
  overrides?: readonly PriceOverrideInput[],
  now: Date = new Date(),
): ModelTier | null {
  const providerId = normalizeProvider(provider, model);
  const resolved = resolveModel(providerId, model);
  let card: RateCard | null = null;
  if (overrides && overrides.length > 0) {
    const byModel = indexOverrides(overrides).get(providerId);
    const hit =
      overrideAt(byModel?.get(model.trim().toLowerCase()), now.getTime()) ??
      (resolved ? overrideAt(byModel?.get(resolved.modelKey), now.getTime()) : null);
    if (hit) card = hit.card;
  }
  if (!card && resolved) card = currentCard(resolved.periods, now);
  if (!card) return null;
  const perMtok = card.output ?? card.input;
  if (perMtok === null) return null;
  if (perMtok >= FRONTIER_MIN_NANOS) return "frontier";
  if (perMtok >= MID_MIN_NANOS) return "mid";
  return "small";
}
