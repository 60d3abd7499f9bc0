-- Rollouts (a scenario applied from a day, or a detected model-mix shift proposed as one) and the notes left when a
-- price change moves recommendations. See lib/rollouts and lib/recommendations/price-change-note.ts.

CREATE TABLE "rollouts" (
  "id" SERIAL PRIMARY KEY,
  "status" TEXT NOT NULL CHECK ("status" IN ('proposed', 'applied', 'dismissed')),
  "scenario_id" INTEGER REFERENCES "scenarios"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  "applied_from" DATE NOT NULL,
  "workload_ids" INTEGER[] CHECK (cardinality("workload_ids") > 0),
  "source" TEXT NOT NULL CHECK ("source" IN ('manual', 'detected')),
  "note" TEXT,
  "from_model_id" INTEGER REFERENCES "models"("id") ON DELETE SET NULL,
  "to_model_id" INTEGER REFERENCES "models"("id") ON DELETE SET NULL,
  "created_by" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "rollouts_status_idx" ON "rollouts"("status");

CREATE TABLE "recommendation_notes" (
  "id" SERIAL PRIMARY KEY,
  "cause" TEXT NOT NULL CHECK ("cause" IN ('override', 'catalogue')),
  "message" TEXT NOT NULL,
  "detail" JSONB NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "recommendation_notes_created_at_idx" ON "recommendation_notes"("created_at");
