import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { audit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { nanosToUsd } from "@/lib/money";
import { lockPricingExclusive } from "@/lib/ingest/store/pricing-guard";
import { refreshModelPricing, repriceStoredEvents, type RepriceSummary } from "@/lib/ingest/store/reprice-events";
import { createPricer } from "./pricer";
import { loadPriceOverrides, type PriceOverrideRow } from "./overrides-store";
import { modelsCoveredBy } from "./covered-models";
import { normalizeProvider } from "./providers";
import type { PriceOverrideInput, PriceOverrideOut } from "./override-schema";

/**
 * Price overrides CRUD. Every change re-prices the stored events it affects in the same transaction, under the
 * exclusive pricing lock (lib/ingest/store/pricing-guard.ts): from the earliest valid_from involved (a change
 * cannot alter a price before it), for the models the override covers. So a model that was unpriced becomes
 * priced with exactly the totals a fresh ingestion with the override would give, and deleting an override puts
 * back whatever applies without it.
 */
// valid_from without ::text: date-to-text depends on DateStyle (not immutable), which Citus refuses in RETURNING;
// the pool reads DATE columns as "YYYY-MM-DD" strings already (lib/db/pool.ts).
const COLUMNS = `id, provider, model, input_per_mtok::text, cached_input_per_mtok::text, cache_write_per_mtok::text, output_per_mtok::text,
  valid_from, note, created_at, updated_at, long_context_above, long_input_per_mtok::text, long_cached_input_per_mtok::text,
  long_cache_write_per_mtok::text, long_output_per_mtok::text, web_search_per_k::text, file_search_per_k::text`;

/** Optional price columns beyond the base four, in this order in INSERT/UPDATE (their input field names). */
const EXTRA = [
  ["long_context_above", "longContextAbove"],
  ["long_input_per_mtok", "longInputPerMtok"],
  ["long_cached_input_per_mtok", "longCachedInputPerMtok"],
  ["long_cache_write_per_mtok", "longCacheWritePerMtok"],
  ["long_output_per_mtok", "longOutputPerMtok"],
  ["web_search_per_k", "webSearchPerK"],
  ["file_search_per_k", "fileSearchPerK"],
] as const;
const extraValues = (input: PriceOverrideInput) => EXTRA.map(([, key]) => input[key] ?? null);

/** A row of COLUMNS: the pricer's columns plus what the settings page shows. */
interface OverrideRow extends PriceOverrideRow {
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface OverrideChange {
  override: PriceOverrideOut | null;
  repricing: { eventsRepriced: number; costDeltaUsd: string; firstDay: string | null; lastDay: string | null; modelsNowPriced: string[]; durationMs: number };
}

export async function listPriceOverrides(): Promise<PriceOverrideOut[]> {
  const rows = await pool().query<OverrideRow>(`SELECT ${COLUMNS} FROM price_overrides ORDER BY provider, model, valid_from, id`);
  return rows.rows.map(toOut);
}

export async function createPriceOverride(input: PriceOverrideInput, actor: { label: string; userId: number | null }): Promise<OverrideChange> {
  const provider = normalizeProvider(input.provider, input.model);
  return changePrices(`user:${actor.label}`, "price_override_created", async (client) => {
    const row = await client.query<OverrideRow>(
      `INSERT INTO price_overrides (provider, model, input_per_mtok, cached_input_per_mtok, cache_write_per_mtok, output_per_mtok, valid_from, note, created_by_id,
         ${EXTRA.map(([c]) => c).join(", ")})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ${EXTRA.map((_, i) => `$${10 + i}`).join(", ")}) RETURNING ${COLUMNS}`,
      [provider, input.model, input.inputPerMtok, input.cachedInputPerMtok ?? null, input.cacheWritePerMtok ?? null, input.outputPerMtok, input.validFrom, input.note ?? null, actor.userId, ...extraValues(input)],
    );
    const created = row.rows[0];
    return { override: created, touched: [{ provider, model: input.model, validFrom: input.validFrom }] };
  });
}

export async function updatePriceOverride(id: number, input: PriceOverrideInput, actor: { label: string }): Promise<OverrideChange> {
  const provider = normalizeProvider(input.provider, input.model);
  return changePrices(`user:${actor.label}`, "price_override_updated", async (client) => {
    const before = await lockedOverride(client, id);
    const row = await client.query<OverrideRow>(
      `UPDATE price_overrides SET provider = $2, model = $3, input_per_mtok = $4, cached_input_per_mtok = $5, cache_write_per_mtok = $6,
         output_per_mtok = $7, valid_from = $8, note = $9, ${EXTRA.map(([c], i) => `${c} = $${10 + i}`).join(", ")}, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, provider, input.model, input.inputPerMtok, input.cachedInputPerMtok ?? null, input.cacheWritePerMtok ?? null, input.outputPerMtok, input.validFrom, input.note ?? null, ...extraValues(input)],
    );
    return {
      override: row.rows[0],
      touched: [
        { provider: before.provider, model: before.model, validFrom: before.valid_from },
        { provider, model: input.model, validFrom: input.validFrom },
      ],
    };
  });
}

export async function deletePriceOverride(id: number, actor: { label: string }): Promise<OverrideChange> {
  return changePrices(`user:${actor.label}`, "price_override_deleted", async (client) => {
    const before = await lockedOverride(client, id);
    await client.query("DELETE FROM price_overrides WHERE id = $1", [id]);
    return { override: null, touched: [{ provider: before.provider, model: before.model, validFrom: before.valid_from }], deleted: before };
  });
}

async function lockedOverride(client: pg.ClientBase, id: number): Promise<OverrideRow> {
  const row = await client.query<OverrideRow>(`SELECT ${COLUMNS} FROM price_overrides WHERE id = $1 FOR UPDATE`, [id]);
  if (!row.rows[0]) throw notFound(`price override ${id}`);
  return row.rows[0];
}

type Mutation = (client: pg.PoolClient) => Promise<{
  override: OverrideRow | null;
  touched: { provider: string; model: string; validFrom: string }[];
  deleted?: OverrideRow;
}>;

/** One transaction: lock, change the override, re-price what it touches, refresh model flags; then audit. */
async function changePrices(actor: string, action: string, mutate: Mutation): Promise<OverrideChange> {
  const started = Date.now();
  const client = await pool().connect();
  let result: Awaited<ReturnType<Mutation>>;
  let summary: RepriceSummary;
  let nowPriced: string[];
  try {
    await client.query("BEGIN");
    await lockPricingExclusive(client);
    result = await mutate(client);
    const overrides = await loadPriceOverrides(client);
    const models = await modelsCoveredBy(client, result.touched);
    const fromDay = result.touched.map((t) => t.validFrom).sort()[0];
    const wasUnpriced = await client.query<{ id: number; key: string }>(
      "SELECT id, provider || '/' || name AS key FROM models WHERE id = ANY($1::int[]) AND unpriced",
      [models],
    );
    summary = await repriceStoredEvents(client, { modelIds: models, fromDay }, createPricer(overrides));
    await refreshModelPricing(client, models, overrides);
    const stillUnpriced = await client.query<{ id: number }>("SELECT id FROM models WHERE id = ANY($1::int[]) AND unpriced", [models]);
    const still = new Set(stillUnpriced.rows.map((r) => r.id));
    nowPriced = wasUnpriced.rows.filter((m) => !still.has(m.id)).map((m) => m.key);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  const target = result.override ?? result.deleted;
  await audit(actor, action, target ? `${target.provider}/${target.model}` : null, {
    id: target?.id ?? null,
    validFrom: target?.valid_from ?? null,
    eventsRepriced: summary.eventsRepriced,
    costDeltaUsd: nanosToUsd(summary.costDeltaNanos),
  });
  return {
    override: result.override ? toOut(result.override) : null,
    repricing: {
      eventsRepriced: summary.eventsRepriced,
      costDeltaUsd: nanosToUsd(summary.costDeltaNanos),
      firstDay: summary.firstDay,
      lastDay: summary.lastDay,
      modelsNowPriced: nowPriced,
      durationMs: Date.now() - started,
    },
  };
}

function toOut(r: OverrideRow): PriceOverrideOut {
  return {
    id: r.id,
    provider: r.provider,
    model: r.model,
    inputPerMtok: trimDecimal(r.input_per_mtok),
    cachedInputPerMtok: r.cached_input_per_mtok === null ? null : trimDecimal(r.cached_input_per_mtok),
    cacheWritePerMtok: r.cache_write_per_mtok === null ? null : trimDecimal(r.cache_write_per_mtok),
    outputPerMtok: trimDecimal(r.output_per_mtok),
    longContextAbove: r.long_context_above,
    longInputPerMtok: trimOrNull(r.long_input_per_mtok),
    longCachedInputPerMtok: trimOrNull(r.long_cached_input_per_mtok),
    longCacheWritePerMtok: trimOrNull(r.long_cache_write_per_mtok),
    longOutputPerMtok: trimOrNull(r.long_output_per_mtok),
    webSearchPerK: trimOrNull(r.web_search_per_k),
    fileSearchPerK: trimOrNull(r.file_search_per_k),
    validFrom: r.valid_from,
    note: r.note,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

const trimOrNull = (value: string | null) => (value === null ? null : trimDecimal(value));

/** "2.500000000" -> "2.5", "3.000000000" -> "3". */
function trimDecimal(value: string): string {
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}
