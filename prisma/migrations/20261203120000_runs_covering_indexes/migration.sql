-- GET /api/v1/runs (lib/runs/run-summary.ts) without reading the usage_runs heap or sorting every run in the range
-- (lib/runs/README.md "Why the summary is fast"). Two b-tree indexes replace the two it had, so ingestion still
-- maintains three on usage_runs; their entries are wider (the columns the summary sums travel with the key).
--
-- By start time, for date ranges: an index-only range scan gives each run's workload, team, cost and counts.
--
-- By workload and cost: scanned whole it hands each workload's runs over already in cost order (the percentile sort
-- then only confirms the order); a range above a workload's p99 counts its runaway runs without touching the heap;
-- scanned backwards it yields the most expensive runs and stops after the page's `limit`. Replaces
-- (workload_id, first_at), whose range reads the workload filter now gets from this index's first_at column.
--
-- One DO block, each command its own EXECUTE: on a Citus coordinator already in use (usage_runs is a reference
-- table there) Citus forwards index DDL to the workers with the statement's query text, and a file of several
-- top-level commands is one text the workers refuse ("cannot insert multiple commands into a prepared statement").
DO $$
BEGIN
  EXECUTE 'DROP INDEX "usage_runs_first_at_idx"';
  EXECUTE 'CREATE INDEX "usage_runs_first_at_idx" ON "usage_runs"("first_at") INCLUDE ("workload_id", "team_id", "cost_nanos", "calls", "ok_calls", "outcome_calls", "success_outcomes")';
  EXECUTE 'DROP INDEX "usage_runs_workload_id_first_at_idx"';
  EXECUTE 'CREATE INDEX "usage_runs_workload_id_cost_nanos_idx" ON "usage_runs"("workload_id", "cost_nanos") INCLUDE ("first_at", "team_id", "calls", "ok_calls", "outcome_calls", "success_outcomes")';
END
$$;

