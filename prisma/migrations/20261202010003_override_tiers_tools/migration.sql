-- Price overrides keep long-context tiers and price server-side tools (lib/pricing/overrides.ts):
--   long_context_above + long_*_per_mtok: the override's own rates for calls whose input is above that many tokens
--     (when absent, the catalogue's long-context tiers scale the override by the catalogue's own ratios);
--   web_search_per_k / file_search_per_k: USD per 1,000 server-side tool calls (web search, file search), overriding
--     the catalogue's dated rates.
ALTER TABLE "price_overrides" ADD COLUMN "long_context_above" INTEGER;
ALTER TABLE "price_overrides" ADD COLUMN "long_input_per_mtok" DECIMAL(18,9);
ALTER TABLE "price_overrides" ADD COLUMN "long_cached_input_per_mtok" DECIMAL(18,9);
ALTER TABLE "price_overrides" ADD COLUMN "long_cache_write_per_mtok" DECIMAL(18,9);
ALTER TABLE "price_overrides" ADD COLUMN "long_output_per_mtok" DECIMAL(18,9);
ALTER TABLE "price_overrides" ADD COLUMN "web_search_per_k" DECIMAL(18,9);
ALTER TABLE "price_overrides" ADD COLUMN "file_search_per_k" DECIMAL(18,9);
