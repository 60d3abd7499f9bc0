import type pg from "pg";
import { TOKEN_SUMS, sumColumns } from "./columns";

/**
 * The per-key tag roll-up (usage_daily_dimension, per day, team, workload, model, key and value): every event
 * counts once under EACH promoted tag key, with its value of that tag, or '' when it has none (shown as "(none)"):
 * so one key's rows add up to exactly what usage_daily holds, and spend without the tag is never hidden. The model
 * lets a tag combine with model, provider and tier filters and groupings (lib/analytics/tag-spend.ts); model_id 0
 * ("model not recorded") only holds days rolled up before the model was kept whose raw calls were already gone
 * (migration 20261203110000_dimension_model). Shared by ingestion (rows just inserted),
 * signed corrections (rollup-delta.ts), rebuilds and the back-fill of a newly promoted key, so the keys and sums
 * are computed the same way everywhere.
 */

/** The value an event files under for key `k`: an empty value is the same as none. */
const VALUE_SQL = (key: string) => `COALESCE(e.tags->>${key}, '')`;

export const DIMENSION_INSERT = `INSERT INTO usage_daily_dimension (day, team_id, workload_id, model_id, tag_key, tag_value, events, requests, input_tokens,
  cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos, unpriced_requests, unpriced_events, uncounted_events,
  uncounted_cost_nanos)`;

export const DIMENSION_UPSERT = `ON CONFLICT (tag_key, day, team_id, workload_id, model_id, tag_value) DO UPDATE SET
  ${sumColumns("usage_daily_dimension", TOKEN_SUMS)}`;

/**
 * Roll-up rows of `from` (usage_events-shaped, alias e) for the keys in `keysParam` (a text[] parameter, e.g.
 * "$1::text[]"). With `signed`, `from` has a `sign` column (+1/-1) and the sums are signed (rollup-delta.ts).
 */
export function dimensionRollupSelect(from: string, keysParam: string, signed = false): string {
  const s = signed ? "e.sign" : "1";
  const w = (x: string) => (signed ? `e.sign * ${x}` : x);
  return `SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id, k.key, ${VALUE_SQL("k.key")},
    sum(${s}), sum(${w("e.requests")}), sum(${w("e.input_tokens")}), sum(${w("e.cached_input_tokens")}), sum(${w("e.cache_write_tokens")}),
    sum(${w("e.output_tokens")}), sum(${w("e.reasoning_tokens")}), COALESCE(sum(${w("e.cost_nanos")}), 0),
    COALESCE(sum(${w("e.requests")}) FILTER (WHERE e.cost_nanos IS NULL), 0), COALESCE(sum(${s}) FILTER (WHERE e.cost_nanos IS NULL), 0),
    COALESCE(sum(${s}) FILTER (WHERE e.requests = 0), 0), COALESCE(sum(${w("e.cost_nanos")}) FILTER (WHERE e.requests = 0), 0)
  FROM ${from} e CROSS JOIN unnest(${keysParam}) AS k(key) GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 5, 1, 2, 3, 4, 6`;
}

/**
 * The promoted keys, read under a ROW SHARE lock on `dimensions` held to the end of the caller's transaction:
 * promoting a key takes EXCLUSIVE on it (lib/dimensions/promote.ts), so a back-fill never runs while a batch that
 * did not know the key is still uncommitted (its events would be in neither), and a batch starting after the
 * promotion sees the key.
 */
export async function lockedDimensionKeys(client: pg.ClientBase): Promise<string[]> {
  // One round trip for both (a simple query of two statements: the SELECT's snapshot is taken after the lock).
  const [, keys] = (await client.query("LOCK TABLE dimensions IN ROW SHARE MODE; SELECT tag_key FROM dimensions ORDER BY tag_key")) as unknown as pg.QueryResult<{ tag_key: string }>[];
  return keys.rows.map((r) => r.tag_key);
}

/** Recomputes the roll-up of the promoted keys for UTC days first..last from usage_events (re-attribution's rebuild). */
export async function rebuildDimensionRollup(client: pg.ClientBase, firstDay: string, lastDay: string): Promise<void> {
  const keys = await lockedDimensionKeys(client);
  await client.query("DELETE FROM usage_daily_dimension WHERE day BETWEEN $1::date AND $2::date", [firstDay, lastDay]);
  if (keys.length === 0) return;
  const events = `(SELECT * FROM usage_events WHERE occurred_at >= ($1::date::timestamp AT TIME ZONE 'UTC') AND occurred_at < (($2::date + 1)::timestamp AT TIME ZONE 'UTC'))`;
  await client.query(`${DIMENSION_INSERT} ${dimensionRollupSelect(events, "$3::text[]")}`, [firstDay, lastDay, keys]);
}
