/** usage_events columns in the order COPY rows are formatted (see format-event.ts). */
export const EVENT_COLUMNS = [
  "dedup_key", "occurred_at", "source", "model_id", "team_id", "workload_id", "api_key_id", "user_name",
  "source_team", "source_workload", "source_key", "input_tokens", "cached_input_tokens", "cache_write_tokens",
  "output_tokens", "reasoning_tokens", "requests", "batch", "service_tier", "cost_nanos", "source_cost_nanos",
  "price_source", "price_override_id", "latency_ms", "status", "tags", "ingest_batch_id",
] as const;

/** Roll-up maintenance shared by ingestion (from inserted rows) and rebuilds (from all events). */
export const DAILY_KEY = ["day", "team_id", "workload_id", "model_id", "batch"] as const;

export function dailyRollupSelect(from: string): string {
  return `SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id, e.batch,
    count(*), sum(e.requests), sum(e.input_tokens), sum(e.cached_input_tokens), sum(e.cache_write_tokens),
    sum(e.output_tokens), sum(e.reasoning_tokens), COALESCE(sum(e.cost_nanos), 0), COALESCE(sum(e.source_cost_nanos), 0),
    COALESCE(sum(e.requests) FILTER (WHERE e.cost_nanos IS NULL), 0)
  FROM ${from} e GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
}

export function userRollupSelect(from: string): string {
  return `SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, COALESCE(e.team_id, 0), e.user_name,
    sum(e.requests), sum(e.input_tokens), sum(e.output_tokens), COALESCE(sum(e.cost_nanos), 0)
  FROM ${from} e WHERE e.user_name IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

export const DAILY_INSERT = `INSERT INTO usage_daily (day, team_id, workload_id, model_id, batch, events, requests, input_tokens,
  cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos, source_cost_nanos, unpriced_requests)`;

export const DAILY_UPSERT = `ON CONFLICT (day, team_id, workload_id, model_id, batch) DO UPDATE SET
  events = usage_daily.events + EXCLUDED.events, requests = usage_daily.requests + EXCLUDED.requests,
  input_tokens = usage_daily.input_tokens + EXCLUDED.input_tokens,
  cached_input_tokens = usage_daily.cached_input_tokens + EXCLUDED.cached_input_tokens,
  cache_write_tokens = usage_daily.cache_write_tokens + EXCLUDED.cache_write_tokens,
  output_tokens = usage_daily.output_tokens + EXCLUDED.output_tokens,
  reasoning_tokens = usage_daily.reasoning_tokens + EXCLUDED.reasoning_tokens,
  cost_nanos = usage_daily.cost_nanos + EXCLUDED.cost_nanos,
  source_cost_nanos = usage_daily.source_cost_nanos + EXCLUDED.source_cost_nanos,
  unpriced_requests = usage_daily.unpriced_requests + EXCLUDED.unpriced_requests`;

export const USER_INSERT = `INSERT INTO usage_daily_user (day, team_id, user_name, requests, input_tokens, output_tokens, cost_nanos)`;

export const USER_UPSERT = `ON CONFLICT (day, team_id, user_name) DO UPDATE SET
  requests = usage_daily_user.requests + EXCLUDED.requests, input_tokens = usage_daily_user.input_tokens + EXCLUDED.input_tokens,
  output_tokens = usage_daily_user.output_tokens + EXCLUDED.output_tokens, cost_nanos = usage_daily_user.cost_nanos + EXCLUDED.cost_nanos`;
