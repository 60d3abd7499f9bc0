-- The what-if re-prices a rerouted group's tokens on the target model; server-side tool calls (web/file search)
-- are still made and paid there, so the shape roll-up keeps their cost apart to carry it over (lib/whatif/group-cost.ts).
ALTER TABLE usage_shape_daily ADD COLUMN tool_cost_nanos bigint NOT NULL DEFAULT 0;

-- Back-fill from the stored calls that have a tool charge, grouped exactly as ingestion groups them
-- (lib/ingest/store/shape-rollup.ts; the input-bucket expression below is INPUT_BUCKET_SQL as of this migration).
UPDATE usage_shape_daily s SET tool_cost_nanos = x.tool_cost
FROM (
  SELECT (e.occurred_at AT TIME ZONE 'UTC')::date AS day, COALESCE(e.team_id, 0) AS team_id, COALESCE(e.workload_id, 0) AS workload_id,
    e.model_id, e.batch, COALESCE(e.service_tier, '') AS service_tier,
    (CASE WHEN e.requests > 0 THEN width_bucket((CASE WHEN (e.tags->>'anthropic.context_window') = '0-200k' THEN CASE WHEN e.requests > 0 THEN greatest(least(e.input_tokens / e.requests, 200000), 0) ELSE 0 END WHEN (e.tags->>'anthropic.context_window') = '200k-1M' THEN CASE WHEN e.requests > 0 THEN greatest(least(e.input_tokens / e.requests, 1000000), 200001) ELSE 200001 END WHEN e.requests > 0 THEN e.input_tokens / e.requests ELSE 0 END), '{1,2,3,4,6,8,12,16,24,32,48,64,96,128,192,256,384,512,768,1024,1536,2048,3072,4096,6144,8192,12288,16384,24576,32768,49152,65536,98304,128001,131072,196608,200000,200001,262144,272000,272001,393216,524288,786432,1048576,1572864,2097152,3145728,4194304,6291456,8388608,12582912,16777216,25165824,33554432,50331648,67108864,100663296,134217728,201326592,268435456,402653184,536870912,805306368,1073741824,1610612736}'::int[]) ELSE -1 - width_bucket((CASE WHEN (e.tags->>'anthropic.context_window') = '0-200k' THEN CASE WHEN e.requests > 0 THEN greatest(least(e.input_tokens / e.requests, 200000), 0) ELSE 0 END WHEN (e.tags->>'anthropic.context_window') = '200k-1M' THEN CASE WHEN e.requests > 0 THEN greatest(least(e.input_tokens / e.requests, 1000000), 200001) ELSE 200001 END WHEN e.requests > 0 THEN e.input_tokens / e.requests ELSE 0 END), '{1,2,3,4,6,8,12,16,24,32,48,64,96,128,192,256,384,512,768,1024,1536,2048,3072,4096,6144,8192,12288,16384,24576,32768,49152,65536,98304,128001,131072,196608,200000,200001,262144,272000,272001,393216,524288,786432,1048576,1572864,2097152,3145728,4194304,6291456,8388608,12582912,16777216,25165824,33554432,50331648,67108864,100663296,134217728,201326592,268435456,402653184,536870912,805306368,1073741824,1610612736}'::int[]) END)::smallint AS input_bucket,
    e.cost_nanos IS NOT NULL AS priced, sum(e.tool_cost_nanos) AS tool_cost
  FROM usage_events e
  WHERE e.tool_cost_nanos IS NOT NULL AND e.tool_cost_nanos <> 0
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
) x
WHERE s.day = x.day AND s.team_id = x.team_id AND s.workload_id = x.workload_id AND s.model_id = x.model_id AND s.batch = x.batch
  AND s.service_tier = x.service_tier AND s.input_bucket = x.input_bucket AND s.priced = x.priced;
