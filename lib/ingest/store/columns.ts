/** usage_events columns in the order COPY rows are formatted (see format-event.ts). */
export const EVENT_COLUMNS = [
  "dedup_key", "occurred_at", "source", "model_id", "team_id", "workload_id", "api_key_id", "user_name",
  "source_team", "source_workload", "source_key", "input_tokens", "cached_input_tokens", "cache_write_tokens",
  "output_tokens", "reasoning_tokens", "requests", "batch", "service_tier", "cost_nanos", "source_cost_nanos",
  "price_source", "price_override_id", "latency_ms", "status", "tags", "ingest_batch_id", "cache_write_1h_tokens", "tool_cost_nanos",
  "run_id", "run_kind",
] as const;

/** Roll-up maintenance shared by ingestion (from inserted rows) and rebuilds (from all events). */

/**
 * Unknown request counts (requests = 0) stay unknown: unpriced rows are counted as rows, and rows without a count
 * are counted with their cost so per-call figures can leave them out (lib/analytics/format-measures.ts).
 */
const COUNTS_SQL = `count(*) FILTER (WHERE e.cost_nanos IS NULL), count(*) FILTER (WHERE e.requests = 0),
    COALESCE(sum(e.cost_nanos) FILTER (WHERE e.requests = 0), 0)`;

export function dailyRollupSelect(from: string): string {
  return `SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id, e.batch,
    count(*), sum(e.requests), sum(e.input_tokens), sum(e.cached_input_tokens), sum(e.cache_write_tokens),
    sum(e.output_tokens), sum(e.reasoning_tokens), COALESCE(sum(e.cost_nanos), 0), COALESCE(sum(e.source_cost_nanos), 0),
    COALESCE(sum(e.requests) FILTER (WHERE e.cost_nanos IS NULL), 0), COALESCE(sum(e.tool_cost_nanos), 0), ${COUNTS_SQL}
  FROM ${from} e GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
}

export function userRollupSelect(from: string): string {
  return `SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.user_name,
    count(*), sum(e.requests), sum(e.input_tokens), sum(e.cached_input_tokens), sum(e.cache_write_tokens),
    sum(e.output_tokens), sum(e.reasoning_tokens), COALESCE(sum(e.cost_nanos), 0),
    COALESCE(sum(e.requests) FILTER (WHERE e.cost_nanos IS NULL), 0), ${COUNTS_SQL}
  FROM ${from} e WHERE e.user_name IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
}

export const DAILY_INSERT = `INSERT INTO usage_daily (day, team_id, workload_id, model_id, batch, events, requests, input_tokens,
  cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos, source_cost_nanos, unpriced_requests, tool_cost_nanos,
  unpriced_events, uncounted_events, uncounted_cost_nanos)`;

/** `col = table.col + EXCLUDED.col` for each column: a roll-up upsert adds the batch's sums to the stored row. */
export const sumColumns = (table: string, columns: string[]) => columns.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(", ");
/** The measures every usage roll-up keeps (usage_daily, usage_daily_user, usage_daily_dimension, usage_15min). */
export const TOKEN_SUMS = ["events", "requests", "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens", "reasoning_tokens", "cost_nanos", "unpriced_requests",
  "unpriced_events", "uncounted_events", "uncounted_cost_nanos"];

export const DAILY_UPSERT = `ON CONFLICT (day, team_id, workload_id, model_id, batch) DO UPDATE SET
  ${sumColumns("usage_daily", [...TOKEN_SUMS, "source_cost_nanos", "tool_cost_nanos"])}`;

export const USER_INSERT = `INSERT INTO usage_daily_user (day, team_id, workload_id, user_name, events, requests, input_tokens,
  cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos, unpriced_requests, unpriced_events, uncounted_events, uncounted_cost_nanos)`;

export const USER_UPSERT = `ON CONFLICT (day, team_id, workload_id, user_name) DO UPDATE SET ${sumColumns("usage_daily_user", TOKEN_SUMS)}`;
