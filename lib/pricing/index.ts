/**
 * Exact pricing of LLM calls: costs in bigint nano-dollars from the bundled @pydantic/genai-prices catalogue,
 * plus what the catalogue does not know (batch/flex discounts, negotiated price overrides).
 */
export type { CallRates, PricedCall, PriceResult, PriceSource, PriceOverrideInput, Pricer, ModelTier, ToolRates } from "./types";
export { PRICE_SOURCE } from "./types";
export { createPricer } from "./pricer";
export { InvalidUsageError } from "./cost";
export { normalizeProvider, UNKNOWN_PROVIDER } from "./providers";
export { isKnownModel, catalogueModels, catalogueVersion, MAIN_PROVIDERS, type CatalogueModel } from "./catalogue";
export { defaultTier } from "./tier";
