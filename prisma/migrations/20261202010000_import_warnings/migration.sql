-- Import warnings (lib/ingest/warnings.ts): records stored and priced less exactly than the source allows, counted
-- per kind with what to change in the export (e.g. usage buckets without a request count priced at the base tier,
-- OpenAI exports not grouped by batch/service_tier). Shown in the import result and on the Ingestion page.
ALTER TABLE "ingest_batches" ADD COLUMN "warnings" JSONB;
