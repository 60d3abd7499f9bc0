-- Agent runs and sessions: the id that groups a call with the others of its run (an explicit run id, else the
-- session id, else the trace id; lib/runs/README.md lists the field names per source) and which of the three it is
-- (1 run, 2 session, 3 trace). NULL for calls that carry none (usage-export buckets). Set on the parent table, so a
-- partitioned usage_events passes the columns to every partition.
ALTER TABLE "usage_events" ADD COLUMN "run_id" TEXT;
ALTER TABLE "usage_events" ADD COLUMN "run_kind" SMALLINT;

-- Roll-up of calls into runs (one row per run and the team/workload it ran in), maintained with usage_daily by the
-- same insert (write-batch.ts) and signed deltas (rollup-delta.ts). team_id/workload_id 0 = unattributed.
CREATE TABLE "usage_runs" (
    "run_id" TEXT NOT NULL,
    "team_id" INTEGER NOT NULL,
    "workload_id" INTEGER NOT NULL,
    "run_kind" SMALLINT NOT NULL,
    "first_at" TIMESTAMPTZ(3) NOT NULL,
    "last_at" TIMESTAMPTZ(3) NOT NULL,
    "calls" BIGINT NOT NULL,
    "input_tokens" BIGINT NOT NULL,
    "output_tokens" BIGINT NOT NULL,
    "cost_nanos" BIGINT NOT NULL,
    "unpriced_calls" BIGINT NOT NULL,
    "ok_calls" BIGINT NOT NULL,
    "error_calls" BIGINT NOT NULL,
    "outcome_calls" BIGINT NOT NULL,
    "success_outcomes" BIGINT NOT NULL,
    "model_ids" INTEGER[],
    CONSTRAINT "usage_runs_pkey" PRIMARY KEY ("run_id", "team_id", "workload_id")
);
CREATE INDEX "usage_runs_first_at_idx" ON "usage_runs"("first_at");
CREATE INDEX "usage_runs_workload_id_first_at_idx" ON "usage_runs"("workload_id", "first_at");

-- Business metrics (tickets resolved, documents processed...) per UTC day, optionally for one team and/or workload.
-- One value per (day, name, team, workload): a resend replaces it (NULLS NOT DISTINCT makes "no team" one key).
CREATE TABLE "business_metrics" (
    "id" SERIAL NOT NULL,
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "value" DECIMAL(30,9) NOT NULL,
    "team_id" INTEGER,
    "workload_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "business_metrics_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "business_metrics_day_name_team_id_workload_id_key" ON "business_metrics"("day", "name", "team_id", "workload_id") NULLS NOT DISTINCT;
CREATE INDEX "business_metrics_name_day_idx" ON "business_metrics"("name", "day");
ALTER TABLE "business_metrics" ADD CONSTRAINT "business_metrics_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "business_metrics" ADD CONSTRAINT "business_metrics_workload_id_fkey" FOREIGN KEY ("workload_id") REFERENCES "workloads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
