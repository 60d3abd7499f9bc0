import "server-only";
import type pg from "pg";
import { nanosToUsd } from "@/lib/money";
import { AppError } from "@/lib/errors";
import { DAILY_INSERT, USER_INSERT, dailyRollupSelect, userRollupSelect } from "@/lib/ingest/store/columns";
import { SLOT_INSERT, SLOTS_OF_DAYS, slotRollupSelect } from "@/lib/ingest/store/slot-rollup";
import { applySignedRollups } from "@/lib/ingest/store/rollup-delta";
import { rebuildShapeRollup } from "@/lib/ingest/store/shape-rollup";
import { lockedDimensionKeys, rebuildDimensionRollup } from "@/lib/ingest/store/dimension-rollup";
import { rebuildRunRollup } from "@/lib/ingest/store/run-rollup";
import { attributionSelect, CHANGED, MEASURE_COLUMNS, type AttributionScope } from "./attribution-sql";
import { loadCompiledRules } from "./load-rules";
import { wantsCitus } from "@/lib/db/citus";
import type { Reattribution } from "./rule-schema";

/** Serialises rule changes: two admins saving at once must not interleave their re-attributions. */
const REATTRIBUTION_LOCK = 72657370;

/** Taken first by every rule change (and again here; the lock is re-entrant within a transaction). */
export async function lockAttribution(client: pg.PoolClient): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock($1)", [REATTRIBUTION_LOCK]);
}

export interface ReattributeOptions {
  /** Which events to recompute (attribution-sql.ts): a rule change can only move rule candidates. */
  scope: AttributionScope;
  /**
   * How the roll-ups follow: "delta" moves exactly the changed events' sums from their old (team, workload) to
   * the new one (cost proportional to what moved); "rebuild" recomputes the affected days from all their events
   * with the roll-up SELECTs of ingestion (slower; also repairs roll-ups that drifted).
   */
  rollups: "delta" | "rebuild";
}

/**
 * Re-attributes history inside the caller's transaction (after it changed the rules): recomputes team/workload
 * of events from their stored source fields (attribution-sql.ts), updates the events that change and brings
 * usage_daily and usage_daily_user along. Nothing is re-ingested; either all of it commits or none of it.
 */
export async function reattributeHistory(client: pg.PoolClient, opts: ReattributeOptions = { scope: "rule-candidates", rollups: "delta" }): Promise<Reattribution> {
  const started = Date.now();
  await lockAttribution(client);
  const rules = await loadCompiledRules(client);
  const params: unknown[] = [];
  await client.query(
    `CREATE TEMP TABLE reattributed ON COMMIT DROP AS SELECT a.* FROM (${attributionSelect(rules, params, { scope: opts.scope })}) a WHERE ${CHANGED} ORDER BY a.tid`,
    params,
  );
  await client.query("ANALYZE reattributed");
  const moved = await client.query<{ events: number; cost: string; first_day: string | null; last_day: string | null }>(
    `SELECT count(*)::int AS events, COALESCE(sum(cost_nanos), 0)::text AS cost, min(day)::text AS first_day, max(day)::text AS last_day FROM reattributed`,
  );
  const { events, cost, first_day: firstDay, last_day: lastDay } = moved.rows[0];
  let daysRebuilt = 0;
  if (events > 0 && firstDay && lastDay) {
    await updateEvents(client, events);
    // Only now are the roll-ups locked against writes (readers keep reading the old numbers until commit): an
    // ingestion batch still running finishes first, one starting later adds its rows after, so no sum is lost,
    // and ingestion waits for the short roll-up step only, not for the whole recomputation.
    // Promoted tag keys first (then the roll-ups), the order ingestion takes them in: no lock cycle with a promotion.
    await lockedDimensionKeys(client);
    await client.query("LOCK TABLE usage_daily, usage_15min, usage_daily_user, usage_shape_daily, usage_runs IN SHARE ROW EXCLUSIVE MODE");
    if (opts.rollups === "delta") await moveRollupSums(client);
    else daysRebuilt = await rebuildRollups(client, firstDay, lastDay);
  }
  return { eventsMoved: events, costMovedUsd: nanosToUsd(cost), firstDay, lastDay, daysRebuilt, durationMs: Date.now() - started };
}

