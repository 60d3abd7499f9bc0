/**
 * Saving an attribution rule re-attributes stored calls (an UPDATE of sharded rows joined with a temporary table)
 * and moves them between roll-up rows: on Citus exactly as on plain PostgreSQL.
 */
import { afterAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { ingest, request, usageEvent, userWithSession } from "../factories";
import { closeDatabases, onBoth } from "./databases";
import { POST as createRule } from "@/app/api/v1/attribution-rules/route";

afterAll(closeDatabases);

const at = (day: string) => new Date(`${day}T12:00:00Z`);

async function state() {
  const r = await pool().query(
    `SELECT (SELECT json_agg(x ORDER BY x.team_id) FROM (
               SELECT team_id, sum(events)::int AS events, sum(cost_nanos)::text AS cost FROM usage_daily GROUP BY 1) x) AS daily,
            (SELECT count(*)::int FROM usage_events WHERE team_id IS NULL) AS unattributed`,
  );
  return r.rows[0];
}

describe("re-attribution on Citus", () => {
  it("moves the same calls and roll-up sums as plain PostgreSQL", async () => {
    const results = await onBoth(async () => {
      // 4 unattributed gpt-4o calls by ann, 2 by bob, 1 call already on labs.
      await ingest([
        ...[1, 2, 3, 4].map((i) => usageEvent({ externalId: `ann-${i}`, occurredAt: at(`2026-10-0${i}`), team: null, workload: null, user: "ann@x.test", inputTokens: 1000, outputTokens: 100 })),
        ...[1, 2].map((i) => usageEvent({ externalId: `bob-${i}`, occurredAt: at(`2026-10-1${i}`), team: null, workload: null, user: "bob@x.test", inputTokens: 1000, outputTokens: 100 })),
        usageEvent({ externalId: "labs-1", occurredAt: at("2026-10-20"), team: "labs", workload: "eval", inputTokens: 1000, outputTokens: 100 }),
      ]);
      const { cookie } = await userWithSession("admin@reattribute.test", "admin");
      const rule = await createRule(request("/api/v1/attribution-rules", { cookie, body: { name: "Ann is labs", match: { user: "ann@*" }, team: "labs" } }));
      const body = await rule.json();
      return { rule: [rule.status, body.reattribution?.eventsMoved], after: await state() };
    });
    // ann's 4 calls move to labs: labs 1 + 4 = 5 calls x $0.0035 (1,000 x $2.50/M + 100 x $10/M) = 17,500,000 nano-dollars;
    // bob's 2 stay unattributed (team 0 in the roll-ups): 7,000,000.
    expect(results.citus).toEqual({
      rule: [201, 4],
      after: { daily: [{ team_id: 0, events: 2, cost: "7000000" }, { team_id: expect.any(Number), events: 5, cost: "17500000" }], unattributed: 2 },
    });
    expect(results.citus).toEqual(results.plain);
  });
});
