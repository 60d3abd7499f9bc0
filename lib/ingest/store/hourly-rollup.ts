/**
 * usage_hourly (migration 20261203095000_usage_hourly): spend per UTC hour, team, workload and model, read only
 * where a day must be cut at a time of day (the month-to-date comparison, lib/analytics/cube.ts). Maintained with
 * the daily roll-ups: by the ingest statement (write-batch.ts), signed deltas (rollup-delta.ts) and re-attribution's
 * rebuild (lib/attribution/reattribute.ts). Its measures mean what usage_daily's do (columns.ts).
 */
export const HOURLY_INSERT = `INSERT INTO usage_hourly (hour, team_id, workload_id, model_id, events, requests, input_tokens, cached_input_tokens,
  cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos, unpriced_requests, unpriced_events, uncounted_events, uncounted_cost_nanos)`;

const SUMMED = ["events", "requests", "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens", "reasoning_tokens", "cost_nanos",
  "unpriced_requests", "unpriced_events", "uncounted_events", "uncounted_cost_nanos"];

export const HOURLY_UPSERT = `ON CONFLICT (hour, team_id, workload_id, model_id) DO UPDATE SET
  ${SUMMED.map((c) => `${c} = usage_hourly.${c} + EXCLUDED.${c}`).join(", ")}`;

/** The UTC hour a call falls in (explicit zone: the session's TimeZone must not move the key). */
export const HOUR_OF_CALL = `date_trunc('hour', e.occurred_at, 'UTC')`;

/**
 * Rows of `from` (usage_events-shaped, alias e) summed per hour key; `signed` multiplies each call by its `sign`
 * column (+1 put in, -1 taken out) for rollup-delta.ts.
 */
export function hourlyRollupSelect(from: string, signed = false): string {
  const s = signed ? "e.sign * " : "";
  const count = signed ? "sum(e.sign)" : "count(*)";
  return `SELECT ${HOUR_OF_CALL}, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id,
    ${count}, sum(${s}e.requests), sum(${s}e.input_tokens), sum(${s}e.cached_input_tokens), sum(${s}e.cache_write_tokens),
    sum(${s}e.output_tokens), sum(${s}e.reasoning_tokens), COALESCE(sum(${s}e.cost_nanos), 0),
    COALESCE(sum(${s}e.requests) FILTER (WHERE e.cost_nanos IS NULL), 0),
    COALESCE(${count} FILTER (WHERE e.cost_nanos IS NULL), 0), COALESCE(${count} FILTER (WHERE e.requests = 0), 0),
    COALESCE(sum(${s}e.cost_nanos) FILTER (WHERE e.requests = 0), 0)
  FROM ${from} e GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
}
