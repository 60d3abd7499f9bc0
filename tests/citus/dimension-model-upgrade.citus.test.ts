/**
 * Migration 20261203110000_dimension_model on a Citus coordinator already in use: usage_daily_dimension was a
 * reference table there (it was not in the sharded list); the migration rebuilds it with the model from the stored
 * calls and the migrator's Citus step then shards the new table by day, like the other roll-ups. Every later
 * migration is applied here too, so each is tested on a coordinator in use.
 */
import { afterAll, describe, expect, inject, it } from "vitest";
import { readdirSync } from "node:fs";
import { defaultMigrationsDir, migrate } from "@/lib/db/migrate";
import { pool } from "@/lib/db/pool";
import { ingest, usageEvent } from "../factories";
import { NO_DRIFT, rollupDrift } from "../rollup-check";
import { closeDatabases, onDatabase } from "./databases";

afterAll(closeDatabases);

describe("the tag roll-up gaining the model on Citus", () => {
  it("is rebuilt from the stored calls and sharded by day", async () => {
    const url = inject("upgradeUrl");
    await onDatabase(url, async () => {
      // The layout before: a reference table of the old shape (no model), holding the key's sums per value.
      await pool().query("SELECT undistribute_table('usage_daily_dimension')");
      await pool().query("SELECT create_reference_table('usage_daily_dimension')");
      const at = new Date("2026-10-14T10:00:00Z");
      await ingest([
        usageEvent({ externalId: "u1", occurredAt: at, model: "gpt-4o", tags: { customer: "acme" } }),
        usageEvent({ externalId: "u2", occurredAt: at, model: "gpt-4o-mini", tags: { customer: "acme" } }),
        usageEvent({ externalId: "u3", occurredAt: at, model: "gpt-4o-mini", tags: {} }),
      ]);
      await pool().query("INSERT INTO dimensions (tag_key, created_by) VALUES ('customer', 'test')");
      await pool().query(
        `INSERT INTO usage_daily_dimension
         SELECT (e.occurred_at AT TIME ZONE 'UTC')::date, COALESCE(e.team_id, 0), COALESCE(e.workload_id, 0), 'customer', COALESCE(e.tags->>'customer', ''),
           count(*), sum(e.requests), sum(e.input_tokens), sum(e.cached_input_tokens), sum(e.cache_write_tokens), sum(e.output_tokens), sum(e.reasoning_tokens),
           COALESCE(sum(e.cost_nanos), 0), 0, 0, 0, 0
         FROM usage_events e GROUP BY 1, 2, 3, 4, 5`,
      );
      expect((await pool().query("SELECT count(*)::int AS n FROM usage_daily_dimension")).rows[0].n).toBe(2);

      // That migration and every later one, on a coordinator in use (each must run there, not only on a fresh one).
      const result = await migrate(url);
      const later = readdirSync(defaultMigrationsDir()).filter((n) => n >= "20261203110000").sort();
      expect(result.applied).toEqual(later);
      expect(result.applied[0]).toBe("20261203110000_dimension_model");
      expect(result.citus?.distributed).toEqual(["usage_daily_dimension"]);
      const layout = await pool().query(
        `SELECT partmethod AS method, column_to_column_name(logicalrelid, partkey) AS column FROM pg_dist_partition WHERE logicalrelid = 'usage_daily_dimension'::regclass`,
      );
      expect(layout.rows).toEqual([{ method: "h", column: "day" }]);
      // acme on two models, (none) on one: three rows, equal to ingestion's own roll-up of the calls
      expect((await pool().query("SELECT count(*)::int AS n FROM usage_daily_dimension")).rows[0].n).toBe(3);
      expect(await rollupDrift()).toEqual(NO_DRIFT);
      // and ingestion keeps it from then on
      await ingest([usageEvent({ externalId: "u4", occurredAt: at, model: "gpt-4o", tags: { customer: "globex" } })]);
      expect(await rollupDrift()).toEqual(NO_DRIFT);
    });
  });
});
