import { cpSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrate } from "@/lib/db/migrate";
import { useTestDatabase } from "./db";
import { ingest } from "./factories";
import { pool } from "@/lib/db/pool";
import { flatCall, flatPrice } from "@/lib/chargeback/testing/flat-price-seed";
import { addMonths, ensurePartitionsAhead, listEventPartitions, monthOf } from "@/lib/db/event-partitions";

useTestDatabase();

/**
 * usage_events is partitioned by UTC month (lib/db/event-partitions.ts). What a user relies on: months exist
 * before their events arrive, and sending the same events again (here: calls either side of a month boundary,
 * so in two partitions) changes no count and no total.
 */
async function totals() {
  const events = await pool().query<{ partition: string; n: number; cost: string }>(
    `SELECT tableoid::regclass::text AS partition, count(*)::int AS n, sum(cost_nanos)::text AS cost FROM usage_events GROUP BY 1 ORDER BY 1`,
  );
  const daily = await pool().query<{ day: string; events: string; cost: string }>(
    `SELECT day, sum(events)::text AS events, sum(cost_nanos)::text AS cost FROM usage_daily GROUP BY day ORDER BY day`,
  );
  return { events: events.rows, daily: daily.rows };
}

describe("monthly partitions of usage_events", () => {
  it("exist for this month and the next three before any event arrives", async () => {
    const now = monthOf(new Date());
    const months = (await listEventPartitions(pool())).map((p) => p.month);
    expect(months).toEqual(expect.arrayContaining([now, addMonths(now, 1), addMonths(now, 2), addMonths(now, 3)]));
    // A server that has run for months tops them up on its daily tick: from 2027-11, up to 2028-02.
    const client = await pool().connect();
    try {
      expect(await ensurePartitionsAhead(client, new Date("2027-11-20T08:00:00Z"))).toEqual(["2027-11", "2027-12", "2028-01", "2028-02"]);
    } finally {
      client.release();
    }
    const after = (await listEventPartitions(pool())).map((p) => p.name);
    expect(after).toEqual(expect.arrayContaining(["usage_events_2027_11", "usage_events_2027_12", "usage_events_2028_01", "usage_events_2028_02"]));
  });

  it("store a re-sent batch across a month boundary once, and create a month that had no partition", async () => {
    await flatPrice();
    // acme/flat-1: $1 per million input tokens, so a call costs input tokens x 1,000 nano-dollars.
    const batch = () => [
      flatCall("2026-10-31", "search", "query-rewrite", 2_000, { externalId: "edge-1", occurredAt: new Date("2026-10-31T23:59:59.999Z") }),
      flatCall("2026-11-01", "search", "query-rewrite", 3_000, { externalId: "edge-2", occurredAt: new Date("2026-11-01T00:00:00.000Z") }),
      // None of these months has a partition yet (the migration saw no events; only this month and later exist).
      flatCall("2026-02-10", "search", "query-rewrite", 5_000, { externalId: "old-1" }),
    ];
    const first = await ingest(batch());
    expect(first).toMatchObject({ accepted: 3, duplicates: 0 });
    const before = await totals();
    expect(before.events).toEqual([
      { partition: "usage_events_2026_02", n: 1, cost: "5000000" }, // 5,000 tokens x 1,000
      { partition: "usage_events_2026_10", n: 1, cost: "2000000" }, // 2,000 x 1,000
      { partition: "usage_events_2026_11", n: 1, cost: "3000000" }, // 3,000 x 1,000
    ]);
    expect(before.daily).toEqual([
      { day: "2026-02-10", events: "1", cost: "5000000" },
      { day: "2026-10-31", events: "1", cost: "2000000" },
      { day: "2026-11-01", events: "1", cost: "3000000" },
    ]);

    // The same three events again, and once more in another order: nothing new anywhere.
    expect(await ingest(batch())).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(await ingest(batch().reverse())).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(await totals()).toEqual(before);
  });
});

describe("the partitioning migration", () => {
  it("moves the events of an existing database into their months, keys and all", async () => {
    // A database migrated up to the migration before partitioning, holding three events; then the rest.
    await pool().query("DROP DATABASE IF EXISTS partition_probe");
    await pool().query("CREATE DATABASE partition_probe");
    const url = process.env.DATABASE_URL!.replace(/\/[^/]+$/, "/partition_probe");
    const all = readdirSync(defaultMigrationsDir()).filter((n) => existsSync(path.join(defaultMigrationsDir(), n, "migration.sql"))).sort();
    const before = mkdtempSync(path.join(tmpdir(), "rs-before-partitions-"));
    for (const name of all.filter((n) => n < "20261203010000")) cpSync(path.join(defaultMigrationsDir(), name), path.join(before, name), { recursive: true });
    await migrate(url, before);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`INSERT INTO models (id, provider, name) VALUES (1, 'acme', 'flat-1')`);
      await client.query(
        `INSERT INTO usage_events (dedup_key, occurred_at, source, model_id, input_tokens, output_tokens, cost_nanos) VALUES
         ('00000000-0000-0000-0000-000000000001', '2025-07-31T23:59:59.999Z', 1, 1, 10, 0, 10000),
         ('00000000-0000-0000-0000-000000000002', '2025-08-01T00:00:00Z', 1, 1, 20, 0, 20000),
         ('00000000-0000-0000-0000-000000000003', '2025-08-20T10:00:00Z', 1, 1, 30, 0, 30000)`,
      );
      await migrate(url);
      const rows = await client.query(
        `SELECT tableoid::regclass::text AS partition, dedup_key, cost_nanos::text AS cost FROM usage_events ORDER BY occurred_at`,
      );
      expect(rows.rows).toEqual([
        { partition: "usage_events_2025_07", dedup_key: "00000000-0000-0000-0000-000000000001", cost: "10000" },
        { partition: "usage_events_2025_08", dedup_key: "00000000-0000-0000-0000-000000000002", cost: "20000" },
        { partition: "usage_events_2025_08", dedup_key: "00000000-0000-0000-0000-000000000003", cost: "30000" },
      ]);
      // The same key and timestamp again is refused by the new primary key.
      await expect(
        client.query(`INSERT INTO usage_events (dedup_key, occurred_at, source, model_id, input_tokens, output_tokens) VALUES
          ('00000000-0000-0000-0000-000000000002', '2025-08-01T00:00:00Z', 1, 1, 1, 0)`),
      ).rejects.toThrow(/duplicate key/);
    } finally {
      await client.end();
    }
    await pool().query("DROP DATABASE partition_probe WITH (FORCE)");
  });
});
