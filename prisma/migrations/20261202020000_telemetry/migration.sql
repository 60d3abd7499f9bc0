-- Anthropic 1-hour cache writes are billed at 2x the base input price (5-minute writes: 1.25x), so the 1-hour
-- part of cache_write_tokens is kept apart to price it right. It is a subset of cache_write_tokens (which stays
-- the total of both TTLs, so the roll-ups keep their meaning).
ALTER TABLE "usage_events" ADD COLUMN "cache_write_1h_tokens" INTEGER NOT NULL DEFAULT 0;

-- What an ingestion run skipped and why ({"no token usage": 12, "agent/workflow span (its model calls are their own spans)": 1}),
-- and how many of its events had their token meaning decided by a last-resort heuristic (lib/ingest/token-meaning.md).
ALTER TABLE "ingest_batches" ADD COLUMN "skip_reasons" JSONB;
ALTER TABLE "ingest_batches" ADD COLUMN "heuristic_events" INTEGER NOT NULL DEFAULT 0;
