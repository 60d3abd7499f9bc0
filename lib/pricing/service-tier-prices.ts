import { usdToNanos } from "@/lib/money";
import { rateCard, type RateCard } from "./rates";

/**
 * Published per-token prices of service tiers the catalogue does not carry.
 *
 * OpenAI Priority processing (`service_tier: "priority"`): its own rate card per model, published at
 * https://openai.com/api-priority-processing/ (USD per million tokens: input, cached input, output; "excludes long
 * context", i.e. calls over ~128k prompt tokens are not served at priority). Dated: a rate applies to calls from
 * `from` (UTC day) on; a later entry for the same model replaces it. Cache writes bill as input (OpenAI has none).
 *
 * Not here, on purpose:
 * - OpenAI `flex` is published as exactly half the standard rate of each model: a 50% discount (discounts.ts).
 * - Anthropic Priority Tier has no published per-token price (each capacity commitment sets it): such calls are
 *   priced at the list price and ingestion warns (lib/ingest/warnings.ts, anthropic_priority_list_price), so the
 *   user records the committed rate as a price override.
 * - OpenAI `scale` and other contract tiers: unpublished, list price is the honest floor (use a price override).
 */
interface TierPrice {
  provider: string;
  tier: string;
  /** Catalogue model ids (resolveModel().modelId), dated aliases already folded in by the catalogue. */
  models: readonly string[];
  from: string;
  input: string;
  cachedInput: string | null;
  output: string;
}

const PRIORITY_FROM = "2025-06-01";

const PUBLISHED: readonly TierPrice[] = [
  { provider: "openai", tier: "priority", models: ["gpt-5.4"], from: PRIORITY_FROM, input: "5.00", cachedInput: "0.50", output: "30.00" },
  { provider: "openai", tier: "priority", models: ["gpt-5.4-mini"], from: PRIORITY_FROM, input: "1.50", cachedInput: "0.15", output: "9.00" },
  { provider: "openai", tier: "priority", models: ["gpt-5.2"], from: PRIORITY_FROM, input: "3.50", cachedInput: "0.35", output: "28.00" },
  { provider: "openai", tier: "priority", models: ["gpt-5", "gpt-5.1"], from: PRIORITY_FROM, input: "2.50", cachedInput: "0.25", output: "20.00" },
  { provider: "openai", tier: "priority", models: ["gpt-5-mini"], from: PRIORITY_FROM, input: "0.45", cachedInput: "0.045", output: "3.60" },
  { provider: "openai", tier: "priority", models: ["gpt-4.1", "o3"], from: PRIORITY_FROM, input: "3.50", cachedInput: "0.875", output: "14.00" },
  { provider: "openai", tier: "priority", models: ["gpt-4.1-mini"], from: PRIORITY_FROM, input: "0.70", cachedInput: "0.175", output: "2.80" },
  { provider: "openai", tier: "priority", models: ["gpt-4.1-nano"], from: PRIORITY_FROM, input: "0.20", cachedInput: "0.05", output: "0.80" },
  { provider: "openai", tier: "priority", models: ["gpt-4o"], from: PRIORITY_FROM, input: "4.25", cachedInput: "2.125", output: "17.00" },
  { provider: "openai", tier: "priority", models: ["gpt-4o-2024-05-13"], from: PRIORITY_FROM, input: "8.75", cachedInput: null, output: "26.25" },
  { provider: "openai", tier: "priority", models: ["gpt-4o-mini"], from: PRIORITY_FROM, input: "0.25", cachedInput: "0.125", output: "1.00" },
  { provider: "openai", tier: "priority", models: ["o4-mini"], from: PRIORITY_FROM, input: "2.00", cachedInput: "0.50", output: "8.00" },
];

interface Compiled {
  fromMs: number;
  card: RateCard;
}

/** "provider\0tier\0model" -> rates sorted by start. */
const INDEX = new Map<string, Compiled[]>();
for (const p of PUBLISHED) {
  const card = rateCard(usdToNanos(p.input), p.cachedInput === null ? null : usdToNanos(p.cachedInput), null, usdToNanos(p.output));
  for (const model of p.models) {
    const key = `${p.provider}\u0000${p.tier}\u0000${model}`;
    const list = INDEX.get(key) ?? [];
    list.push({ fromMs: Date.parse(`${p.from}T00:00:00Z`), card });
    list.sort((a, b) => a.fromMs - b.fromMs);
    INDEX.set(key, list);
  }
}

/** The published card of `tier` for a catalogue model at `ms`, or null (then the standard price applies). */
export function serviceTierCard(provider: string, modelId: string, tier: string, ms: number): RateCard | null {
  const list = INDEX.get(`${provider}\u0000${tier.toLowerCase()}\u0000${modelId.toLowerCase()}`);
  if (list === undefined) return null;
  for (let i = list.length - 1; i >= 0; i--) if (list[i].fromMs <= ms) return list[i].card;
  return null;
}
