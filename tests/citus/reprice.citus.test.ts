/**
 * Saving a price override re-prices the stored calls it applies to (lib/ingest/store/reprice-events.ts: stored rows
 * found by key, updated, and moved through every roll-up by signed deltas): on Citus exactly as on plain PostgreSQL.
 */
import { afterAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import { ingest, usageEvent } from "../factories";
import { closeDatabases, onBoth } from "./databases";
import { NO_DRIFT, rollupDrift } from "../rollup-check";

afterAll(closeDatabases);

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

async function state() {
  // Plain rows, not json_agg of subquery rows: Citus cannot send anonymous records back from the workers.
  const events = await pool().query(`SELECT cost_nanos::text AS cost, price_source, count(*)::int AS n FROM usage_events GROUP BY 1, 2 ORDER BY 1`);
  const daily = await pool().query(
    `SELECT day::text, sum(events)::int AS events, sum(cost_nanos)::text AS cost, sum(unpriced_requests)::int AS unpriced FROM usage_daily GROUP BY day ORDER BY day`,
  );
  const model = await pool().query(`SELECT unpriced FROM models WHERE name = 'acme-70b'`);
  return { events: events.rows, daily: daily.rows, model_unpriced: model.rows[0].unpriced };
}

describe("re-pricing after a price override on Citus", () => {
  it("prices the stored calls and their roll-ups as plain PostgreSQL does", async () => {
    const results = await onBoth(async () => {
      // 4 calls of a model no catalogue prices: 10,000 input and 1,000 output tokens each, two days.
      await ingest(
        ["2026-10-05", "2026-10-05", "2026-10-06", "2026-10-06"].map((day, i) =>
          usageEvent({ externalId: `acme-${i}`, occurredAt: at(day, 9 + i), provider: "acme", model: "acme-70b", team: "labs", workload: "eval", inputTokens: 10_000, outputTokens: 1_000 }),
        ),
      );
      const before = await state();
      const change = await createPriceOverride(
        { provider: "acme", model: "acme-70b", inputPerMtok: "0.9", cachedInputPerMtok: "0.225", cacheWritePerMtok: "1.125", outputPerMtok: "2.7", validFrom: "2026-01-01" },
        { label: "test", userId: null },
      );
      return { before, repriced: change.repricing.eventsRepriced, delta: change.repricing.costDeltaUsd, after: await state(), drift: await rollupDrift() };
    });
    // Each call: 10,000 x $0.90/M + 1,000 x $2.70/M = $0.009 + $0.0027 = $0.0117 = 11,700,000 nano-dollars; 2 a day.
    expect(results.citus).toEqual({
      before: { events: [{ cost: null, price_source: 0, n: 4 }], daily: [{ day: "2026-10-05", events: 2, cost: "0", unpriced: 2 }, { day: "2026-10-06", events: 2, cost: "0", unpriced: 2 }], model_unpriced: true },
      repriced: 4,
      delta: "0.0468",
      after: {
        events: [{ cost: "11700000", price_source: 2, n: 4 }],
        daily: [{ day: "2026-10-05", events: 2, cost: "23400000", unpriced: 0 }, { day: "2026-10-06", events: 2, cost: "23400000", unpriced: 0 }],
        model_unpriced: false,
      },
      drift: NO_DRIFT,
    });
    expect(results.citus).toEqual(results.plain);
  });
});
