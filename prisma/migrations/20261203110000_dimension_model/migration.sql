-- The tag roll-up gains the model (issue 13 §1, "any tag is a dimension"): with model_id in its grain, a tag
-- combines with model, provider and tier filters and groupings ("customer acme's spend by model", "feature X on
-- frontier models"). The table is rebuilt rather than altered so model_id sits beside team and workload (the
-- column order the roll-up SELECT of lib/ingest/store/dimension-rollup.ts writes), and so that on Citus the new
-- table is laid out afresh by the migrator (sharded by day with the other roll-ups, lib/db/citus.ts).
-- On a Citus coordinator (lib/db/citus.ts) the reads below go to the workers; one connection per worker lets the
-- same transaction drop the old table afterwards. Plain PostgreSQL keeps the setting as an unused placeholder.
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

CREATE TABLE "usage_daily_dimension_model" (
  "day" DATE NOT NULL,
  "team_id" INTEGER NOT NULL,
  "workload_id" INTEGER NOT NULL,
  "model_id" INTEGER NOT NULL,
  "tag_key" TEXT NOT NULL,
  "tag_value" TEXT NOT NULL,
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
  "uncounted_cost_nanos" BIGINT NOT NULL
);

-- Days whose raw calls retention already dropped (lib/db/retention.ts drops whole UTC months, so every day from the
-- first stored call on is complete): their per-value sums cannot be split by model any more and are kept as they
-- are under model_id 0, "model not recorded" (no such model: tag totals still include them, model filters and
-- groupings do not).
INSERT INTO "usage_daily_dimension_model"
SELECT d.day, d.team_id, d.workload_id, 0, d.tag_key, d.tag_value, d.events, d.requests, d.input_tokens, d.cached_input_tokens,
  d.cache_write_tokens, d.output_tokens, d.reasoning_tokens, d.cost_nanos, d.unpriced_requests, d.unpriced_events, d.uncounted_events,
  d.uncounted_cost_nanos
FROM "usage_daily_dimension" d
WHERE d.day < COALESCE((SELECT min(e.occurred_at AT TIME ZONE 'UTC')::date FROM "usage_events" e), 'infinity'::date);

-- Every other day is rolled up again from the stored calls for each promoted key, exactly as ingestion rolls them
-- up (dimensionRollupSelect as of this migration: every call once per key, under its value or '' = "(none)").
INSERT INTO "usage_daily_dimension_model"
SELECT (e.occurred_at AT TIME ZONE 'UTC')::date, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id, k.tag_key,
  COALESCE(e.tags->>k.tag_key, ''),
  count(*), sum(e.requests), sum(e.input_tokens), sum(e.cached_input_tokens), sum(e.cache_write_tokens), sum(e.output_tokens),
  sum(e.reasoning_tokens), COALESCE(sum(e.cost_nanos), 0),
  COALESCE(sum(e.requests) FILTER (WHERE e.cost_nanos IS NULL), 0), count(*) FILTER (WHERE e.cost_nanos IS NULL),
  count(*) FILTER (WHERE e.requests = 0), COALESCE(sum(e.cost_nanos) FILTER (WHERE e.requests = 0), 0)
FROM "usage_events" e CROSS JOIN "dimensions" k
GROUP BY 1, 2, 3, 4, 5, 6;

DROP TABLE "usage_daily_dimension";
ALTER TABLE "usage_daily_dimension_model" RENAME TO "usage_daily_dimension";
-- The key leads with tag_key then day, as before: every dimension query names one key and a day range.
ALTER TABLE "usage_daily_dimension" ADD CONSTRAINT "usage_daily_dimension_pkey"
  PRIMARY KEY ("tag_key", "day", "team_id", "workload_id", "model_id", "tag_value");
