import type pg from "pg";
import type { PriceOverrideInput } from "./index";

/** The price overrides, in the order the pricer wants them (it breaks ties by id). */
export const PRICE_OVERRIDES_SQL = `SELECT id, provider, model, input_per_mtok::text, cached_input_per_mtok::text, cache_write_per_mtok::text,
            output_per_mtok::text, valid_from::text, long_context_above, long_input_per_mtok::text, long_cached_input_per_mtok::text,
            long_cache_write_per_mtok::text, long_output_per_mtok::text, web_search_per_k::text, file_search_per_k::text
     FROM price_overrides ORDER BY valid_from, id`;

/** Price overrides from the database, in the shape the pricer takes (id order: the pricer breaks ties by id). */
export async function loadPriceOverrides(db: Pick<pg.ClientBase, "query">): Promise<PriceOverrideInput[]> {
  const rows = await db.query<PriceOverrideRow>(PRICE_OVERRIDES_SQL);
  return rows.rows.map(priceOverrideFromRow);
}

/** A row of PRICE_OVERRIDES_SQL: prices as exact decimal text. */
export interface PriceOverrideRow {
  id: number;
  provider: string;
  model: string;
  input_per_mtok: string;
  cached_input_per_mtok: string | null;
  cache_write_per_mtok: string | null;
  output_per_mtok: string;
  valid_from: string;
  long_context_above: number | null;
  long_input_per_mtok: string | null;
  long_cached_input_per_mtok: string | null;
  long_cache_write_per_mtok: string | null;
  long_output_per_mtok: string | null;
  web_search_per_k: string | null;
  file_search_per_k: string | null;
}

/** One row of PRICE_OVERRIDES_SQL as the pricer takes it. */
export function priceOverrideFromRow(r: PriceOverrideRow): PriceOverrideInput {
  return {
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
  };
}
