-- Unknown request counts are unknown, not zero (issue 9.3). A stored row with requests = 0 stands for an unknown
-- number of calls (an Anthropic usage-report bucket has no request count):
--   unpriced_events      rows without a price, whatever their request count (unpriced_requests missed these);
--   uncounted_events     rows whose request count is unknown,
--   uncounted_cost_nanos and their cost: per-call figures (cost per 1k calls) leave both out and say so.
ALTER TABLE "usage_daily" ADD COLUMN "unpriced_events" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "usage_daily" ADD COLUMN "uncounted_events" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "usage_daily" ADD COLUMN "uncounted_cost_nanos" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "usage_daily_user" ADD COLUMN "unpriced_events" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "usage_daily_user" ADD COLUMN "uncounted_events" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "usage_daily_user" ADD COLUMN "uncounted_cost_nanos" BIGINT NOT NULL DEFAULT 0;

-- Back-fill from the stored events.
UPDATE "usage_daily" d SET unpriced_events = x.unpriced, uncounted_events = x.uncounted, uncounted_cost_nanos = x.uncounted_cost
FROM (
  SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, COALESCE(e.team_id, 0) AS team_id, COALESCE(e.workload_id, 0) AS workload_id, e.model_id, e.batch,
    count(*) FILTER (WHERE e.cost_nanos IS NULL) AS unpriced, count(*) FILTER (WHERE e.requests = 0) AS uncounted,
    COALESCE(sum(e.cost_nanos) FILTER (WHERE e.requests = 0), 0) AS uncounted_cost
  FROM usage_events e GROUP BY 1, 2, 3, 4, 5
) x
WHERE d.day = x.day AND d.team_id = x.team_id AND d.workload_id = x.workload_id AND d.model_id = x.model_id AND d.batch = x.batch;
UPDATE "usage_daily_user" d SET unpriced_events = x.unpriced, uncounted_events = x.uncounted, uncounted_cost_nanos = x.uncounted_cost
FROM (
  SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, COALESCE(e.team_id, 0) AS team_id, COALESCE(e.workload_id, 0) AS workload_id, e.user_name,
    count(*) FILTER (WHERE e.cost_nanos IS NULL) AS unpriced, count(*) FILTER (WHERE e.requests = 0) AS uncounted,
    COALESCE(sum(e.cost_nanos) FILTER (WHERE e.requests = 0), 0) AS uncounted_cost
  FROM usage_events e WHERE e.user_name IS NOT NULL GROUP BY 1, 2, 3, 4
) x
WHERE d.day = x.day AND d.team_id = x.team_id AND d.workload_id = x.workload_id AND d.user_name = x.user_name;
