-- Scheduled delivery of reports: schedules (monthly report on day N, weekly team digest) and their deliveries
-- (one per email batch or webhook, retried with backoff like alert webhooks).
CREATE TABLE "report_schedules" (
  "id" SERIAL PRIMARY KEY,
  "name" TEXT NOT NULL,
  "kind" TEXT NOT NULL CHECK ("kind" IN ('monthly_report', 'weekly_digest')),
  "day_of_month" INTEGER CHECK ("day_of_month" BETWEEN 1 AND 28),
  "weekday" INTEGER CHECK ("weekday" BETWEEN 1 AND 7),
  "attachment" TEXT CHECK ("attachment" IN ('csv', 'focus')),
  "team_id" INTEGER REFERENCES "teams"("id") ON DELETE CASCADE,
  "emails" TEXT[],
  "webhooks" JSONB NOT NULL DEFAULT '[]',
  "to_team_leads" BOOLEAN NOT NULL DEFAULT false,
  "enabled" BOOLEAN NOT NULL DEFAULT true,
  "last_period_key" TEXT,
  "created_by" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "report_deliveries" (
  "id" SERIAL PRIMARY KEY,
  "schedule_id" INTEGER NOT NULL REFERENCES "report_schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "period_key" TEXT NOT NULL,
  "trigger" TEXT NOT NULL,
  "channel" TEXT NOT NULL,
  "target" TEXT NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'pending',
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "last_error" TEXT,
  "next_attempt_at" TIMESTAMPTZ(3),
  "last_attempt_at" TIMESTAMPTZ(3),
  "delivered_at" TIMESTAMPTZ(3),
  "payload" JSONB NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "report_deliveries_schedule_id_idx" ON "report_deliveries"("schedule_id");
-- The delivery worker polls for due pending deliveries every few seconds.
CREATE INDEX "report_deliveries_pending_idx" ON "report_deliveries"("next_attempt_at") WHERE "status" = 'pending';
