import type pg from "pg";

/**
 * usage_shape_daily: the what-if roll-up. Calls of one (day, team, workload, model, batch, service tier) are kept
 * apart by input size (input_bucket), so the what-if engine can price a group as `events` copies of its average
 * call and still land in the right context-length price tier for every call (lib/whatif/price-group.ts).
 *
 * Buckets are half-octaves of input tokens (1, 2, 3, 4, 6, 8, 12, ...) plus an edge just above every catalogue
 * tier threshold (a tier applies when a call's input is ABOVE its start, lib/pricing/rates.ts), so no bucket
 * straddles a tier: shape-rollup.test.ts fails when a catalogue upgrade brings a threshold that is not an edge.
 * Maintained like usage_daily: by ingestion from exactly the inserted rows (write-batch.ts), rebuilt from events
 * by re-attribution (rebuildShapeRollup), back-filled by its migration (20261123020000_whatif, same edges).
 */

/** Input-token thresholds of context-length price tiers in the bundled catalogue (genai-prices 0.1.8). */
export const TIER_STARTS: readonly number[] = [128_000, 199_999, 200_000, 271_999, 272_000];

export const INPUT_BUCKET_EDGES: readonly number[] = buildEdges();

function buildEdges(): number[] {
  const edges = new Set<number>([1]);
  for (let p = 2; p <= 2 ** 30; p *= 2) {
    edges.add(p);
    edges.add((p * 3) / 2);
  }
  for (const start of TIER_STARTS) edges.add(start + 1);
  return [...edges].filter((e) => e <= 2_147_483_647).sort((a, b) => a - b);
}

/** The bucket expression (width_bucket: 0 below the first edge, i for edges[i-1] <= x < edges[i]). */
export const INPUT_BUCKET_SQL = `width_bucket(e.input_tokens, '{${INPUT_BUCKET_EDGES.join(",")}}'::int[])::smallint`;

/** [from, to) input tokens of a bucket, for display and tests. */
export function bucketRange(bucket: number): { from: number; to: number | null } {
  return { from: bucket === 0 ? 0 : INPUT_BUCKET_EDGES[bucket - 1], to: INPUT_BUCKET_EDGES[bucket] ?? null };
}

export function shapeRollupSelect(from: string): string {
  return `SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id, e.batch,
    COALESCE(e.service_tier, ''), ${INPUT_BUCKET_SQL}, e.cost_nanos IS NOT NULL,
    count(*), sum(e.requests), sum(e.input_tokens), sum(e.cached_input_tokens), sum(e.cache_write_tokens),
    sum(e.output_tokens), sum(e.reasoning_tokens), COALESCE(sum(e.cost_nanos), 0)
  FROM ${from} e GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

export const SHAPE_INSERT = `INSERT INTO usage_shape_daily (day, team_id, workload_id, model_id, batch, service_tier, input_bucket, priced,
  events, requests, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos)`;

const SUMS = ["events", "requests", "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens", "reasoning_tokens", "cost_nanos"];

export const SHAPE_UPSERT = `ON CONFLICT (day, team_id, workload_id, model_id, batch, service_tier, input_bucket, priced) DO UPDATE SET
  ${SUMS.map((c) => `${c} = usage_shape_daily.${c} + EXCLUDED.${c}`).join(", ")}`;

/**
 * Rebuilds usage_shape_daily from usage_events, for the UTC days firstDay..lastDay (both included) or entirely,
 * inside the caller's transaction (re-attribution calls it next to its own roll-up rebuild). The table is locked
 * against ingestion writes first, as re-attribution locks usage_daily, so no concurrent batch's sums are lost.
 */
export async function rebuildShapeRollup(client: pg.PoolClient | pg.Client, firstDay?: string, lastDay?: string): Promise<void> {
  await client.query("LOCK TABLE usage_shape_daily IN SHARE ROW EXCLUSIVE MODE");
  if (firstDay === undefined || lastDay === undefined) {
    await client.query("DELETE FROM usage_shape_daily");
    await client.query(`${SHAPE_INSERT} ${shapeRollupSelect("usage_events")}`);
    return;
  }
  const events = `(SELECT * FROM usage_events WHERE occurred_at >= ($1::date::timestamp AT TIME ZONE 'UTC') AND occurred_at < (($2::date + 1)::timestamp AT TIME ZONE 'UTC'))`;
  await client.query("DELETE FROM usage_shape_daily WHERE day BETWEEN $1::date AND $2::date", [firstDay, lastDay]);
  await client.query(`${SHAPE_INSERT} ${shapeRollupSelect(events)}`, [firstDay, lastDay]);
}
