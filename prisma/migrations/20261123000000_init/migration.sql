-- Rightsize initial schema. Hand-written to match prisma/schema.prisma (the schema engine cannot run here);
-- tests/schema-drift.integration.test.ts compares the two.

CREATE TYPE "Role" AS ENUM ('admin', 'finance', 'lead', 'viewer');

CREATE TABLE "users" (
  "id" SERIAL PRIMARY KEY,
  "email" TEXT NOT NULL,
  "name" TEXT,
  "password_hash" TEXT,
  "role" "Role" NOT NULL DEFAULT 'viewer',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "disabled_at" TIMESTAMPTZ(3)
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "teams" (
  "id" SERIAL PRIMARY KEY,
  "slug" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "teams_slug_key" ON "teams"("slug");

CREATE TABLE "user_teams" (
  "user_id" INTEGER NOT NULL REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "team_id" INTEGER NOT NULL REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "user_teams_pkey" PRIMARY KEY ("user_id", "team_id")
);

CREATE TABLE "eval_sets" (
  "id" SERIAL PRIMARY KEY,
  "name" TEXT NOT NULL,
  "description" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "eval_sets_name_key" ON "eval_sets"("name");

CREATE TABLE "workloads" (
  "id" SERIAL PRIMARY KEY,
  "slug" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "team_id" INTEGER REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "task_class" TEXT,
  "task_class_confirmed" BOOLEAN NOT NULL DEFAULT false,
  "quality_floor" DECIMAL(5,4) NOT NULL DEFAULT 0.95,
  "latency_tolerant" BOOLEAN NOT NULL DEFAULT false,
  "eval_set_id" INTEGER REFERENCES "eval_sets"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "workloads_slug_key" ON "workloads"("slug");

CREATE TABLE "models" (
  "id" SERIAL PRIMARY KEY,
  "provider" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "tier" TEXT,
  "tier_source" TEXT NOT NULL DEFAULT 'default',
  "unpriced" BOOLEAN NOT NULL DEFAULT false,
  "first_seen" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "models_provider_name_key" ON "models"("provider", "name");

-- The fact table. No foreign keys (bulk COPY speed; shard-friendly for Citus), BRIN on time.
CREATE TABLE "usage_events" (
  "dedup_key" UUID NOT NULL PRIMARY KEY,
  "occurred_at" TIMESTAMPTZ(3) NOT NULL,
  "source" SMALLINT NOT NULL,
  "model_id" INTEGER NOT NULL,
  "team_id" INTEGER,
  "workload_id" INTEGER,
  "api_key_id" INTEGER,
  "user_name" TEXT,
  "source_team" TEXT,
  "source_workload" TEXT,
  "source_key" TEXT,
  "input_tokens" INTEGER NOT NULL,
  "cached_input_tokens" INTEGER NOT NULL DEFAULT 0,
  "cache_write_tokens" INTEGER NOT NULL DEFAULT 0,
  "output_tokens" INTEGER NOT NULL,
  "reasoning_tokens" INTEGER NOT NULL DEFAULT 0,
  "requests" INTEGER NOT NULL DEFAULT 1,
  "batch" BOOLEAN NOT NULL DEFAULT false,
  "service_tier" TEXT,
  "cost_nanos" BIGINT,
  "source_cost_nanos" BIGINT,
  "price_source" SMALLINT NOT NULL DEFAULT 0,
  "price_override_id" INTEGER,
  "latency_ms" INTEGER,
  "status" TEXT,
  "tags" JSONB,
  "ingest_batch_id" INTEGER
);
CREATE INDEX "usage_events_occurred_at_idx" ON "usage_events" USING BRIN ("occurred_at");

CREATE TABLE "usage_daily" (
  "day" DATE NOT NULL,
  "team_id" INTEGER NOT NULL,
  "workload_id" INTEGER NOT NULL,
  "model_id" INTEGER NOT NULL,
  "batch" BOOLEAN NOT NULL,
  "events" BIGINT NOT NULL,
  "requests" BIGINT NOT NULL,
  "input_tokens" BIGINT NOT NULL,
  "cached_input_tokens" BIGINT NOT NULL,
  "cache_write_tokens" BIGINT NOT NULL,
  "output_tokens" BIGINT NOT NULL,
  "reasoning_tokens" BIGINT NOT NULL,
  "cost_nanos" BIGINT NOT NULL,
  "source_cost_nanos" BIGINT NOT NULL,
  "unpriced_requests" BIGINT NOT NULL,
  CONSTRAINT "usage_daily_pkey" PRIMARY KEY ("day", "team_id", "workload_id", "model_id", "batch")
);

CREATE TABLE "usage_daily_user" (
  "day" DATE NOT NULL,
  "team_id" INTEGER NOT NULL,
  "workload_id" INTEGER NOT NULL,
  "user_name" TEXT NOT NULL,
  "events" BIGINT NOT NULL,
  "requests" BIGINT NOT NULL,
  "input_tokens" BIGINT NOT NULL,
  "cached_input_tokens" BIGINT NOT NULL,
  "cache_write_tokens" BIGINT NOT NULL,
  "output_tokens" BIGINT NOT NULL,
  "reasoning_tokens" BIGINT NOT NULL,
  "cost_nanos" BIGINT NOT NULL,
  "unpriced_requests" BIGINT NOT NULL,
  CONSTRAINT "usage_daily_user_pkey" PRIMARY KEY ("day", "team_id", "workload_id", "user_name")
);

CREATE TABLE "price_overrides" (
  "id" SERIAL PRIMARY KEY,
  "provider" TEXT NOT NULL,
  "model" TEXT NOT NULL,
  "input_per_mtok" DECIMAL(18,9) NOT NULL,
  "cached_input_per_mtok" DECIMAL(18,9),
  "cache_write_per_mtok" DECIMAL(18,9),
  "output_per_mtok" DECIMAL(18,9) NOT NULL,
  "valid_from" DATE NOT NULL,
  "note" TEXT,
  "created_by_id" INTEGER,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "price_overrides_provider_model_idx" ON "price_overrides"("provider", "model");

CREATE TABLE "api_keys" (
  "id" SERIAL PRIMARY KEY,
  "name" TEXT NOT NULL,
  "prefix" TEXT NOT NULL,
  "hash" TEXT NOT NULL,
  "scopes" TEXT[],
  "team_id" INTEGER,
  "created_by_id" INTEGER,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_used_at" TIMESTAMPTZ(3),
  "revoked_at" TIMESTAMPTZ(3)
);
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys"("hash");

CREATE TABLE "audit_log" (
  "id" BIGSERIAL PRIMARY KEY,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actor" TEXT NOT NULL,
  "action" TEXT NOT NULL,
  "target" TEXT,
  "details" JSONB
);
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

CREATE TABLE "login_failures" (
  "key" TEXT NOT NULL PRIMARY KEY,
  "failures" INTEGER NOT NULL,
  "last_at" TIMESTAMPTZ(3) NOT NULL
);

CREATE TABLE "attribution_rules" (
  "id" SERIAL PRIMARY KEY,
  "position" INTEGER NOT NULL,
  "name" TEXT NOT NULL,
  "match" JSONB NOT NULL,
  "team_id" INTEGER,
  "workload_id" INTEGER,
  "enabled" BOOLEAN NOT NULL DEFAULT true,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "ingest_batches" (
  "id" SERIAL PRIMARY KEY,
  "source" TEXT NOT NULL,
  "format" TEXT NOT NULL,
  "filename" TEXT,
  "actor" TEXT,
  "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finished_at" TIMESTAMPTZ(3),
  "accepted" INTEGER NOT NULL DEFAULT 0,
  "duplicates" INTEGER NOT NULL DEFAULT 0,
  "rejected" INTEGER NOT NULL DEFAULT 0,
  "errors" JSONB
);

CREATE TABLE "eval_results" (
  "eval_set_id" INTEGER NOT NULL REFERENCES "eval_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "task_id" TEXT NOT NULL,
  "model" TEXT NOT NULL,
  "passed" BOOLEAN NOT NULL,
  "score" DECIMAL(9,6),
  "cost_nanos" BIGINT,
  "input_tokens" INTEGER,
  "output_tokens" INTEGER,
  CONSTRAINT "eval_results_pkey" PRIMARY KEY ("eval_set_id", "task_id", "model")
);

CREATE TABLE "scenarios" (
  "id" SERIAL PRIMARY KEY,
  "name" TEXT NOT NULL,
  "definition" JSONB NOT NULL,
  "created_by_id" INTEGER,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "budgets" (
  "id" SERIAL PRIMARY KEY,
  "name" TEXT,
  "scope_type" TEXT NOT NULL,
  "team_id" INTEGER,
  "workload_id" INTEGER,
  "period" TEXT NOT NULL,
  "amount_usd" DECIMAL(18,2) NOT NULL,
  "thresholds" DECIMAL(8,4)[],
  "alert_on_forecast" BOOLEAN NOT NULL DEFAULT true,
  "webhook_url" TEXT,
  "webhook_format" TEXT NOT NULL DEFAULT 'json',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "alerts" (
  "id" SERIAL PRIMARY KEY,
  "budget_id" INTEGER,
  "kind" TEXT NOT NULL,
  "period_key" TEXT NOT NULL,
  "threshold" DECIMAL(8,4),
  "message" TEXT NOT NULL,
  "amount_usd" DECIMAL(18,2),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- NULLS NOT DISTINCT: an alert without a budget (anomaly) or threshold (forecast) is still raised only once per key.
CREATE UNIQUE INDEX "alerts_budget_id_kind_period_key_threshold_key" ON "alerts"("budget_id", "kind", "period_key", "threshold") NULLS NOT DISTINCT;

CREATE TABLE "webhook_deliveries" (
  "id" SERIAL PRIMARY KEY,
  "alert_id" INTEGER NOT NULL REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "url" TEXT NOT NULL,
  "format" TEXT NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'pending',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "last_error" TEXT,
  "next_attempt_at" TIMESTAMPTZ(3),
  "delivered_at" TIMESTAMPTZ(3)
);

CREATE TABLE "bill_lines" (
  "id" SERIAL PRIMARY KEY,
  "provider" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "amount_nanos" BIGINT NOT NULL,
  "model" TEXT,
  "line_item" TEXT,
  "account_ref" TEXT,
  "token_type" TEXT,
  "line_key" TEXT NOT NULL
);
CREATE UNIQUE INDEX "bill_lines_line_key_key" ON "bill_lines"("line_key");
CREATE INDEX "bill_lines_provider_day_idx" ON "bill_lines"("provider", "day");
