-- usage_events becomes a table partitioned by calendar month (UTC) of occurred_at (issue 14).
--
-- Why: one month's partition and its index stay small enough to be cached while the whole history grows, and
-- old raw months can be dropped in an instant (RIGHTSIZE_RAW_RETENTION_MONTHS, lib/db/retention.ts) while the
-- roll-ups keep their sums.
--
-- Idempotency: a unique key on a partitioned table must contain the partition key, so the primary key is
-- (occurred_at, dedup_key). dedup_key stays sha256("<source>:<externalId>") (lib/ingest/store/dedup-key.ts) and
-- every source's occurred_at is part of what it sent (the API requires a timestamp; OTLP spans, exports' buckets
-- and log lines carry theirs), so re-sending an event hits the same (occurred_at, dedup_key) in the same partition
-- and is dropped by ON CONFLICT (occurred_at, dedup_key) DO NOTHING. The timestamp comes first in the key: events
-- arrive roughly in time order, so inserts touch the right-hand end of each partition's index instead of random
-- pages of one ever-growing uuid index (what slowed ingestion as the table outgrew memory).
--
-- Partitions are named usage_events_YYYY_MM and cover [first instant of the month UTC, first instant of the next).
-- This migration creates one for every month that holds events plus the current month and the 3 after it; the
-- migrator tops that up at every start and ingestion creates a missing month before writing into it
-- (lib/db/event-partitions.ts). There is no DEFAULT partition: with one, creating a month would have to scan it.
--
-- The BRIN index on occurred_at goes: the primary key's b-tree starts with occurred_at and serves the same range
-- scans. Existing rows are copied over (a 10M-event table takes a few minutes) and the old table is dropped.

ALTER TABLE "usage_events" RENAME TO "usage_events_unpartitioned";
ALTER INDEX "usage_events_pkey" RENAME TO "usage_events_unpartitioned_pkey";
DROP INDEX "usage_events_occurred_at_idx";

-- Same columns, order, types, NOT NULLs and defaults as before (ingestion COPYs into a temp table LIKE this one).
CREATE TABLE "usage_events" (LIKE "usage_events_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("occurred_at");

DO $$
DECLARE
  month timestamp;
BEGIN
  FOR month IN
    SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC') FROM "usage_events_unpartitioned"
    UNION
    SELECT date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => n) FROM generate_series(0, 3) AS n
  LOOP
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF "usage_events" FOR VALUES FROM (%L) TO (%L)',
      'usage_events_' || to_char(month, 'YYYY_MM'),
      to_char(month, 'YYYY-MM-DD') || ' 00:00:00+00',
      to_char(month + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00'
    );
  END LOOP;
END $$;

INSERT INTO "usage_events" SELECT * FROM "usage_events_unpartitioned" ORDER BY "occurred_at", "dedup_key";
DROP TABLE "usage_events_unpartitioned";

-- Built after the copy (one sort per partition instead of row-by-row index inserts); created on every partition.
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_pkey" PRIMARY KEY ("occurred_at", "dedup_key");
