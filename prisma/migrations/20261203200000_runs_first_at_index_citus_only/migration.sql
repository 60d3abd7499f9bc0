-- usage_runs_first_at_idx (20261203120000_runs_covering_indexes) served the runs summary's scan of every run in a
-- range. On plain PostgreSQL the summary reads usage_runs_hist instead (20261203160000_runs_histogram) and looks
-- runs up through (workload_id, cost_nanos) only, so the index was written for every new run (a wide entry: seven
-- included columns) and read by nothing. It is dropped where the histogram's triggers exist; a Citus coordinator
-- (no triggers on a reference table) keeps it, and lib/db/citus.ts creates it again when it lays a plain database
-- out on Citus.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'usage_runs_hist_insert' AND tgrelid = 'usage_runs'::regclass) THEN
    EXECUTE 'DROP INDEX IF EXISTS "usage_runs_first_at_idx"';
  END IF;
END
$$;
