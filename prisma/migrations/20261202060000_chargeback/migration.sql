-- Chargeback: rules that spread shared or unattributed spend over teams. Allocation is computed when read, so raw
-- events and roll-ups never change.
CREATE TABLE "allocation_rules" (
  "id" SERIAL PRIMARY KEY,
  "name" TEXT NOT NULL,
  "source_type" TEXT NOT NULL CHECK ("source_type" IN ('unattributed', 'team', 'workload')),
  "source_team_id" INTEGER REFERENCES "teams"("id") ON DELETE CASCADE,
  "source_workload_id" INTEGER REFERENCES "workloads"("id") ON DELETE CASCADE,
  "method" TEXT NOT NULL CHECK ("method" IN ('proportional', 'even', 'fixed')),
  "targets" JSONB NOT NULL DEFAULT '[]',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- One rule per pool: a cost is allocated once.
CREATE UNIQUE INDEX "allocation_rules_source_key" ON "allocation_rules"("source_type", "source_team_id", "source_workload_id") NULLS NOT DISTINCT;
