import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { pool } from "@/lib/db/pool";
import type { UsageEvent } from "@/lib/ingest/usage-event";
import { GET as getSpend } from "@/app/api/v1/spend/route";
import { GET as getSeries } from "@/app/api/v1/spend/series/route";
import { GET as listDimensions, POST as promote } from "@/app/api/v1/dimensions/route";
import { DELETE as removeDimension } from "@/app/api/v1/dimensions/[tagKey]/route";
import { POST as createOverride } from "@/app/api/v1/price-overrides/route";
import { POST as createRule } from "@/app/api/v1/attribution-rules/route";

useTestDatabase();

/**
 * Issue 13 §1: tag keys promoted to dimensions. Every call is gpt-4o at the catalogue price ($2.50/M input,
 * $10/M output), 1,000 input tokens each, so a call costs 0.0025 + output x 0.00001 USD:
 *   100 output -> $0.0035, 200 -> $0.0045, 300 -> $0.0055.
 * Set A is stored BEFORE `customer` is promoted (reaches the roll-up by back-fill), set B after (by ingestion).
 */
const A_DAY = new Date("2026-10-14T10:00:00Z");
const B_DAY = new Date("2026-10-15T10:00:00Z");
const call = (id: string, at: Date, team: string | null, workload: string | null, out: number, tags: Record<string, string>): UsageEvent =>
  usageEvent({ externalId: id, occurredAt: at, team, workload, model: "gpt-4o", inputTokens: 1000, outputTokens: out, tags });

const SET_A = [
  call("a1", A_DAY, "support", "ticket-triage", 100, { customer: "acme" }), //   0.0035
  call("a2", A_DAY, "support", "ticket-triage", 100, { customer: "acme" }), //   0.0035
  call("a3", A_DAY, "support", "ticket-triage", 200, { customer: "globex" }), // 0.0045
  call("a4", A_DAY, "support", "ticket-triage", 100, {}), //                     0.0035 (none)
  call("a5", A_DAY, "search", "query-rewrite", 300, { customer: "acme" }), //    0.0055
  call("a6", A_DAY, null, null, 100, { customer: "acme" }), //                   0.0035 unattributed
];
const SET_B = [
  call("b1", B_DAY, "support", "ticket-triage", 100, { customer: "acme" }), //   0.0035
  call("b2", B_DAY, "support", "ticket-triage", 200, { customer: "globex" }), // 0.0045
  call("b3", B_DAY, "support", "ticket-triage", 100, { customer: "initech" }), // 0.0035
  call("b4", B_DAY, "support", "ticket-triage", 100, { feature: "summarise" }), // 0.0035 (none): other tags only
  call("b5", B_DAY, "search", "query-rewrite", 100, { customer: "umbrella" }), // 0.0035
];

let admin: string;
let lead: string;
let viewer: string;
const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const range = "from=2026-10-14&to=2026-10-15";
const spend = async (qs: string, cookie = admin) => json(await getSpend(request(`/api/v1/spend?${range}&${qs}`, { cookie })));
const costs = (body: { rows: { key: string; costUsd: string }[] }) => body.rows.map((r) => [r.key, r.costUsd]);

beforeAll(async () => {
  await ingest(SET_A);
  admin = (await userWithSession("admin@dims.test", "admin")).cookie;
  lead = (await userWithSession("lead@dims.test", "lead", ["support"])).cookie;
  viewer = (await userWithSession("viewer@dims.test", "viewer")).cookie;
});

describe("promoting a tag key", () => {
  it("back-fills the history already stored, without re-ingesting", async () => {
    const res = await json(await promote(request("/api/v1/dimensions", { cookie: admin, body: { tagKey: "customer" } })));
    expect(res.status).toBe(201);
    // 6 stored calls, 5 of them carry `customer` (a4 has no tags)
    expect(res.body).toMatchObject({ tagKey: "customer", createdBy: "admin@dims.test", backfill: { events: 6, taggedEvents: 5 } });
    expect(res.body.backfilledAt).toEqual(expect.any(String));
    // Set A only: acme = a1 + a2 + a5 + a6 = 0.0035 + 0.0035 + 0.0055 + 0.0035 = 0.016; globex = a3 = 0.0045; (none) = a4
    const a = await spend("groupBy=tag:customer");
    expect(costs(a.body)).toEqual([["acme", "0.016"], ["globex", "0.0045"], ["(none)", "0.0035"]]);
    const audit = await pool().query("SELECT actor, action, target FROM audit_log WHERE action = 'dimension.promote'");
    expect(audit.rows).toEqual([{ actor: "admin@dims.test", action: "dimension.promote", target: "dimension:customer" }]);
  });

  it("then ingestion keeps the key's roll-up", async () => {
    await ingest(SET_B);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });

  it("lists promoted keys to every reader; promoting twice is a 409; only admins promote", async () => {
    const list = await json(await listDimensions(request("/api/v1/dimensions", { cookie: viewer })));
    expect(list.body.dimensions.map((d: { tagKey: string }) => d.tagKey)).toEqual(["customer"]);
    expect((await json(await promote(request("/api/v1/dimensions", { cookie: admin, body: { tagKey: "customer" } })))).status).toBe(409);
    expect((await json(await promote(request("/api/v1/dimensions", { cookie: lead, body: { tagKey: "feature" } })))).status).toBe(403);
    const bad = await json(await promote(request("/api/v1/dimensions", { cookie: admin, body: { tagKey: "has space" } })));
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining("tagKey")]);
  });
});

