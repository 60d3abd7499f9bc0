/**
 * The documented move from one PostgreSQL server to Citus (README "Scaling out"): restore a pg_dump of the old
 * database into an empty coordinator database that has the extension, then `rightsize migrate` with
 * RIGHTSIZE_CITUS=1 shards the tables in place (Citus copies the rows into the workers' shards). Afterwards the
 * coordinator holds every call and answers as the old server did, and new rows get ids after the copied ones.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { loadDemo } from "@/lib/demo/load-demo";
import { migrate } from "@/lib/db/migrate";
import { pool } from "@/lib/db/pool";
import { resetDatabase } from "../db";
import { request, userWithSession } from "../factories";
import { asData, closeDatabases, DATABASES, onDatabase } from "./databases";
import { GET as breakdown } from "@/app/api/v1/spend/breakdown/route";
import { GET as monthlyReport } from "@/app/api/v1/reports/monthly/route";

afterAll(closeDatabases);

const DEMO = { events: 3_000, days: 40, endDate: new Date("2026-11-10T00:00:00Z"), quiet: true };

async function snapshot(cookie: string) {
  const totals = await pool().query(
    `SELECT (SELECT count(*)::int FROM usage_events) AS events, (SELECT sum(cost_nanos)::text FROM usage_events) AS cost,
            (SELECT sum(cost_nanos)::text FROM usage_daily) AS rolled_up, (SELECT count(*)::int FROM teams) AS teams,
            (SELECT count(*)::int FROM eval_results) AS eval_results`,
  );
  const byModel = await (await breakdown(request("/api/v1/spend/breakdown?from=2026-10-01&to=2026-10-31&by=model", { cookie }))).text();
  const report = await (await monthlyReport(request("/api/v1/reports/monthly?month=2026-10", { cookie }))).text();
  return { totals: totals.rows[0], byModel: asData(byModel), report: asData(report) };
}

describe("moving a single-server database onto Citus", () => {
  it("pg_dump | psql into the coordinator, then rightsize migrate, keeps every call and every answer", async () => {
    // The copied session still works after the move: the user row keeps its id.
    let cookie = "";
    const before = await onDatabase(DATABASES.plain(), async () => {
      await resetDatabase();
      await loadDemo(DEMO);
      cookie = (await userWithSession("admin@move.test", "admin")).cookie;
      return snapshot(cookie);
    });
    const moved = inject("movedUrl");
    // The README's commands, with this cluster's PostgreSQL client programs.
    const bin = inject("citusPgBin");
    const dump = spawnSync(
      "bash",
      ["-c", `set -o pipefail; "${path.join(bin, "pg_dump")}" --no-owner --no-privileges "$FROM" | sed '/^SET transaction_timeout/d' | "${path.join(bin, "psql")}" -q -v ON_ERROR_STOP=1 "$TO"`],
      { env: { ...process.env, FROM: DATABASES.plain(), TO: moved }, encoding: "utf8" },
    );
    expect(dump.status, dump.stderr).toBe(0);
    process.env.RIGHTSIZE_CITUS = "1";
    const migrated = await migrate(moved).finally(() => delete process.env.RIGHTSIZE_CITUS);
    // Every migration came with the dump; the Citus step then sharded the tables that hold the data.
    expect(migrated.applied).toEqual([]);
    expect(migrated.citus?.distributed).toEqual(["usage_events", "usage_daily", "usage_daily_user", "usage_shape_daily", "usage_daily_dimension", "usage_15min"]);
    expect(migrated.citus?.reference).toEqual(expect.arrayContaining(["teams", "workloads", "models", "users"]));
    const after = await onDatabase(moved, async () => {
      const onWorkers = await pool().query(
        `SELECT count(DISTINCT nodeport)::int AS n FROM citus_shards
         WHERE table_name::oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'usage_events'::regclass UNION SELECT 'usage_events'::regclass::oid)
           AND shard_size > 8192`,
      );
      // The copied sequences go on after the copied ids: a new user does not collide with a moved one.
      const next = await userWithSession("new@move.test", "viewer");
      const maxBefore = await pool().query(`SELECT max(id)::int AS id FROM users WHERE email <> 'new@move.test'`);
      return { snapshot: await snapshot(cookie), workersWithRows: onWorkers.rows[0].n, newUserAfterMoved: next.user.id > maxBefore.rows[0].id };
    });
    expect(before.totals.events).toBe(DEMO.events);
    expect(after.snapshot).toEqual(before);
    expect(after.workersWithRows).toBe(2);
    expect(after.newUserAfterMoved).toBe(true);
  });
});
