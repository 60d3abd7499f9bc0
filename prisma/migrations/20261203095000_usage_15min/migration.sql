-- Spend per 15-minute slot, team, workload and model: the month-to-date comparison ("last month up to the same day and
-- time of day", lib/analytics/comparison.ts) cuts last month's matching day at the current time of day. Daily
-- roll-ups cannot say what was spent before 14:37, so the cube read that whole day's raw calls: about 1M rows at
-- 100M calls (bench:scale: /spend/overview p95 1.4 s). With this roll-up it reads the day's complete slots here
-- and only the raw calls of the last, partial slot (at most 15 minutes: ~12k calls at 100M calls over 90 days; an
-- hourly roll-up would leave up to an hour of them, ~3 us each in the cube). Kept like usage_daily: by the ingest
-- statement, by signed deltas (re-pricing, bucket replacement) and by re-attribution's rebuild. The key is the slot's
-- start (date_bin from the Unix epoch, lib/ingest/store/slot-rollup.ts).
CREATE TABLE "usage_15min" (
  "slot" TIMESTAMPTZ(0) NOT NULL,
  "team_id" INTEGER NOT NULL,
  "workload_id" INTEGER NOT NULL,
  "model_id" INTEGER NOT NULL,
  "events" BIGINT NOT NULL,
  "requests" BIGINT NOT NULL,
  "input_tokens" BIGINT NOT NULL,
  "cached_input_tokens" BIGINT NOT NULL,
  "cache_write_tokens" BIGINT NOT NULL,
  "output_tokens" BIGINT NOT NULL,
  "reasoning_tokens" BIGINT NOT NULL,
  "cost_nanos" BIGINT NOT NULL,
  "unpriced_requests" BIGINT NOT NULL,
  "unpriced_events" BIGINT NOT NULL,
  "uncounted_events" BIGINT NOT NULL,
  "uncounted_cost_nanos" BIGINT NOT NULL,
  CONSTRAINT "usage_15min_pkey" PRIMARY KEY ("slot", "team_id", "workload_id", "model_id")
) WITH (fillfactor = 80);

-- Back-fill from the stored calls (one pass over usage_events; minutes at 100M calls). Calls already dropped by
-- raw retention are not here: the comparison then reads only the slots still kept (ARCHITECTURE.md "Retention").
INSERT INTO "usage_15min"
SELECT date_bin('15 minutes', e.occurred_at, TIMESTAMPTZ '1970-01-01 00:00:00+00'), COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id,
  count(*), sum(e.requests), sum(e.input_tokens), sum(e.cached_input_tokens), sum(e.cache_write_tokens),
  sum(e.output_tokens), sum(e.reasoning_tokens), COALESCE(sum(e.cost_nanos), 0),
  COALESCE(sum(e.requests) FILTER (WHERE e.cost_nanos IS NULL), 0),
  count(*) FILTER (WHERE e.cost_nanos IS NULL), count(*) FILTER (WHERE e.requests = 0),
  COALESCE(sum(e.cost_nanos) FILTER (WHERE e.requests = 0), 0)
FROM "usage_events" e
GROUP BY 1, 2, 3, 4;
