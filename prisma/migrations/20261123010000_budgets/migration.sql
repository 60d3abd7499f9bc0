-- Budgets, alerts and webhook deliveries: what evaluation, team-scoped alert history and visible delivery
-- failures need beyond the initial tables.

-- Anomaly alerts of a budget's scope go to the budget's webhook unless switched off.
ALTER TABLE "budgets" ADD COLUMN "alert_on_anomaly" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "budgets" ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- The scope an alert belongs to, kept on the alert itself so the history stays team-scoped for leads even after
-- its budget is deleted (anomaly alerts have no budget at all).
ALTER TABLE "alerts" ADD COLUMN "team_id" INTEGER;
ALTER TABLE "alerts" ADD COLUMN "workload_id" INTEGER;
CREATE INDEX "alerts_created_at_idx" ON "alerts"("created_at");

ALTER TABLE "webhook_deliveries" ADD COLUMN "last_attempt_at" TIMESTAMPTZ(3);
-- The exact body sent, built once when the alert is raised: every retry sends the same message.
ALTER TABLE "webhook_deliveries" ADD COLUMN "payload" JSONB;
ALTER TABLE "webhook_deliveries" ADD COLUMN "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- The delivery worker polls for due pending deliveries every few seconds.
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries"("next_attempt_at") WHERE "status" = 'pending';
CREATE INDEX "webhook_deliveries_alert_id_idx" ON "webhook_deliveries"("alert_id");
