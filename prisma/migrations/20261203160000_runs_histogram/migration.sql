-- Runs by start day and cost bucket (issue 13 §2): the runs summary of a long range (90 days: 1.6M runs at 10M calls)
-- sums this small table instead of reading every run, and finds each exact percentile inside one bucket of the
-- (workload_id, cost_nanos) index (lib/runs/run-histogram.ts). One row per UTC day of the run's first call, team,
-- workload and cost bucket: how many runs started there and their summed calls, cost and outcome counts.
--
-- Bucket of a run's cost (integer nano-dollars): its number of digits and its two leading digits,
-- digits * 100 + leading two (costs under 10 nanos: 100 + cost). So 123,456 -> 612 and 99 -> 299: a bucket spans 1-10%
-- of its cost, and buckets sort as costs do. Integer arithmetic only, so SQL and lib/runs/run-histogram.ts agree on
-- every edge.
CREATE FUNCTION "run_cost_bucket"(cost BIGINT) RETURNS INTEGER LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN cost < 10 THEN 100 + GREATEST(cost, 0)::int ELSE length(cost::text) * 100 + left(cost::text, 2)::int END
$$;

CREATE TABLE "usage_runs_hist" (
  "day" DATE NOT NULL,
  "team_id" INTEGER NOT NULL,
  "workload_id" INTEGER NOT NULL,
  "bucket" INTEGER NOT NULL,
  "runs" BIGINT NOT NULL,
  "calls" BIGINT NOT NULL,
  "cost_nanos" BIGINT NOT NULL,
  "ok_calls" BIGINT NOT NULL,
  "outcome_calls" BIGINT NOT NULL,
  "success_outcomes" BIGINT NOT NULL,
  CONSTRAINT "usage_runs_hist_pkey" PRIMARY KEY ("day", "team_id", "workload_id", "bucket")
);

-- Kept in step by triggers on usage_runs rather than by each writer: ingestion's upsert, signed deltas, re-pricing,
-- re-attribution's rebuild and deletes all change usage_runs, and a statement-level trigger sees each statement's
-- rows before (OLD TABLE) and after (NEW TABLE) whoever wrote them. Each applies signed sums (a run moves from its
-- old bucket or day to its new one), so concurrent batches add up in any order. A run's row update holds its row
-- lock, so the old row a trigger subtracts is exactly the one its statement replaced.
CREATE FUNCTION "usage_runs_hist_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "usage_runs_hist" AS h
  SELECT (n.first_at AT TIME ZONE 'UTC')::date, n.team_id, n.workload_id, "run_cost_bucket"(n.cost_nanos), count(*), sum(n.calls),
    sum(n.cost_nanos), sum(n.ok_calls), sum(n.outcome_calls), sum(n.success_outcomes)
  FROM new_rows n GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("day", "team_id", "workload_id", "bucket") DO UPDATE SET runs = h.runs + EXCLUDED.runs, calls = h.calls + EXCLUDED.calls,
    cost_nanos = h.cost_nanos + EXCLUDED.cost_nanos, ok_calls = h.ok_calls + EXCLUDED.ok_calls,
    outcome_calls = h.outcome_calls + EXCLUDED.outcome_calls, success_outcomes = h.success_outcomes + EXCLUDED.success_outcomes;
  RETURN NULL;
END $$;

