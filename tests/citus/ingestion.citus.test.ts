/**
 * Ingestion on Citus behaves as on plain PostgreSQL: a batch lands whole with its roll-ups, re-sending it adds
 * nothing (the idempotency key is the shard key, so ON CONFLICT is decided inside one shard), and a batch that
 * fails half-way through its statement leaves nothing behind on any worker.
 */
import { afterAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { ingest, usageEvent } from "../factories";
import { closeDatabases, onBoth } from "./databases";

afterAll(closeDatabases);

const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

// 3 calls on 2026-10-05 (support/triage on gpt-4o), 2 on 2026-10-06 (search/rewrite on gpt-4o-mini).
const BATCH = [
  ...[1, 2, 3].map((i) => usageEvent({ externalId: `triage-${i}`, occurredAt: at("2026-10-05", 9 + i), team: "support", workload: "triage", model: "gpt-4o", inputTokens: 1000, outputTokens: 100 })),
  ...[1, 2].map((i) => usageEvent({ externalId: `rewrite-${i}`, occurredAt: at("2026-10-06", 9 + i), team: "search", workload: "rewrite", model: "gpt-4o-mini", inputTokens: 1000, outputTokens: 100 })),
];

async function stored() {
  const r = await pool().query(
    `SELECT (SELECT count(*)::int FROM usage_events) AS events,
            (SELECT COALESCE(sum(events), 0)::int FROM usage_daily) AS rolled_up,
            (SELECT COALESCE(sum(cost_nanos), 0)::text FROM usage_daily) AS cost,
            (SELECT COALESCE(sum(events), 0)::int FROM usage_shape_daily) AS shapes`,
  );
  return r.rows[0];
}

describe("ingestion on Citus", () => {
  it("stores a batch once: sending it again adds nothing, on Citus as on PostgreSQL", async () => {
    const results = await onBoth(async () => {
      const first = await ingest(BATCH);
      const again = await ingest(BATCH);
      return { first: first.accepted, again: [again.accepted, again.duplicates], stored: await stored() };
    });
    // gpt-4o: 1,000 x $2.50/M + 100 x $10/M = $0.0035 = 3,500,000 nano-dollars per call, x 3 = 10,500,000;
    // gpt-4o-mini: 1,000 x $0.15/M + 100 x $0.60/M = $0.00021 = 210,000 per call, x 2 = 420,000; total 10,920,000.
    expect(results.citus).toEqual({ first: 5, again: [0, 5], stored: { events: 5, rolled_up: 5, cost: "10920000", shapes: 5 } });
    expect(results.citus).toEqual(results.plain);
  });

  it("keeps a batch atomic across workers: a roll-up that fails takes the batch's calls back out of every shard", async () => {
    const results = await onBoth(async () => {
      await ingest(BATCH);
      // Plant a roll-up row one call away from overflowing: the next gpt-4o triage call on 2026-10-05 makes its
      // cost sum exceed BIGINT after the calls themselves were written to the shards, inside the same statement.
      await pool().query(`UPDATE usage_daily SET cost_nanos = 9223372036854775000 WHERE day = '2026-10-05'`);
      const before = await stored();
      const next = [
        usageEvent({ externalId: "later-1", occurredAt: at("2026-10-07"), team: "search", workload: "rewrite", model: "gpt-4o-mini" }),
        usageEvent({ externalId: "later-2", occurredAt: at("2026-10-05", 18), team: "support", workload: "triage", model: "gpt-4o", inputTokens: 1000, outputTokens: 100 }),
      ];
      const error = await ingest(next).then(() => null, (e: Error) => e.message);
      const after = await stored();
      const later = await pool().query(`SELECT count(*)::int AS n FROM usage_events WHERE occurred_at IN ('2026-10-07T12:00:00Z', '2026-10-05T18:00:00Z')`);
      return { error, unchanged: JSON.stringify(after) === JSON.stringify(before), laterCalls: later.rows[0].n };
    });
    expect(results.citus.error).toMatch(/bigint out of range/);
    expect(results.citus).toEqual({ error: results.citus.error, unchanged: true, laterCalls: 0 });
    expect(results.plain).toMatchObject({ unchanged: true, laterCalls: 0 });
  });
});
