import "server-only";
import type pg from "pg";
import { nanosToUsd } from "@/lib/money";
import { DAILY_INSERT, USER_INSERT, dailyRollupSelect, userRollupSelect } from "@/lib/ingest/store/columns";
import { attributionSelect, CHANGED, type AttributionScope } from "./attribution-sql";
import { loadCompiledRules } from "./load-rules";
import type { Reattribution } from "./rule-schema";

/** Serialises rule changes: two admins saving at once must not interleave their re-attributions. */
const REATTRIBUTION_LOCK = 72657370;

/** Taken first by every rule change (and again here; the lock is re-entrant within a transaction). */
export async function lockAttribution(client: pg.PoolClient): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock($1)", [REATTRIBUTION_LOCK]);
}

/**
 * Re-attributes history inside the caller's transaction (after it changed the rules): recomputes team/workload
 * of every event from its stored source fields (attribution-sql.ts), updates the events that change, and
 * rebuilds usage_daily and usage_daily_user for the days those events span from the events themselves (the same
 * roll-up SELECTs ingestion uses, lib/ingest/store/columns.ts). Nothing is re-ingested.
 *
 * The roll-ups are locked against writes first (readers keep reading the old numbers until commit): an
 * ingestion batch already running finishes before, one starting later adds its rows after, so no sum is lost.
 */
export async function reattributeHistory(client: pg.PoolClient, scope: AttributionScope = "rule-candidates"): Promise<Reattribution> {
  const started = Date.now();
  await lockAttribution(client);
  await client.query("LOCK TABLE usage_daily, usage_daily_user IN SHARE ROW EXCLUSIVE MODE");
  const rules = await loadCompiledRules(client);
  const params: unknown[] = [];
  await client.query(
    `CREATE TEMP TABLE reattributed ON COMMIT DROP AS SELECT a.* FROM (${attributionSelect(rules, params, { scope })}) a WHERE ${CHANGED}`,
    params,
  );
  const moved = await client.query<{ events: number; cost: string; first_day: string | null; last_day: string | null }>(
    `SELECT count(*)::int AS events, COALESCE(sum(cost_nanos), 0)::text AS cost, min(day)::text AS first_day, max(day)::text AS last_day FROM reattributed`,
  );
  const { events, cost, first_day: firstDay, last_day: lastDay } = moved.rows[0];
  let daysRebuilt = 0;
  if (events > 0 && firstDay && lastDay) {
    await client.query(
      `UPDATE usage_events e SET team_id = r.new_team, workload_id = r.new_workload FROM reattributed r WHERE e.dedup_key = r.dedup_key`,
    );
    daysRebuilt = await rebuildRollups(client, firstDay, lastDay);
  }
  return { eventsMoved: events, costMovedUsd: nanosToUsd(cost), firstDay, lastDay, daysRebuilt, durationMs: Date.now() - started };
}

/** Recomputes both roll-ups for the UTC days firstDay..lastDay from usage_events. */
async function rebuildRollups(client: pg.PoolClient, firstDay: string, lastDay: string): Promise<number> {
  // Dates come from Postgres itself (min/max of a date column), bound as parameters all the same.
  const events = `(SELECT * FROM usage_events WHERE occurred_at >= ($1::date::timestamp AT TIME ZONE 'UTC') AND occurred_at < (($2::date + 1)::timestamp AT TIME ZONE 'UTC'))`;
  await client.query("DELETE FROM usage_daily WHERE day BETWEEN $1::date AND $2::date", [firstDay, lastDay]);
  await client.query("DELETE FROM usage_daily_user WHERE day BETWEEN $1::date AND $2::date", [firstDay, lastDay]);
  await client.query(`${DAILY_INSERT} ${dailyRollupSelect(events)}`, [firstDay, lastDay]);
  await client.query(`${USER_INSERT} ${userRollupSelect(events)}`, [firstDay, lastDay]);
  const days = await client.query<{ n: number }>("SELECT ($2::date - $1::date + 1)::int AS n", [firstDay, lastDay]);
  return days.rows[0].n;
}