CREATE FUNCTION "usage_runs_hist_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "usage_runs_hist" AS h
  SELECT day, team_id, workload_id, bucket, sum(runs), sum(calls), sum(cost_nanos), sum(ok_calls), sum(outcome_calls), sum(success_outcomes)
  FROM (
    SELECT (n.first_at AT TIME ZONE 'UTC')::date AS day, n.team_id, n.workload_id, "run_cost_bucket"(n.cost_nanos) AS bucket, 1 AS runs,
      n.calls, n.cost_nanos, n.ok_calls, n.outcome_calls, n.success_outcomes
    FROM new_rows n
    UNION ALL
    SELECT (o.first_at AT TIME ZONE 'UTC')::date, o.team_id, o.workload_id, "run_cost_bucket"(o.cost_nanos), -1,
      -o.calls, -o.cost_nanos, -o.ok_calls, -o.outcome_calls, -o.success_outcomes
    FROM old_rows o
  ) m
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("day", "team_id", "workload_id", "bucket") DO UPDATE SET runs = h.runs + EXCLUDED.runs, calls = h.calls + EXCLUDED.calls,
    cost_nanos = h.cost_nanos + EXCLUDED.cost_nanos, ok_calls = h.ok_calls + EXCLUDED.ok_calls,
    outcome_calls = h.outcome_calls + EXCLUDED.outcome_calls, success_outcomes = h.success_outcomes + EXCLUDED.success_outcomes;
  RETURN NULL;
END $$;

CREATE FUNCTION "usage_runs_hist_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "usage_runs_hist" AS h
  SELECT (o.first_at AT TIME ZONE 'UTC')::date, o.team_id, o.workload_id, "run_cost_bucket"(o.cost_nanos), -count(*), -sum(o.calls),
    -sum(o.cost_nanos), -sum(o.ok_calls), -sum(o.outcome_calls), -sum(o.success_outcomes)
  FROM old_rows o GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("day", "team_id", "workload_id", "bucket") DO UPDATE SET runs = h.runs + EXCLUDED.runs, calls = h.calls + EXCLUDED.calls,
    cost_nanos = h.cost_nanos + EXCLUDED.cost_nanos, ok_calls = h.ok_calls + EXCLUDED.ok_calls,
    outcome_calls = h.outcome_calls + EXCLUDED.outcome_calls, success_outcomes = h.success_outcomes + EXCLUDED.success_outcomes;
  RETURN NULL;
END $$;

-- DELETE, not TRUNCATE: a TRUNCATE that lists both tables (a test's reset) may not truncate the histogram again from
-- inside its own trigger.
CREATE FUNCTION "usage_runs_hist_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "usage_runs_hist";
  RETURN NULL;
END $$;

-- On a Citus coordinator already in use usage_runs is a reference table, which takes no triggers: the histogram stays
-- empty and unmaintained there, and the runs summary reads usage_runs as before (it looks for these triggers,
-- lib/runs/run-histogram.ts). lib/db/citus.ts drops them before it lays out a fresh coordinator for the same reason.
DO $$
DECLARE
  on_citus BOOLEAN := FALSE;
BEGIN
  -- Citus's catalog exists only where the extension is installed: read it through EXECUTE, planned only then.
  IF to_regclass('pg_dist_partition') IS NOT NULL THEN
    EXECUTE 'SELECT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = ''usage_runs''::regclass)' INTO on_citus;
  END IF;
  IF on_citus THEN
    RETURN;
  END IF;
  EXECUTE 'CREATE TRIGGER "usage_runs_hist_insert" AFTER INSERT ON "usage_runs" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "usage_runs_hist_add"()';
  EXECUTE 'CREATE TRIGGER "usage_runs_hist_update" AFTER UPDATE ON "usage_runs" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "usage_runs_hist_move"()';
  EXECUTE 'CREATE TRIGGER "usage_runs_hist_delete" AFTER DELETE ON "usage_runs" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "usage_runs_hist_remove"()';
  EXECUTE 'CREATE TRIGGER "usage_runs_hist_truncate" AFTER TRUNCATE ON "usage_runs" FOR EACH STATEMENT EXECUTE FUNCTION "usage_runs_hist_clear"()';
  -- The runs stored so far, under the lock the triggers' creation took (no write slips between the two).
  INSERT INTO "usage_runs_hist"
  SELECT (r.first_at AT TIME ZONE 'UTC')::date, r.team_id, r.workload_id, "run_cost_bucket"(r.cost_nanos), count(*), sum(r.calls),
    sum(r.cost_nanos), sum(r.ok_calls), sum(r.outcome_calls), sum(r.success_outcomes)
  FROM "usage_runs" r GROUP BY 1, 2, 3, 4;
END
$$;
