-- What-if: the usage_shape_daily roll-up (calls by day, team, workload, model, batch, service tier and input-size
-- bucket; see lib/ingest/store/shape-rollup.ts, whose bucket edges this file repeats) and the eval-set model mapping.

CREATE TABLE "usage_shape_daily" (
  "day" DATE NOT NULL,
  "team_id" INTEGER NOT NULL,
  "workload_id" INTEGER NOT NULL,
  "model_id" INTEGER NOT NULL,
  "batch" BOOLEAN NOT NULL,
  "service_tier" TEXT NOT NULL,
  "input_bucket" SMALLINT NOT NULL,
  "priced" BOOLEAN NOT NULL,
  "events" BIGINT NOT NULL,
  "requests" BIGINT NOT NULL,
  "input_tokens" BIGINT NOT NULL,
  "cached_input_tokens" BIGINT NOT NULL,
  "cache_write_tokens" BIGINT NOT NULL,
  "output_tokens" BIGINT NOT NULL,
  "reasoning_tokens" BIGINT NOT NULL,
  "cost_nanos" BIGINT NOT NULL,
  CONSTRAINT "usage_shape_daily_pkey" PRIMARY KEY ("day", "team_id", "workload_id", "model_id", "batch", "service_tier", "input_bucket", "priced")
);

-- Back-fill from the events already stored (ingestion maintains the table from now on).
INSERT INTO "usage_shape_daily" (day, team_id, workload_id, model_id, batch, service_tier, input_bucket, priced,
  events, requests, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_nanos)
SELECT (e.occurred_at AT TIME ZONE 'UTC')::date, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), e.model_id, e.batch,
  COALESCE(e.service_tier, ''),
  width_bucket(e.input_tokens, '{1,2,3,4,6,8,12,16,24,32,48,64,96,128,192,256,384,512,768,1024,1536,2048,3072,4096,6144,8192,12288,16384,24576,32768,49152,65536,98304,128001,131072,196608,200000,200001,262144,272000,272001,393216,524288,786432,1048576,1572864,2097152,3145728,4194304,6291456,8388608,12582912,16777216,25165824,33554432,50331648,67108864,100663296,134217728,201326592,268435456,402653184,536870912,805306368,1073741824,1610612736}'::int[])::smallint,
  e.cost_nanos IS NOT NULL,
  count(*), sum(e.requests), sum(e.input_tokens), sum(e.cached_input_tokens), sum(e.cache_write_tokens),
  sum(e.output_tokens), sum(e.reasoning_tokens), COALESCE(sum(e.cost_nanos), 0)
FROM "usage_events" e GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

CREATE TABLE "workload_eval_models" (
  "workload_id" INTEGER NOT NULL REFERENCES "workloads"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "provider" TEXT NOT NULL,
  "model" TEXT NOT NULL,
  "eval_model" TEXT NOT NULL,
  CONSTRAINT "workload_eval_models_pkey" PRIMARY KEY ("workload_id", "provider", "model")
);