describe("GET /api/v1/spend by a tag", () => {
  it("groups by the tag: values by cost, calls without it as (none), totals equal the untagged total", async () => {
    const res = await spend("groupBy=tag:customer");
    expect(res.status).toBe(200);
    // acme = a1 + a2 + a5 + a6 + b1 = 0.0035 + 0.0035 + 0.0055 + 0.0035 + 0.0035 = 0.0195
    // globex = a3 + b2 = 0.0045 + 0.0045 = 0.009; initech = b3, umbrella = b5 (0.0035 each, tie: by name)
    // (none) = a4 + b4 = 0.007 (b4 carries another tag, not this one)
    expect(costs(res.body)).toEqual([["acme", "0.0195"], ["globex", "0.009"], ["initech", "0.0035"], ["umbrella", "0.0035"], ["(none)", "0.007"]]);
    expect(res.body.groupBy).toBe("tag:customer");
    // all 11 calls: 8 x 0.0035 + 2 x 0.0045 + 0.0055 = 0.028 + 0.009 + 0.0055 = 0.0425
    expect(res.body.totals.costUsd).toBe("0.0425");
    expect(res.body.totals.requests).toBe(11);
    const byTeam = await spend("groupBy=team");
    expect(byTeam.body.totals).toEqual(res.body.totals);
  });

  it("keeps the top N values and folds the rest into (other); (none) stays its own row", async () => {
    const res = await spend("groupBy=tag:customer&top=2");
    // (other) = initech + umbrella = 0.0035 + 0.0035 = 0.007
    expect(costs(res.body)).toEqual([["acme", "0.0195"], ["globex", "0.009"], ["(other)", "0.007"], ["(none)", "0.007"]]);
    expect(res.body.totals.costUsd).toBe("0.0425");
  });

  it("filters by a tag value, grouped by team or by day", async () => {
    // acme: support a1 + a2 + b1 = 0.0105, search a5 = 0.0055, unattributed a6 = 0.0035
    const byTeam = await spend("groupBy=team&tag.customer=acme");
    expect(costs(byTeam.body)).toEqual([["support", "0.0105"], ["search", "0.0055"], ["unattributed", "0.0035"]]);
    // calls without the tag: a4 on the 14th, b4 on the 15th
    const none = await spend("groupBy=day&tag.customer=(none)");
    expect(costs(none.body)).toEqual([["2026-10-14", "0.0035"], ["2026-10-15", "0.0035"]]);
    // combined with a team filter and grouped by the same tag
    const support = await spend("groupBy=tag:customer&team=support&tag.customer=globex");
    expect(costs(support.body)).toEqual([["globex", "0.009"]]);
  });

  it("stacks the chart series by the tag: top values, (other), and (none) always its own series", async () => {
    const res = await json(await getSeries(request(`/api/v1/spend/series?${range}&interval=day&stackBy=tag:customer&top=1`, { cookie: admin })));
    expect(res.status).toBe(200);
    // kept: acme (0.0195) and (none) (0.007); (other) = globex 0.009 + initech 0.0035 + umbrella 0.0035 = 0.016
    expect(res.body.series.map((s: { key: string; costUsd: string }) => [s.key, s.costUsd])).toEqual([["acme", "0.0195"], ["(none)", "0.007"], ["(other)", "0.016"]]);
    // 14th: acme a1 + a2 + a5 + a6 = 0.016, (none) a4, (other) a3; 15th: acme b1, (none) b4, (other) b2 + b3 + b5 = 0.0115
    expect(res.body.points.map((p: { values: Record<string, string> }) => p.values)).toEqual([
      { acme: "0.016", "(none)": "0.0035", "(other)": "0.0045" },
      { acme: "0.0035", "(none)": "0.0035", "(other)": "0.0115" },
    ]);
    const filtered = await json(await getSeries(request(`/api/v1/spend/series?${range}&interval=day&stackBy=team&tag.customer=acme`, { cookie: lead })));
    expect(filtered.body.series.map((s: { key: string; costUsd: string }) => [s.key, s.costUsd])).toEqual([["support", "0.0105"]]);
  });

  it("shows a lead only their teams' calls, (none) included", async () => {
    const res = await spend("groupBy=tag:customer", lead);
    // support only: acme = a1 + a2 + b1 = 0.0105; globex = 0.009; initech = 0.0035; (none) = a4 + b4 = 0.007
    expect(costs(res.body)).toEqual([["acme", "0.0105"], ["globex", "0.009"], ["initech", "0.0035"], ["(none)", "0.007"]]);
    expect(res.body.totals.costUsd).toBe("0.03");
    const filtered = await spend("groupBy=team&tag.customer=acme", lead);
    expect(costs(filtered.body)).toEqual([["support", "0.0105"]]);
  });

  it("refuses what the tag roll-ups cannot answer, saying why", async () => {
    const cases: [string, RegExp][] = [
      ["groupBy=tag:tenant", /"tenant" is not a dimension; promoted keys: customer/],
      ["groupBy=user&tag.customer=acme", /groupBy team, workload, model, provider, tier, day, week, month or tag:<key>/],
      ["groupBy=team&top=3", /top: only with groupBy=tag/],
      ["groupBy=team&tag.customer=acme&tag.feature=x", /one tag at a time/],
      ["groupBy=tag:customer&tag.feature=x", /filter by that key only/],
      ["groupBy=tag:has space", /groupBy/],
    ];
    for (const [qs, message] of cases) {
      const res = await spend(qs);
      expect([qs, res.status, res.body.error.message]).toEqual([qs, 400, expect.stringMatching(message)]);
    }
  });
});

