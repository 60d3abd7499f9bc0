-- Tag keys promoted to explorer dimensions (issue 13 §1) and their daily roll-up. The primary key leads with
-- tag_key then day: every dimension query names one key and a day range.
CREATE TABLE "dimensions" (
  "tag_key" TEXT NOT NULL,
  "created_by" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "backfilled_at" TIMESTAMPTZ(3),
  CONSTRAINT "dimensions_pkey" PRIMARY KEY ("tag_key")
);

CREATE TABLE "usage_daily_dimension" (
  "day" DATE NOT NULL,
  "team_id" INTEGER NOT NULL,
  "workload_id" INTEGER NOT NULL,
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
  "uncounted_cost_nanos" BIGINT NOT NULL,
  CONSTRAINT "usage_daily_dimension_pkey" PRIMARY KEY ("tag_key", "day", "team_id", "workload_id", "tag_value")
);
