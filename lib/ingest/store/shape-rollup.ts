import type pg from "pg";
import { parseContextWindow } from "@/lib/pricing/per-call-tier";

/**
 * usage_shape_daily: the what-if roll-up. Calls of one (day, team, workload, model, batch, service tier) are kept
 * apart by input size (input_bucket), so the what-if engine can price a group as `events` copies of its average
 * call and still land in the right context-length price tier for every call (lib/whatif/price-group.ts).
 *
 * A stored row may stand for many calls (a usage-export bucket): it is bucketed by the input of ONE of its calls, the
 * same size the pricer picks its tier with (lib/pricing/per-call-tier.ts, TIER_INPUT_SQL below), and counts as
 * `requests` calls. Rows whose call count is unknown (requests = 0) go to NEGATIVE buckets, -1 - bucket of their
 * assumed per-call size (0, or the floor of their context-window band), so they never mix with counted calls:
 * the what-if prices them at their bucket's tier without inventing a call count (load-groups.ts).
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

/** Context-window groupings the SQL below understands (Anthropic usage report `context_window` values). */
export const KNOWN_CONTEXT_WINDOWS: readonly string[] = ["0-200k", "200k-1M"];

const CONTEXT_WINDOW_SQL = `(e.tags->>'anthropic.context_window')`;

/** One call's input size for tier choice, in SQL: tierInputPerCall (lib/pricing/per-call-tier.ts) for stored rows. */
export const TIER_INPUT_SQL = buildTierInputSql();

function buildTierInputSql(): string {
  const average = "e.input_tokens / e.requests"; // integer division = floor, as in tierInputPerCall
  const branches = KNOWN_CONTEXT_WINDOWS.map((text) => {
    const band = parseContextWindow(text)!;
    const floor = band.lo === 0 ? 0 : band.lo + 1;
    const clamped = band.hi === null ? average : `least(${average}, ${band.hi})`;
    return `WHEN ${CONTEXT_WINDOW_SQL} = '${text}' THEN CASE WHEN e.requests > 0 THEN greatest(${clamped}, ${floor}) ELSE ${floor} END`;
  });
  return `(CASE ${branches.join(" ")} WHEN e.requests > 0 THEN ${average} ELSE 0 END)`;
}

const EDGES_SQL = `'{${INPUT_BUCKET_EDGES.join(",")}}'::int[]`;

/**
 * The bucket expression (width_bucket: 0 below the first edge, i for edges[i-1] <= x < edges[i]) of one call's
 * input; -1 - that bucket when the row's call count is unknown.
 */
export const INPUT_BUCKET_SQL = `(CASE WHEN e.requests > 0 THEN width_bucket(${TIER_INPUT_SQL}, ${EDGES_SQL}) ELSE -1 - width_bucket(${TIER_INPUT_SQL}, ${EDGES_SQL}) END)::smallint`;

/** [from, to) input tokens of one call of a bucket, for display and tests (negative buckets: see above). */
export function bucketRange(bucket: number): { from: number; to: number | null } {
  const b = bucket < 0 ? -1 - bucket : bucket;
  return { from: b === 0 ? 0 : INPUT_BUCKET_EDGES[b - 1], to: INPUT_BUCKET_EDGES[b] ?? null };
}

/** True for the buckets of rows whose number of calls is unknown (requests = 0). */
export function isUncountedBucket(bucket: number): boolean {
  return bucket < 0;
}

export function shapeRollupSelect(from: string): string {
  return `SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id, e.batch,
    COALESCE(e.service_tier, ''), ${INPUT_BUCKET_SQL}, e.cost_nanos IS NOT NULL,
    count(*), sum(e.requests), sum(e.input_tokens), sum(e.cached_input_tokens), sum(e.cache_write_tokens),
    sum(e.output_tokens), sum(e.reasoning_tokens), COALESCE(sum(e.cost_nanos), 0), COALESCE(sum(e.tool_cost_nanos), 0)
  FROM ${from} e GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

export const SHAPE_INSERT = `INSERT INTO usage_shape_daily (day, team_id, workload_id, model_id, batch, service_tier, input_bucket, priced,
  events, requests, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos, tool_cost_nanos)`;

// tool_cost_nanos: the part of cost_nanos that is server-side tool calls, so the what-if can carry it over to a
// rerouted group (it prices tokens on the target; the searches are still made and paid).
const SUMS = ["events", "requests", "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens", "reasoning_tokens", "cost_nanos", "tool_cost_nanos"];

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
