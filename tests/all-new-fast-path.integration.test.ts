import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { useTestDatabase } from "./db";
import { ingest, usageEvent } from "./factories";
import { NO_DRIFT, rollupDrift } from "./rollup-check";

useTestDatabase();

/**
 * Ingestion writes a batch with a plain INSERT first and falls back to ON CONFLICT DO NOTHING when any call of
 * the batch is already stored (lib/ingest/store/write-batch.ts). Both paths must give the same counts, totals and
 * roll-ups: a user re-sending a file that overlaps what was imported sees only the new calls counted.
 */
async function stored(user: string) {
  const r = await pool().query<{ n: number; cost: string }>(`SELECT count(*)::int AS n, sum(cost_nanos)::text AS cost FROM usage_events WHERE user_name = $1`, [user]);
  return r.rows[0];
}

describe("a batch of new calls, and one that overlaps stored calls", () => {
  it("stores only the calls not stored yet, and the roll-ups count each call once", async () => {
    const call = (id: string) => usageEvent({ externalId: `fast-${id}`, user: "fast", inputTokens: 1_000, outputTokens: 100 });
    const first = await ingest(["a", "b", "c"].map(call));
    expect(first).toMatchObject({ accepted: 3, duplicates: 0 });
    // gpt-4o: 1,000 input tokens at $2.50/M + 100 output at $10/M = $0.0035 = 3,500,000 nano-dollars a call.
    expect(await stored("fast")).toEqual({ n: 3, cost: "10500000" });

    const overlap = await ingest(["b", "d", "e", "c"].map(call));
    expect(overlap).toMatchObject({ accepted: 2, duplicates: 2 });
    expect(await stored("fast")).toEqual({ n: 5, cost: "17500000" });
    const daily = await pool().query(`SELECT sum(events)::int AS events, sum(cost_nanos)::text AS cost FROM usage_daily_user WHERE user_name = 'fast'`);
    expect(daily.rows[0]).toEqual({ events: 5, cost: "17500000" });
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });

  it("stores a call sent twice in one batch once", async () => {
    const twice = usageEvent({ externalId: "twice-1", user: "twice" });
    const result = await ingest([twice, { ...twice }, usageEvent({ externalId: "twice-2", user: "twice" })]);
    expect(result).toMatchObject({ accepted: 2, duplicates: 1 });
    expect((await stored("twice")).n).toBe(2);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });
});
