import type pg from "pg";
import type { PriceOverrideInput } from "./index";

/** Price overrides from the database, in the shape the pricer takes (id order: the pricer breaks ties by id). */
export async function loadPriceOverrides(db: Pick<pg.ClientBase, "query">): Promise<PriceOverrideInput[]> {
  const rows = await db.query(
    `SELECT id, provider, model, input_per_mtok::text, cached_input_per_mtok::text, cache_write_per_mtok::text,
            output_per_mtok::text, valid_from::text, long_context_above, long_input_per_mtok::text, long_cached_input_per_mtok::text,
            long_cache_write_per_mtok::text, long_output_per_mtok::text, web_search_per_k::text, file_search_per_k::text
     FROM price_overrides ORDER BY valid_from, id`,
  );
  return rows.rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    model: r.model,
    inputPerMtok: r.input_per_mtok,
    cachedInputPerMtok: r.cached_input_per_mtok,
    cacheWritePerMtok: r.cache_write_per_mtok,
    outputPerMtok: r.output_per_mtok,
    validFrom: new Date(`${r.valid_from}T00:00:00Z`),
    longContextAbove: r.long_context_above,
    longInputPerMtok: r.long_input_per_mtok,
    longCachedInputPerMtok: r.long_cached_input_per_mtok,
    longCacheWritePerMtok: r.long_cache_write_per_mtok,
    longOutputPerMtok: r.long_output_per_mtok,
    webSearchPerK: r.web_search_per_k,
    fileSearchPerK: r.file_search_per_k,
  }));
}
