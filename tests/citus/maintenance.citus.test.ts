/**
 * The writes that rewrite stored calls after the fact, on Citus as on PostgreSQL: saving an attribution rule
 * re-attributes stored calls (an UPDATE of sharded rows joined with a temporary table) and a price override
 * re-prices them; both move the calls between roll-up rows. Same stored state on both servers afterwards.
 */
import { afterAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { ingest, request, usageEvent, userWithSession } from "../factories";
import { closeDatabases, onBoth } from "./databases";
import { POST as createRule } from "@/app/api/v1/attribution-rules/route";
import { POST as createOverride } from "@/app/api/v1/price-overrides/route";

afterAll(closeDatabases);

const at = (day: string) => new Date(`${day}T12:00:00Z`);

async function state() {
  const r = await pool().query(
    `SELECT (SELECT json_agg(x ORDER BY x.team_id, x.model_id) FROM (
               SELECT team_id, model_id, sum(events)::int AS events, sum(cost_nanos)::text AS cost FROM usage_daily GROUP BY 1, 2) x) AS daily,
            (SELECT count(*)::int FROM usage_events WHERE team_id IS NULL) AS unattributed,
            (SELECT sum(cost_nanos)::text FROM usage_events) AS cost`,
  );
  return r.rows[0];
}

describe("rewriting stored calls on Citus", () => {
  it("re-attributes and re-prices exactly as plain PostgreSQL does", async () => {
    const results = await onBoth(async () => {
      // 4 unattributed gpt-4o calls by ann, 2 by bob; 3 calls of an unpriced self-hosted model on a team.
      await ingest([
        ...[1, 2, 3, 4].map((i) => usageEvent({ externalId: `ann-${i}`, occurredAt: at(`2026-10-0${i}`), team: null, workload: null, user: "ann@x.test", inputTokens: 1000, outputTokens: 100 })),
        ...[1, 2].map((i) => usageEvent({ externalId: `bob-${i}`, occurredAt: at(`2026-10-1${i}`), team: null, workload: null, user: "bob@x.test", inputTokens: 1000, outputTokens: 100 })),
        ...[1, 2, 3].map((i) => usageEvent({ externalId: `acme-${i}`, occurredAt: at(`2026-10-2${i}`), provider: "acme", model: "acme-70b", team: "labs", workload: "eval", inputTokens: 1_000_000, outputTokens: 100_000 })),
      ]);
      const before = await state();
      const { cookie } = await userWithSession("admin@maint.test", "admin");
      const rule = await createRule(request("/api/v1/attribution-rules", { cookie, body: { name: "Ann is labs", match: { user: "ann@*" }, team: "labs" } }));
      const ruleBody = await rule.json();
      const override = await createOverride(
        request("/api/v1/price-overrides", { cookie, body: { provider: "acme", model: "acme-70b", inputPerMtok: "0.9", outputPerMtok: "2.7", validFrom: "2026-10-01" } }) as never,
      );
      return { before, rule: [rule.status, ruleBody.reattribution?.eventsMoved], override: override.status, after: await state() };
    });
    // The rule moves ann's 4 calls to labs; the override prices acme's 3 calls:
    // 3 x (1M x $0.90/M + 100k x $2.70/M) = 3 x $1.17 = $3.51 = 3,510,000,000 nano-dollars.
    expect(results.citus.rule).toEqual([201, 4]);
    expect(results.citus.override).toBe(201);
    expect(results.citus.before.unattributed).toBe(6);
    expect(results.citus.after.unattributed).toBe(2);
    // gpt-4o: 6 x $0.0035 = $0.021 = 21,000,000; plus acme's 3,510,000,000.
    expect(results.citus.after.cost).toBe("3531000000");
    expect(results.citus).toEqual(results.plain);
  });
});
