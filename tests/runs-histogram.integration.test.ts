/**
 * The runs histogram (usage_runs_hist, lib/runs/run-histogram.ts): the bucket arithmetic agrees with SQL's
 * run_cost_bucket at every edge, a run that grows or starts earlier moves between buckets and days, and two
 * transactions adding to the same run at once leave it counted once with both amounts. The summary it feeds is
 * compared with the plain SQL in runs-summary-exact.integration.test.ts; ingestion, re-pricing and re-attribution
 * are checked by the roll-up drift check (rollup-check.ts) in their own tests.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { pool } from "@/lib/db/pool";
import { bucketBounds, costBucket, locateRank, nearestRank } from "@/lib/runs/run-histogram";
import { rollupDrift } from "./rollup-check";

useTestDatabase();

const UPSERT = `INSERT INTO usage_runs (run_id, team_id, workload_id, run_kind, first_at, last_at, calls, input_tokens, output_tokens, cost_nanos,
    unpriced_calls, ok_calls, error_calls, outcome_calls, success_outcomes, model_ids)
  VALUES ($1, 0, 0, 1, $2::timestamptz, $2::timestamptz, 1, 0, 0, $3, 0, 1, 0, 0, 0, '{}')
  ON CONFLICT (run_id, team_id, workload_id) DO UPDATE SET calls = usage_runs.calls + 1, cost_nanos = usage_runs.cost_nanos + EXCLUDED.cost_nanos,
    ok_calls = usage_runs.ok_calls + 1, first_at = LEAST(usage_runs.first_at, EXCLUDED.first_at)`;

async function histogram() {
  const rows = await pool().query<{ day: string; bucket: number; runs: string; calls: string; cost: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, bucket, runs::text, calls::text, cost_nanos::text AS cost FROM usage_runs_hist
     WHERE runs <> 0 OR cost_nanos <> 0 ORDER BY 1, 2`,
  );
  return rows.rows;
}

describe("the runs histogram", () => {
  beforeEach(async () => {
    await pool().query("TRUNCATE usage_runs");
  });

  it("puts a cost in the bucket SQL puts it in, and each bucket's bounds hold exactly its costs", async () => {
    const costs = [0n, 1n, 9n, 10n, 11n, 99n, 100n, 101n, 109n, 110n, 999n, 1000n, 123_456n, 9_999_999_999n, 10n ** 18n, 9_223_372_036_854_775_807n];
    const sql = await pool().query<{ b: number }>("SELECT run_cost_bucket(c) AS b FROM unnest($1::bigint[]) WITH ORDINALITY AS t(c, i) ORDER BY i", [
      costs.map(String),
    ]);
    expect(sql.rows.map((r) => r.b)).toEqual(costs.map(costBucket));
    // hand-computed: digits * 100 + leading two digits; under 10, 100 + the cost
    expect([0n, 9n, 10n, 99n, 100n, 123_456n].map(costBucket)).toEqual([100, 109, 210, 299, 310, 612]);
    for (const cost of costs) {
      const { lo, hi } = bucketBounds(costBucket(cost));
      expect(lo <= cost && cost < hi).toBe(true);
      // the costs just outside belong to the neighbouring buckets
      if (lo > 0n) expect(costBucket(lo - 1n)).toBeLessThan(costBucket(cost));
      expect(costBucket(hi)).toBeGreaterThan(costBucket(cost));
    }
  });

  it("locates ranks as percentile_disc does (nearest rank, at least 1)", () => {
    expect(nearestRank(0.5, 1)).toBe(1);
    expect(nearestRank(0.95, 100)).toBe(95);
    expect(nearestRank(0.99, 256)).toBe(254);
    const buckets = [{ bucket: 210, runs: 3 }, { bucket: 250, runs: 2 }, { bucket: 310, runs: 1 }];
    expect(locateRank(buckets, 1)).toEqual({ bucket: 210, offset: 0 });
    expect(locateRank(buckets, 4)).toEqual({ bucket: 250, offset: 0 });
    expect(locateRank(buckets, 6)).toEqual({ bucket: 310, offset: 0 });
    expect(() => locateRank(buckets, 7)).toThrow(/past the 6 runs/);
  });

  it("moves a run to its new bucket when it costs more, and to an earlier day when an earlier call arrives", async () => {
    await pool().query(UPSERT, ["r1", "2026-10-02T10:00:00Z", 95]);
    expect(await histogram()).toEqual([{ day: "2026-10-02", bucket: 295, runs: "1", calls: "1", cost: "95" }]);
    // a call of the same run on the previous day, costing 10 more: 105 nanos (bucket 310), started 2026-10-01
    await pool().query(UPSERT, ["r1", "2026-10-01T23:59:00Z", 10]);
    expect(await histogram()).toEqual([{ day: "2026-10-01", bucket: 310, runs: "1", calls: "2", cost: "105" }]);
    await pool().query("DELETE FROM usage_runs WHERE run_id = 'r1'");
    expect(await histogram()).toEqual([]);
    expect(await rollupDrift().then((d) => d.usage_runs_hist)).toEqual([]);
  });

  it("counts a run once when two transactions add to it at the same time", async () => {
    await pool().query(UPSERT, ["shared", "2026-10-05T08:00:00Z", 1000]);
    const a = await pool().connect();
    const b = await pool().connect();
    try {
      await a.query("BEGIN");
      await b.query("BEGIN");
      await a.query(UPSERT, ["shared", "2026-10-05T08:01:00Z", 500]);
      // b's upsert waits for a's row lock; it then updates the row a committed, and its trigger subtracts that row
      const bPid = (await b.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
      const second = b.query(UPSERT, ["shared", "2026-10-05T08:02:00Z", 250]);
      // a commits only once b is seen waiting for the row lock, so the interleaving under test really happens
      while (!(await pool().query("SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'", [bPid])).rowCount) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      await a.query("COMMIT");
      await second;
      await b.query("COMMIT");
    } finally {
      a.release();
      b.release();
    }
    // 1,000 + 500 + 250 = 1,750 nanos: bucket 4 digits, leading 17 -> 417
    expect(await histogram()).toEqual([{ day: "2026-10-05", bucket: 417, runs: "1", calls: "3", cost: "1750" }]);
  });
});
