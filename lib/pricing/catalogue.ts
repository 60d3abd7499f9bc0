import { calcPrice, findProvider, type ModelInfo } from "@pydantic/genai-prices";
import { compilePeriods, periodAt, type PricePeriod } from "./periods";
import type { RateCard } from "./rates";
import { nanosToDecimal } from "./decimal";
import { normalizeProvider } from "./providers";

/**
 * The bundled genai-prices catalogue, resolved once per (provider, model) and compiled to exact bigint rates.
 * We never call the package's updatePrices(): prices must be reproducible and there is no network, so the
 * data is exactly what ships in the installed version (see catalogueVersion()).
 */

/**
 * Installed package version, recorded per ingest batch so a cost can be traced to the prices used.
 * A constant because the package's `exports` map hides its package.json from bundlers; a unit test fails
 * if node_modules holds a different version, so an upgrade cannot forget to bump it.
 */
export const GENAI_PRICES_VERSION = "0.1.8";

export function catalogueVersion(): string {
  return `@pydantic/genai-prices@${GENAI_PRICES_VERSION}`;
}

export interface ResolvedModel {
  /** Catalogue provider that matched (may differ from the asked id, e.g. "vertex" -> "google"). */
  providerId: string;
  /** Catalogue model id (many API model names map to one, e.g. "gpt-4o-2024-08-06" -> "gpt-4o"). */
  modelId: string;
  /** modelId lower-cased, the key price overrides are indexed by. */
  modelKey: string;
  name: string;
  periods: PricePeriod[];
}

// Model matching in the package walks every model's match rules (some regexes) on each call: far too slow
// for ingestion, so its answer is cached per exact (provider, model) string. Capped so a stream of junk
// model names cannot grow memory without bound; clearing only costs re-resolution.
const MAX_CACHED_NAMES = 50_000;
const resolved = new Map<string, Map<string, ResolvedModel | null>>();
let cachedNames = 0;
// Many names share one catalogue entry, so compile each ModelInfo once.
const compiled = new WeakMap<ModelInfo, PricePeriod[]>();

/** The catalogue model for (provider, model), or null if the catalogue does not know it. Cached. */
export function resolveModel(provider: string, model: string): ResolvedModel | null {
  let byModel = resolved.get(provider);
  if (byModel === undefined) {
    byModel = new Map();
    resolved.set(provider, byModel);
  }
  const hit = byModel.get(model);
  if (hit !== undefined) return hit;
  if (cachedNames >= MAX_CACHED_NAMES) {
    for (const m of resolved.values()) m.clear();
    cachedNames = 0;
  }
  const result = lookUp(provider, model);
  byModel.set(model, result);
  cachedNames++;
  return result;
}

function lookUp(provider: string, model: string): ResolvedModel | null {
  const direct = match(provider, model);
  if (direct) return direct;
  // Gateways and SDKs often report a path-like name: "openai/gpt-4o" (LiteLLM), "models/gemini-2.5-pro"
  // (Gemini API), "publishers/google/models/..." (Vertex), Bedrock ARNs. The last segment is the model.
  const slash = model.lastIndexOf("/");
  if (slash >= 0 && slash < model.length - 1) return match(provider, model.slice(slash + 1));
  return null;
}

function match(provider: string, model: string): ResolvedModel | null {
  if (!provider || !model) return null;
  let found: ReturnType<typeof calcPrice>;
  try {
    // calcPrice is the package's only public entry to its matching (exact ids, provider_match,
    // fallback_model_providers such as azure -> openai, and dated-name normalisation). We only keep the
    // model it found; amounts are computed exactly by us.
    found = calcPrice({}, model, { providerId: provider });
  } catch {
    return null;
  }
  if (!found) return null;
  const m = found.model;
  return { providerId: found.provider.id, modelId: m.id, modelKey: m.id.toLowerCase(), name: m.name ?? m.id, periods: periodsOf(m) };
}

function periodsOf(model: ModelInfo): PricePeriod[] {
  let periods = compiled.get(model);
  if (!periods) {
    periods = compilePeriods(model.prices);
    compiled.set(model, periods);
  }
  return periods;
}

/** True when the catalogue knows this model (raw provider aliases accepted). */
export function isKnownModel(provider: string, model: string): boolean {
  return resolveModel(normalizeProvider(provider, model), model) !== null;
}

/** Providers offered in model pickers: the big labs, the clouds reselling them, and popular hosts. */
export const MAIN_PROVIDERS = [
  "openai",
  "anthropic",
  "google",
  "aws",
  "azure",
  "mistral",
  "x-ai",
  "deepseek",
  "groq",
  "cohere",
  "perplexity",
  "together",
  "fireworks",
  "cerebras",
  "moonshotai",
  "zhipuai",
] as const;

export interface CatalogueModel {
  provider: string;
  model: string;
  name: string;
  /** Current list prices in USD per million tokens, as exact decimal strings (lowest context tier). */
  inputPerMtok: string;
  outputPerMtok: string;
}

/**
 * Current prices of the main providers' chat models, one entry per (provider, catalogue model id), for model
 * pickers and what-if simulations. Deprecated models, and models without both an input and an output token
 * price (embeddings, OCR, audio), are left out.
 */
export function catalogueModels(now: Date = new Date()): CatalogueModel[] {
  const out: CatalogueModel[] = [];
  for (const providerId of MAIN_PROVIDERS) {
    const provider = findProvider({ providerId });
    if (!provider) continue;
    const seen = new Set<string>();
    for (const m of provider.models) {
      if (m.deprecated || seen.has(m.id)) continue;
      seen.add(m.id);
      const card = currentCard(periodsOf(m), now);
      if (!card || card.input === null || card.output === null) continue;
      out.push({
        provider: provider.id,
        model: m.id,
        name: m.name ?? m.id,
        inputPerMtok: nanosToDecimal(card.input),
        outputPerMtok: nanosToDecimal(card.output),
      });
    }
  }
  return out;
}

/** The lowest-tier card in force at `now`, or null when unpriced. */
export function currentCard(periods: PricePeriod[], now: Date): RateCard | null {
  const rates = periodAt(periods, now.getTime()).rates;
  return rates ? rates.cards[0] : null;
}