/**
 * Writes the new attribution into the changed events, found by their physical row id (ctid) in ctid order (a
 * ctid is unique within one partition: occurred_at picks the partition, by run-time pruning): a
 * few hundred thousand direct row fetches instead of a scan of the whole table, which the planner would pick
 * for a join with a freshly created table. A ctid names one version of a row, so an event changed by someone
 * else since it was read (re-pricing, a re-imported usage bucket) is not matched: then the counts differ and the
 * whole change is refused rather than moving roll-up sums computed from an outdated version.
 */
async function updateEvents(client: pg.PoolClient, expected: number): Promise<void> {
  await client.query("SET LOCAL enable_hashjoin = off");
  await client.query("SET LOCAL enable_mergejoin = off");
  // Citus refuses a ctid match in a distributed UPDATE: there the rows are matched by their key alone, so an event
  // changed meanwhile is not detected by its version (the count check below still catches one deleted meanwhile).
  const byVersion = (await wantsCitus(client)) ? "" : "AND e.ctid = r.tid";
  const updated = await client.query(
    `UPDATE usage_events e SET team_id = r.new_team, workload_id = r.new_workload FROM reattributed r WHERE e.occurred_at = r.occurred_at ${byVersion} AND e.dedup_key = r.dedup_key`,
  );
  await client.query("RESET enable_hashjoin");
  await client.query("RESET enable_mergejoin");
  if (updated.rowCount !== expected) {
    throw new AppError("conflict", "Usage changed while history was being re-attributed (an import or re-pricing ran at the same time). Nothing was changed; save again.");
  }
}

/**
 * Takes the moved events out of every roll-up under their old (team, workload) and puts them back under the new
 * one, with ingestion's signed-delta maintenance (lib/ingest/store/rollup-delta.ts), so usage_daily,
 * usage_15min, usage_daily_user and usage_shape_daily all follow and stay equal to a rebuild from events.
 */
async function moveRollupSums(client: pg.PoolClient): Promise<void> {
  const measures = MEASURE_COLUMNS.map((c) => `r.${c}`).join(", ");
  await applySignedRollups(
    client,
    `(SELECT r.old_team AS team_id, r.old_workload AS workload_id, ${measures}, -1 AS sign FROM reattributed r
      UNION ALL
      SELECT r.new_team, r.new_workload, ${measures}, 1 FROM reattributed r)`,
  );
}

/** Recomputes every roll-up for the UTC days firstDay..lastDay from usage_events (ingestion's roll-up SELECTs). */
async function rebuildRollups(client: pg.PoolClient, firstDay: string, lastDay: string): Promise<number> {
  const events = `(SELECT * FROM usage_events WHERE occurred_at >= ($1::date::timestamp AT TIME ZONE 'UTC') AND occurred_at < (($2::date + 1)::timestamp AT TIME ZONE 'UTC'))`;
  await client.query("DELETE FROM usage_daily WHERE day BETWEEN $1::date AND $2::date", [firstDay, lastDay]);
  await client.query("DELETE FROM usage_daily_user WHERE day BETWEEN $1::date AND $2::date", [firstDay, lastDay]);
  await client.query(`${DAILY_INSERT} ${dailyRollupSelect(events)}`, [firstDay, lastDay]);
  await client.query(`${USER_INSERT} ${userRollupSelect(events)}`, [firstDay, lastDay]);
  await client.query(`DELETE FROM usage_15min WHERE ${SLOTS_OF_DAYS}`, [firstDay, lastDay]);
  await client.query(`${SLOT_INSERT} ${slotRollupSelect(events)}`, [firstDay, lastDay]);
  await rebuildShapeRollup(client, firstDay, lastDay);
  await rebuildDimensionRollup(client, firstDay, lastDay);
  await rebuildRunRollup(client, firstDay, lastDay);
  const days = await client.query<{ n: number }>("SELECT ($2::date - $1::date + 1)::int AS n", [firstDay, lastDay]);
  return days.rows[0].n;
}