describe("roll-up corrections", () => {
  it("re-pricing moves the tag roll-up with the events", async () => {
    const res = await json(
      await createOverride(
        request("/api/v1/price-overrides", { cookie: admin, body: { provider: "openai", model: "gpt-4o", inputPerMtok: "5", outputPerMtok: "10", validFrom: "2026-10-15" } }),
      ),
    );
    expect(res.status).toBe(201);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
    // From the 15th input costs $5/M: each set-B call costs 0.0025 more (1,000 x 0.0000025). umbrella = b5 = 0.006
    const after = await spend("groupBy=tag:customer");
    expect(costs(after.body)).toContainEqual(["umbrella", "0.006"]);
    // 0.0425 + 5 x 0.0025 = 0.055
    expect(after.body.totals.costUsd).toBe("0.055");
  });


  it("a new attribution rule moves the tag roll-up with the re-attributed calls", async () => {
    const rule = { name: "Acme's untagged calls are search's", match: { tags: { customer: "acme" } }, team: "search" };
    const res = await json(await createRule(request("/api/v1/attribution-rules", { cookie: admin, body: rule })));
    expect(res.status).toBe(201);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
    // a6 (the only call without a team) moves to search: search = a5 0.0055 + a6 0.0035 = 0.009;
    // support = a1 0.0035 + a2 0.0035 + b1 (re-priced) 0.006 = 0.013
    expect(costs((await spend("groupBy=team&tag.customer=acme")).body)).toEqual([["support", "0.013"], ["search", "0.009"]]);
  });
});

describe("removing a dimension", () => {
  it("drops its roll-up; the events keep their tags, and promoting again back-fills everything", async () => {
    const res = await json(await removeDimension(request("/api/v1/dimensions/customer", { cookie: admin, method: "DELETE" }), { params: Promise.resolve({ tagKey: "customer" }) }));
    expect(res).toEqual({ status: 200, body: { removed: "customer" } });
    expect((await pool().query("SELECT 1 FROM usage_daily_dimension")).rowCount).toBe(0);
    expect((await spend("groupBy=tag:customer")).status).toBe(400);
    const missing = await removeDimension(request("/api/v1/dimensions/customer", { cookie: admin, method: "DELETE" }), { params: Promise.resolve({ tagKey: "customer" }) });
    expect(missing.status).toBe(404);
    const again = await json(await promote(request("/api/v1/dimensions", { cookie: admin, body: { tagKey: "customer" } })));
    // all 11 calls, 9 with the tag (a4 and b4 without). Re-priced set B: b1..b5 cost 0.006, 0.007, 0.006, 0.006, 0.006
    // acme = 0.0035 + 0.0035 + 0.0055 + 0.0035 + 0.006 = 0.022; (other) = globex (0.0045 + 0.007) + initech 0.006 + umbrella 0.006
    // = 0.0235; (none) = a4 0.0035 + b4 0.006 = 0.0095
    expect(again.body.backfill).toMatchObject({ events: 11, taggedEvents: 9 });
    expect(costs((await spend("groupBy=tag:customer&top=1")).body)).toEqual([["acme", "0.022"], ["(other)", "0.0235"], ["(none)", "0.0095"]]);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });
});
