import { TOKEN_SUMS, sumColumns } from "./columns";

/**
 * usage_15min (migration 20261203095000_usage_15min): spend per 15-minute slot, team, workload and model, read only
 * where a day must be cut at a time of day (the month-to-date comparison, lib/analytics/cube.ts). Maintained with
 * the daily roll-ups: by the ingest statement (write-batch.ts), signed deltas (rollup-delta.ts) and re-attribution's
 * rebuild (lib/attribution/reattribute.ts). Its measures mean what usage_daily's do (columns.ts).
 */
export const SLOT_INSERT = `INSERT INTO usage_15min (slot, team_id, workload_id, model_id, events, requests, input_tokens, cached_input_tokens,
  cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos, unpriced_requests, unpriced_events, uncounted_events, uncounted_cost_nanos)`;

export const SLOT_UPSERT = `ON CONFLICT (slot, team_id, workload_id, model_id) DO UPDATE SET ${sumColumns("usage_15min", TOKEN_SUMS)}`;

/** The slots of the UTC days $1..$2 (dates), for clearing or rebuilding the roll-up over a day range. */
export const SLOTS_OF_DAYS = `slot >= ($1::date::timestamp AT TIME ZONE 'UTC') AND slot < (($2::date + 1)::timestamp AT TIME ZONE 'UTC')`;

/**
 * The 15-minute slot a call falls in, as its start: slots are counted from the Unix epoch in absolute time, so the
 * session's TimeZone cannot move them, and four of them make each UTC hour.
 */
export const SLOT_MINUTES = 15;
export const SLOT_OF_CALL = `date_bin('${SLOT_MINUTES} minutes', e.occurred_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')`;

/** The start of the slot an ISO instant falls in, as ISO (SLOT_OF_CALL in code). */
export function startOfSlot(instant: string): string {
  const ms = SLOT_MINUTES * 60_000;
  return new Date(Math.floor(new Date(instant).getTime() / ms) * ms).toISOString();
}

/**
 * Rows of `from` (usage_events-shaped, alias e) summed per slot; `signed` multiplies each call by its `sign`
 * column (+1 put in, -1 taken out) for rollup-delta.ts.
 */
export function slotRollupSelect(from: string, signed = false): string {
  const s = signed ? "e.sign * " : "";
  const count = signed ? "sum(e.sign)" : "count(*)";
  return `SELECT ${SLOT_OF_CALL}, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id,
    ${count}, sum(${s}e.requests), sum(${s}e.input_tokens), sum(${s}e.cached_input_tokens), sum(${s}e.cache_write_tokens),
    sum(${s}e.output_tokens), sum(${s}e.reasoning_tokens), COALESCE(sum(${s}e.cost_nanos), 0),
    COALESCE(sum(${s}e.requests) FILTER (WHERE e.cost_nanos IS NULL), 0),
    COALESCE(${count} FILTER (WHERE e.cost_nanos IS NULL), 0), COALESCE(${count} FILTER (WHERE e.requests = 0), 0),
    COALESCE(sum(${s}e.cost_nanos) FILTER (WHERE e.requests = 0), 0)
  FROM ${from} e GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
}
