import type pg from "pg";
import type { Pricer } from "@/lib/pricing";
import { TOOL_CALLS_SQL } from "@/lib/pricing/server-tools";

/**
 * Prices rows that are already in the database (staged or stored) again, with the same pricer ingestion uses,
 * so a re-priced event costs exactly what ingesting it fresh would have cost. Shared by the pricing guard of
 * ingestion batches (pricing-guard.ts) and by re-pricing after a price override changes (reprice-events.ts).
 *
 * The model's provider and name come from `models`: ingestion stores the normalised provider and the model
 * name it priced with there, so the pricer sees the same input as at ingestion.
 */
export const PRICE_INPUT_SELECT = `SELECT e.dedup_key, e.occurred_at, m.provider, m.name AS model, e.input_tokens, e.cached_input_tokens,
  e.cache_write_tokens, e.cache_write_1h_tokens, e.output_tokens, e.reasoning_tokens, e.requests, e.tags->>'anthropic.context_window' AS context_window, e.batch, e.service_tier, e.cost_nanos::text AS cost_nanos,
  e.price_source, e.price_override_id, e.tool_cost_nanos::text AS tool_cost_nanos,
  ${TOOL_CALLS_SQL.webSearches} AS web_searches, ${TOOL_CALLS_SQL.fileSearches} AS file_searches`;

interface PriceInputRow {
  dedup_key: string;
  occurred_at: Date;
  provider: string;
  model: string;
  input_tokens: number;
  cached_input_tokens: number;
  cache_write_tokens: number;
  cache_write_1h_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  requests: number;
  context_window: string | null;
  batch: boolean;
  service_tier: string | null;
  cost_nanos: string | null;
  price_source: number;
  price_override_id: number | null;
  tool_cost_nanos: string | null;
  web_searches: string | null;
  file_searches: string | null;
}

export interface PriceChange {
  /** The event's key in usage_events: (occurredAt, dedupKey). */
  occurredAt: Date;
  dedupKey: string;
  costNanos: bigint | null;
  toolCostNanos: bigint | null;
  priceSource: number;
  overrideId: number | null;
}

/** New prices of the rows `select` returns (a PRICE_INPUT_SELECT over `e` joined to `models m`), changed ones only. */
export async function priceChanges(client: pg.ClientBase, select: string, params: unknown[], pricer: Pricer): Promise<PriceChange[]> {
  const rows = await client.query<PriceInputRow>(select, params);
  const changes: PriceChange[] = [];
  for (const r of rows.rows) {
    const price = pricer.price({
      provider: r.provider,
      model: r.model,
      occurredAt: r.occurred_at,
      inputTokens: r.input_tokens,
      cachedInputTokens: r.cached_input_tokens,
      cacheWriteTokens: r.cache_write_tokens,
      cacheWrite1hTokens: r.cache_write_1h_tokens,
      outputTokens: r.output_tokens,
      reasoningTokens: r.reasoning_tokens,
      requests: r.requests,
      contextWindow: r.context_window,
      webSearches: countOf(r.web_searches),
      fileSearches: countOf(r.file_searches),
      batch: r.batch,
      serviceTier: r.service_tier,
    });
    const before = r.cost_nanos === null ? null : BigInt(r.cost_nanos);
    const tool = price.toolCostNanos ?? null;
    const toolBefore = r.tool_cost_nanos === null ? null : BigInt(r.tool_cost_nanos);
    if (price.costNanos !== before || tool !== toolBefore || price.priceSource !== r.price_source || price.overrideId !== r.price_override_id) {
      changes.push({ occurredAt: r.occurred_at, dedupKey: r.dedup_key, costNanos: price.costNanos, toolCostNanos: tool, priceSource: price.priceSource, overrideId: price.overrideId });
    }
  }
  return changes;
}

/** Writes new prices into `table` (staging_events or usage_events), by key (occurred_at, dedup_key). */
export async function writePriceChanges(client: pg.ClientBase, table: string, changes: PriceChange[]): Promise<void> {
  const CHUNK = 20_000;
  for (let i = 0; i < changes.length; i += CHUNK) {
    const part = changes.slice(i, i + CHUNK);
    await client.query(
      `UPDATE ${table} e SET cost_nanos = c.cost, price_source = c.src, price_override_id = c.ovr, tool_cost_nanos = c.tool
       FROM unnest($1::uuid[], $2::bigint[], $3::smallint[], $4::int[], $5::bigint[], $6::timestamptz[]) AS c(key, cost, src, ovr, tool, at)
       WHERE e.occurred_at = c.at AND e.dedup_key = c.key`,
      [
        part.map((c) => c.dedupKey),
        part.map((c) => (c.costNanos === null ? null : c.costNanos.toString())),
        part.map((c) => c.priceSource),
        part.map((c) => c.overrideId),
        part.map((c) => (c.toolCostNanos === null ? null : c.toolCostNanos.toString())),
        part.map((c) => c.occurredAt),
      ],
    );
  }
}

/** A tag's digit string as a count (server-tools.ts keeps the same rule for fresh events). */
function countOf(text: string | null): number {
  return text !== null && /^\d{1,9}$/.test(text) ? Number(text) : 0;
}
