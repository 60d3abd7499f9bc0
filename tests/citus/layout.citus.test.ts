/**
 * The migrator's Citus step on a real cluster: which tables are sharded (and by what), which are reference tables,
 * that it runs again without changing anything, and that plain PostgreSQL never gets it.
 */
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { wantsCitus } from "@/lib/db/citus";
import { closeDatabases, DATABASES } from "./databases";

afterAll(closeDatabases);

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

interface Placement {
  table: string;
  method: string;
  column: string | null;
  colocation: number;
}

const layout = (url: string) =>
  query<Placement>(
    url,
    `SELECT logicalrelid::regclass::text AS table, partmethod AS method, column_to_column_name(logicalrelid, partkey) AS column,
            colocationid AS colocation
     FROM pg_dist_partition WHERE NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = logicalrelid) ORDER BY 1`,
  );

describe("the Citus layout", () => {
  it("shards usage_events by its idempotency key and the roll-ups by day, co-located with each other", async () => {
    const tables = new Map((await layout(DATABASES.citus())).map((t) => [t.table, t]));
    // partmethod 'h' = hash-distributed, 'n' = reference table (Citus metadata)
    expect(tables.get("usage_events")).toMatchObject({ method: "h", column: "dedup_key" });
    const rollups = ["usage_daily", "usage_daily_user", "usage_shape_daily", "usage_daily_dimension"].map((t) => tables.get(t));
    for (const r of rollups) expect(r).toMatchObject({ method: "h", column: "day" });
    expect(new Set(rollups.map((r) => r!.colocation)).size).toBe(1);
    expect(tables.get("usage_15min")).toMatchObject({ method: "h", column: "slot" });
  });

  it("copies every dimension and settings table to every node as a reference table", async () => {
    const tables = new Map((await layout(DATABASES.citus())).map((t) => [t.table, t]));
    for (const name of ["teams", "workloads", "models", "users", "user_teams", "api_keys", "price_overrides", "attribution_rules", "budgets"]) {
      expect(tables.get(name), name).toMatchObject({ method: "n", column: null });
    }
    // Nothing in public is left as a plain coordinator-only table except the migrator's own history.
    const plainTables = await query<{ name: string }>(
      DATABASES.citus(),
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         AND c.oid NOT IN (SELECT logicalrelid FROM pg_dist_partition)`,
    );
    expect(plainTables.map((t) => t.name)).toEqual(["_prisma_migrations"]);
    // Each worker holds shards of usage_events (two workers, so both get part of the 32 default shards).
    const perWorker = await query<{ n: number }>(
      DATABASES.citus(),
      `SELECT count(*)::int AS n FROM citus_shards WHERE table_name = 'usage_events'::regclass GROUP BY nodeport`,
    );
    expect(perWorker).toHaveLength(2);
  });

  it("runs again at every start without changing anything", async () => {
    const before = await layout(DATABASES.citus());
    const again = await migrate(DATABASES.citus());
    expect(again.applied).toEqual([]);
    expect(again.citus).toEqual({ distributed: [], reference: [] });
    expect(await layout(DATABASES.citus())).toEqual(before);
  });

  it("leaves plain PostgreSQL alone unless RIGHTSIZE_CITUS=1 asks for Citus", async () => {
    const again = await migrate(DATABASES.plain());
    expect(again.citus).toBeUndefined();
    const client = new pg.Client({ connectionString: DATABASES.plain() });
    await client.connect();
    try {
      expect(await wantsCitus(client, undefined)).toBe(false);
      expect(await wantsCitus(client, "1")).toBe(true);
      const citusClient = new pg.Client({ connectionString: DATABASES.citus() });
      await citusClient.connect();
      // Detection finds the extension; "0" turns the step off even on a coordinator.
      expect(await wantsCitus(citusClient, undefined)).toBe(true);
      expect(await wantsCitus(citusClient, "0")).toBe(false);
      await citusClient.end();
    } finally {
      await client.end();
    }
  });
});
