-- Ingestion: what an import or a stream of API/OTLP requests did, beyond accepted/duplicates/rejected.
--   replaced:   usage-export buckets (OpenAI, Anthropic) stored again with new totals (lib/ingest/store/replace-changed.ts)
--   skipped:    records that carry no usage (ordinary OTLP spans, proxy calls refused before reaching a model)
--   bytes:      size of the imported file (NULL for API traffic)
--   stream_key: API and OTLP requests are recorded as one row per key and hour ("api:key:12:2026-11-23T15"), not one
--               row per request, so a gateway posting every second does not bury the file imports.
ALTER TABLE "ingest_batches" ADD COLUMN "replaced" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ingest_batches" ADD COLUMN "skipped" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ingest_batches" ADD COLUMN "bytes" BIGINT;
ALTER TABLE "ingest_batches" ADD COLUMN "stream_key" TEXT;
CREATE UNIQUE INDEX "ingest_batches_stream_key_key" ON "ingest_batches"("stream_key");
CREATE INDEX "ingest_batches_started_at_idx" ON "ingest_batches"("started_at");

-- Who last changed a price override and when (the Prices tab shows it; re-pricing follows every change).
ALTER TABLE "price_overrides" ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
