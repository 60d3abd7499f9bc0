import type pg from "pg";
import { defaultTier, type PriceOverrideInput, type Pricer } from "@/lib/pricing";
import { applySignedRollups } from "./rollup-delta";
import { lockedDimensionKeys } from "./dimension-rollup";
import { storedEventsByKey } from "./event-keys";
import { PRICE_INPUT_SELECT, priceChanges, writePriceChanges } from "./reprice-rows";
import { wantsCitus } from "@/lib/db/citus";

/**
 * Re-prices stored events after a price override was added, changed or deleted, inside the caller's
 * transaction (which holds the exclusive pricing lock, pricing-guard.ts). Events are priced again in JS with the
 * very pricer ingestion uses (reprice-rows.ts), so a re-priced event costs exactly what ingesting it fresh with
 * the new overrides would cost, whatever applies now: another override, the catalogue, or no price at all.
 *
 * Work is done in chunks of whole UTC days (found from usage_daily, so days without the models' events are never
 * read) of at most CHUNK_EVENTS events: only changed events are written, and each chunk moves its changes
 * through every roll-up by signed deltas (rollup-delta.ts: the old version out, the new one in). Memory stays
 * bounded by one chunk; a re-price of a long history takes one pass over its days. Re-priced rows are found again
 * by key, one index probe each (event-keys.ts; a join with a temp table may be planned as a scan).
 */
const CHUNK_EVENTS = 200_000;

export interface RepriceScope {
  modelIds: number[];
  /** First UTC day (YYYY-MM-DD) whose prices may have changed. */
  fromDay: string;
}

export interface RepriceSummary {
  eventsRepriced: number;
  /** Sum of (new cost - old cost) over the re-priced events, nano-dollars; unpriced counts as 0. */
  costDeltaNanos: bigint;
  firstDay: string | null;
  lastDay: string | null;
}

export async function repriceStoredEvents(client: pg.ClientBase, scope: RepriceScope, pricer: Pricer): Promise<RepriceSummary> {
  const summary: RepriceSummary = { eventsRepriced: 0, costDeltaNanos: 0n, firstDay: null, lastDay: null };
  if (scope.modelIds.length === 0) return summary;
  // Readers keep the old numbers until commit; concurrent ingestion and re-attribution wait (as in reattribute.ts).
  // Promoted tag keys first (then the roll-ups), the order ingestion takes them in: no lock cycle with a promotion.
  await lockedDimensionKeys(client);
  await client.query("LOCK TABLE usage_daily, usage_15min, usage_daily_user, usage_shape_daily IN SHARE ROW EXCLUSIVE MODE");
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS repriced_old (LIKE usage_events) ON COMMIT DROP`);
  const citus = await wantsCitus(client);
  // Citus: the transaction later updates `models`, a reference table, which it refuses after a parallel
  // multi-shard operation in the same transaction; one connection per worker keeps that allowed.
  if (citus) await client.query("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'");

  for (const [first, last] of await dayChunks(client, scope)) {
    const changes = await priceChanges(
      client,
      `${PRICE_INPUT_SELECT} FROM usage_events e JOIN models m ON m.id = e.model_id
       WHERE e.model_id = ANY($1::int[]) AND e.occurred_at >= ($2::date::timestamp AT TIME ZONE 'UTC')
         AND e.occurred_at < (($3::date + 1)::timestamp AT TIME ZONE 'UTC')`,
      [scope.modelIds, first, last],
      pricer,
    );
    if (changes.length === 0) continue;
    await client.query("TRUNCATE repriced_old");
    await client.query(
      `INSERT INTO repriced_old SELECT * FROM ${storedEventsByKey("(SELECT * FROM unnest($1::timestamptz[], $2::uuid[]) AS k0(occurred_at, dedup_key))", citus)} e`,
      [changes.map((c) => c.occurredAt), changes.map((c) => c.dedupKey)],
    );
    await writePriceChanges(client, "usage_events", changes);
    await applySignedRollups(
      client,
      `(SELECT -1 AS sign, o.* FROM repriced_old o
        UNION ALL SELECT 1 AS sign, e.* FROM ${storedEventsByKey("repriced_old", citus)} e)`,
    );
    // Two sums, subtracted here: Citus cannot push down a subquery in the target list.
    const sumOf = async (relation: string) => BigInt((await client.query<{ s: string }>(`SELECT COALESCE(sum(e.cost_nanos), 0)::text AS s FROM ${relation} e`)).rows[0].s);
    const delta = (await sumOf(storedEventsByKey("repriced_old", citus))) - (await sumOf("repriced_old"));
    summary.eventsRepriced += changes.length;
    summary.costDeltaNanos += delta;
    summary.firstDay ??= first;
    summary.lastDay = last;
  }
  return summary;
}

/** Consecutive days holding events of the models, grouped into chunks of at most CHUNK_EVENTS events. */
async function dayChunks(client: pg.ClientBase, scope: RepriceScope): Promise<[string, string][]> {
  const days = await client.query<{ day: string; events: string }>(
    `SELECT day::text AS day, sum(events)::text AS events FROM usage_daily
     WHERE model_id = ANY($1::int[]) AND day >= $2::date GROUP BY day ORDER BY day`,
    [scope.modelIds, scope.fromDay],
  );
  const chunks: [string, string][] = [];
  let current: [string, string] | null = null;
  let size = 0;
  for (const { day, events } of days.rows) {
    const n = Number(events);
    if (current && size + n > CHUNK_EVENTS) {
      chunks.push(current);
      current = null;
    }
    if (!current) {
      current = [day, day];
      size = 0;
    }
    current[1] = day;
    size += n;
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * After re-pricing: a model is "unpriced" while any of its stored events has no cost (read from the what-if
 * roll-up, which keeps priced and unpriced calls apart), and a model whose tier was derived from its price gets
 * the tier its price now gives.
 */
export async function refreshModelPricing(client: pg.ClientBase, modelIds: number[], overrides: readonly PriceOverrideInput[]): Promise<void> {
  if (modelIds.length === 0) return;
  // Read first, then update: on Citus, models is a reference table, which an UPDATE may not fill from a sharded one.
  const unpriced = await client.query<{ model_id: number }>(
    `SELECT DISTINCT model_id FROM usage_shape_daily WHERE model_id = ANY($1::int[]) AND NOT priced AND events > 0`,
    [modelIds],
  );
  await client.query(`UPDATE models SET unpriced = (id = ANY($2::int[])) WHERE id = ANY($1::int[])`, [modelIds, unpriced.rows.map((r) => r.model_id)]);
  const models = await client.query<{ id: number; provider: string; name: string }>(
    `SELECT id, provider, name FROM models WHERE id = ANY($1::int[]) AND tier_source = 'default'`,
    [modelIds],
  );
  for (const m of models.rows) {
    await client.query("UPDATE models SET tier = $2 WHERE id = $1", [m.id, defaultTier(m.provider, m.name, overrides)]);
  }
}
