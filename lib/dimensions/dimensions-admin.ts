import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { audit } from "@/lib/audit";
import { AppError, badRequest, notFound } from "@/lib/errors";
import { DIMENSION_INSERT, dimensionRollupSelect } from "@/lib/ingest/store/dimension-rollup";
import { MAX_DIMENSIONS, type DimensionOut, type PromoteResult } from "./dimension-schema";

/**
 * Promoting and removing tag dimensions. Promotion back-fills the key's roll-up from the stored events in the same
 * transaction (nothing is re-ingested), under an EXCLUSIVE lock on `dimensions` that ingestion and the roll-up
 * corrections take ROW SHARE on (lib/ingest/store/dimension-rollup.ts lockedDimensionKeys): batches in flight
 * finish first and are in the back-fill; batches after it roll the key up themselves. Both are audit-logged.
 */
interface Row {
  tag_key: string;
  created_by: string;
  created_at: Date;
  backfilled_at: Date | null;
}

const toOut = (r: Row): DimensionOut => ({
  tagKey: r.tag_key,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  backfilledAt: r.backfilled_at?.toISOString() ?? null,
});

export async function listDimensions(): Promise<DimensionOut[]> {
  const rows = await pool().query<Row>("SELECT tag_key, created_by, created_at, backfilled_at FROM dimensions ORDER BY tag_key");
  return rows.rows.map(toOut);
}


export async function promoteDimension(tagKey: string, actor: string): Promise<PromoteResult> {
  const started = Date.now();
  const result = await inTransaction(async (client) => {
    await client.query("LOCK TABLE dimensions IN EXCLUSIVE MODE");
    const existing = await client.query<{ tag_key: string }>("SELECT tag_key FROM dimensions");
    if (existing.rows.some((r) => r.tag_key === tagKey)) throw new AppError("conflict", `tag key "${tagKey}" is already a dimension`);
    if (existing.rows.length >= MAX_DIMENSIONS) throw badRequest(`at most ${MAX_DIMENSIONS} tag keys can be dimensions; remove one first`);
    await client.query("INSERT INTO dimensions (tag_key, created_by) VALUES ($1, $2)", [tagKey, actor]);
    // Left-overs cannot exist (removal deletes them), but the back-fill must start from nothing to be exact.
    await client.query("DELETE FROM usage_daily_dimension WHERE tag_key = $1", [tagKey]);
    await client.query(`${DIMENSION_INSERT} ${dimensionRollupSelect("usage_events", "$1::text[]")}`, [[tagKey]]);
    const counts = await client.query<{ events: string; tagged: string }>(
      `SELECT COALESCE(sum(events), 0)::text AS events, COALESCE(sum(events) FILTER (WHERE tag_value <> ''), 0)::text AS tagged
       FROM usage_daily_dimension WHERE tag_key = $1`,
      [tagKey],
    );
    const row = await client.query<Row>("UPDATE dimensions SET backfilled_at = now() WHERE tag_key = $1 RETURNING *", [tagKey]);
    return { row: row.rows[0], events: Number(counts.rows[0].events), tagged: Number(counts.rows[0].tagged) };
  });
  const backfill = { events: result.events, taggedEvents: result.tagged, durationMs: Date.now() - started };
  await audit(actor, "dimension.promote", `dimension:${tagKey}`, backfill);
  return { ...toOut(result.row), backfill };
}

/** Promotes each key not yet a dimension (the demo's first start); already promoted keys are left as they are. */
export async function ensureDimensions(tagKeys: readonly string[], actor: string): Promise<void> {
  const have = new Set((await listDimensions()).map((d) => d.tagKey));
  for (const key of tagKeys) if (!have.has(key)) await promoteDimension(key, actor);
}

export async function removeDimension(tagKey: string, actor: string): Promise<{ removed: string }> {
  await inTransaction(async (client) => {
    await client.query("LOCK TABLE dimensions IN EXCLUSIVE MODE");
    const deleted = await client.query("DELETE FROM dimensions WHERE tag_key = $1", [tagKey]);
    if (deleted.rowCount === 0) throw notFound(`Dimension "${tagKey}"`);
    await client.query("DELETE FROM usage_daily_dimension WHERE tag_key = $1", [tagKey]);
  });
  await audit(actor, "dimension.remove", `dimension:${tagKey}`);
  return { removed: tagKey };
}

async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const out = await work(client);
    await client.query("COMMIT");
    return out;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
