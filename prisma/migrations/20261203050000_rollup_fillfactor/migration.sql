-- Roll-ups are upserted by every ingested batch (ON CONFLICT DO UPDATE adds the batch's sums to existing rows). On
-- full pages each such update writes its new row version to another page and inserts a new primary-key entry for
-- it. Leaving a fifth of each page free lets PostgreSQL keep the new version on the same page without touching the
-- index (a HOT update): measured on 25,000-event batches (bench:ingest-profile, EXPLAIN (ANALYZE, BUFFERS, WAL)),
-- the usage_shape_daily upserts wrote half the WAL records (2 instead of 4 per updated row) and touched ~40% fewer
-- buffers. Pages written from now on keep the space; `VACUUM FULL usage_daily, usage_daily_user, usage_shape_daily`
-- applies it to rows already stored (optional: it locks the tables while it rewrites them).
ALTER TABLE "usage_daily" SET (fillfactor = 80);
ALTER TABLE "usage_daily_user" SET (fillfactor = 80);
ALTER TABLE "usage_shape_daily" SET (fillfactor = 80);
