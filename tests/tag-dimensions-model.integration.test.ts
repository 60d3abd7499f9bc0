import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { pool } from "@/lib/db/pool";
import type { UsageEvent } from "@/lib/ingest/usage-event";
import { GET as getSpend } from "@/app/api/v1/spend/route";
import { GET as getSeries } from "@/app/api/v1/spend/series/route";
import { POST as promote } from "@/app/api/v1/dimensions/route";
import { POST as createOverride } from "@/app/api/v1/price-overrides/route";

useTestDatabase();

/**
 * Issue 13 §1, "any tag is a dimension": the tag roll-up keeps the model, so a tag combines with model, provider
 * and tier filters and groupings. Catalogue prices ($/M input, output), 1,000 input and 100 output tokens a call:
 *   openai/gpt-4o (frontier)                2.50, 10.00 -> 0.0025 + 0.001   = 0.0035
 *   openai/gpt-4o-mini (small)              0.15,  0.60 -> 0.00015 + 0.00006 = 0.00021
 *   anthropic/claude-sonnet-4-5 (frontier)  3.00, 15.00 -> 0.003 + 0.0015   = 0.0045
 * Set A is stored BEFORE `customer` is promoted (reaches the roll-up by back-fill), set B after (by ingestion).
 */
const A_DAY = new Date("2026-10-14T10:00:00Z");
const B_DAY = new Date("2026-10-15T10:00:00Z");
const MODELS = { gpt: ["openai", "gpt-4o"], mini: ["openai", "gpt-4o-mini"], claude: ["anthropic", "claude-sonnet-4-5"] } as const;
const call = (id: string, at: Date, team: string, workload: string, model: keyof typeof MODELS, tags: Record<string, string>): UsageEvent =>
  usageEvent({ externalId: id, occurredAt: at, team, workload, provider: MODELS[model][0], model: MODELS[model][1], inputTokens: 1000, outputTokens: 100, tags });

const SET_A = [
  call("a1", A_DAY, "support", "ticket-triage", "gpt", { customer: "acme" }), //     0.0035
  call("a2", A_DAY, "support", "ticket-triage", "mini", { customer: "acme" }), //    0.00021
  call("a3", A_DAY, "search", "query-rewrite", "claude", { customer: "acme" }), //   0.0045
  call("a4", A_DAY, "support", "ticket-triage", "gpt", { customer: "globex" }), //   0.0035
  call("a5", A_DAY, "support", "ticket-triage", "mini", {}), //                      0.00021 (none)
];
const SET_B = [
  call("b1", B_DAY, "support", "ticket-triage", "gpt", { customer: "acme" }), //     0.0035
  call("b2", B_DAY, "search", "query-rewrite", "mini", { customer: "acme" }), //     0.00021
  call("b3", B_DAY, "support", "ticket-triage", "claude", { customer: "globex" }), // 0.0045
];

let admin: string;
let lead: string;
const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const range = "from=2026-10-14&to=2026-10-15";
const spend = async (qs: string, cookie = admin) => json(await getSpend(request(`/api/v1/spend?${range}&${qs}`, { cookie })));
const costs = (body: { rows: { key: string; costUsd: string }[] }) => body.rows.map((r) => [r.key, r.costUsd]);

beforeAll(async () => {
  await ingest(SET_A);
  admin = (await userWithSession("admin@dims-model.test", "admin")).cookie;
  lead = (await userWithSession("lead@dims-model.test", "lead", ["support"])).cookie;
  const res = await json(await promote(request("/api/v1/dimensions", { cookie: admin, body: { tagKey: "customer" } })));
  expect(res.status).toBe(201);
  await ingest(SET_B);
});

describe("the tag roll-up by model", () => {
  it("is back-filled and kept by ingestion per model, equal to a recomputation from the calls", async () => {
    expect(await rollupDrift()).toEqual(NO_DRIFT);
    // Back-filled day: acme has three models (a1, a2, a3), globex one (a4), (none) one (a5); the 15th by ingestion.
    const rows = await pool().query(
      `SELECT d.day::text AS day, d.tag_value AS value, m.name AS model, d.events::int AS events, d.cost_nanos::text AS cost
       FROM usage_daily_dimension d JOIN models m ON m.id = d.model_id WHERE d.tag_key = 'customer' ORDER BY 1, 2, 3`,
    );
    expect(rows.rows).toEqual([
      { day: "2026-10-14", value: "", model: "gpt-4o-mini", events: 1, cost: "210000" },
      { day: "2026-10-14", value: "acme", model: "claude-sonnet-4-5", events: 1, cost: "4500000" },
      { day: "2026-10-14", value: "acme", model: "gpt-4o", events: 1, cost: "3500000" },
      { day: "2026-10-14", value: "acme", model: "gpt-4o-mini", events: 1, cost: "210000" },
      { day: "2026-10-14", value: "globex", model: "gpt-4o", events: 1, cost: "3500000" },
      { day: "2026-10-15", value: "acme", model: "gpt-4o", events: 1, cost: "3500000" },
      { day: "2026-10-15", value: "acme", model: "gpt-4o-mini", events: 1, cost: "210000" },
      { day: "2026-10-15", value: "globex", model: "claude-sonnet-4-5", events: 1, cost: "4500000" },
    ]);
  });
});

describe("GET /api/v1/spend: a tag with model, provider and tier", () => {
  it("groups a tag value's spend by model", async () => {
    const res = await spend("groupBy=model&tag.customer=acme");
    expect(res.status).toBe(200);
    // gpt-4o = a1 + b1 = 0.007; claude = a3 = 0.0045; mini = a2 + b2 = 0.00042
    expect(costs(res.body)).toEqual([["openai/gpt-4o", "0.007"], ["anthropic/claude-sonnet-4-5", "0.0045"], ["openai/gpt-4o-mini", "0.00042"]]);
    // acme in total, whatever the grouping: 0.007 + 0.0045 + 0.00042 = 0.01192
    expect(res.body.totals.costUsd).toBe("0.01192");
    expect((await spend("groupBy=team&tag.customer=acme")).body.totals).toEqual(res.body.totals);
  });

  it("groups by provider and tier with a tag filter", async () => {
    // globex: a4 gpt-4o 0.0035, b3 claude 0.0045
    expect(costs((await spend("groupBy=provider&tag.customer=globex")).body)).toEqual([["anthropic", "0.0045"], ["openai", "0.0035"]]);
    // acme: frontier = a1 + a3 + b1 = 0.0035 + 0.0045 + 0.0035 = 0.0115; small = a2 + b2 = 0.00042
    expect(costs((await spend("groupBy=tier&tag.customer=acme")).body)).toEqual([["frontier", "0.0115"], ["small", "0.00042"]]);
  });

  it("groups by the tag on one tier, model or provider; (none) only where untagged calls used it", async () => {
    // frontier: acme = a1 + a3 + b1 = 0.0115; globex = a4 + b3 = 0.008; the one untagged call (a5) is gpt-4o-mini
    const frontier = await spend("groupBy=tag:customer&tier=frontier");
    expect(costs(frontier.body)).toEqual([["acme", "0.0115"], ["globex", "0.008"]]);
    // the same calls as usage_daily's frontier spend: 0.0115 + 0.008 = 0.0195
    expect(frontier.body.totals).toEqual((await spend("groupBy=team&tier=frontier")).body.totals);
    // gpt-4o-mini: acme = a2 + b2 = 0.00042; (none) = a5 = 0.00021 (a model given without its provider)
    expect(costs((await spend("groupBy=tag:customer&model=gpt-4o-mini")).body)).toEqual([["acme", "0.00042"], ["(none)", "0.00021"]]);
    // anthropic with top=1: globex (b3 0.0045) and acme (a3 0.0045) tie: by value, acme kept, globex folded
    expect(costs((await spend("groupBy=tag:customer&provider=anthropic&top=1")).body)).toEqual([["acme", "0.0045"], ["(other)", "0.0045"]]);
  });

  it("filters by a tag and a model, provider or tier together", async () => {
    // acme on gpt-4o: a1 on the 14th, b1 on the 15th
    expect(costs((await spend("groupBy=day&tag.customer=acme&model=openai/gpt-4o")).body)).toEqual([["2026-10-14", "0.0035"], ["2026-10-15", "0.0035"]]);
    // acme on openai: support a1 + a2 + b1 = 0.0035 + 0.00021 + 0.0035 = 0.00721; search b2 = 0.00021
    expect(costs((await spend("groupBy=team&tag.customer=acme&provider=openai")).body)).toEqual([["support", "0.00721"], ["search", "0.00021"]]);
    // calls without the tag on small models: a5
    expect(costs((await spend("groupBy=workload&tag.customer=(none)&tier=small")).body)).toEqual([["ticket-triage", "0.00021"]]);
    // nothing matches: globex never used a small model (a4 gpt-4o, b3 claude)
    expect((await spend("groupBy=model&tag.customer=globex&tier=small")).body.rows).toEqual([]);
  });

  it("keeps a lead to their teams' calls", async () => {
    // support's acme calls only: a1 + b1 gpt-4o = 0.007, a2 mini = 0.00021 (search's a3 and b2 are out of scope)
    const res = await spend("groupBy=model&tag.customer=acme", lead);
    expect(costs(res.body)).toEqual([["openai/gpt-4o", "0.007"], ["openai/gpt-4o-mini", "0.00021"]]);
    // support on frontier models: acme a1 + b1 = 0.007, globex a4 + b3 = 0.008
    expect(costs((await spend("groupBy=tag:customer&tier=frontier", lead)).body)).toEqual([["globex", "0.008"], ["acme", "0.007"]]);
    // asking for another team's rows still returns only the lead's
    expect((await spend("groupBy=model&tag.customer=acme&team=search", lead)).body.rows).toEqual([]);
  });

  it("stacks the series by model for a tag value, and by the tag on a tier", async () => {
    const res = await json(await getSeries(request(`/api/v1/spend/series?${range}&interval=day&stackBy=model&tag.customer=acme`, { cookie: admin })));
    expect(res.status).toBe(200);
    expect(res.body.points.map((p: { values: Record<string, string> }) => p.values)).toEqual([
      { "openai/gpt-4o": "0.0035", "anthropic/claude-sonnet-4-5": "0.0045", "openai/gpt-4o-mini": "0.00021" },
      { "openai/gpt-4o": "0.0035", "anthropic/claude-sonnet-4-5": "0.00", "openai/gpt-4o-mini": "0.00021" },
    ]);
    const byTag = await json(await getSeries(request(`/api/v1/spend/series?${range}&interval=day&stackBy=tag:customer&tier=frontier`, { cookie: admin })));
    // 14th: acme a1 + a3 = 0.008, globex a4 = 0.0035; 15th: acme b1 = 0.0035, globex b3 = 0.0045
    expect(byTag.body.points.map((p: { values: Record<string, string> }) => p.values)).toEqual([
      { acme: "0.008", globex: "0.0035" },
      { acme: "0.0035", globex: "0.0045" },
    ]);
  });

  it("still refuses a tag with groupBy=user, saying why", async () => {
    const res = await spend("groupBy=user&tag.customer=acme");
    expect([res.status, res.body.error.message]).toEqual([400, expect.stringMatching(/team, workload, model, provider, tier, day, week, month or tag:<key>.*per user/)]);
  });
});

describe("roll-up corrections by model", () => {
  it("re-pricing one model moves only that model's tag rows", async () => {
    // From the 15th gpt-4o-mini input costs $1.50/M: b2 = 0.0015 + 0.00006 = 0.00156
    const res = await json(
      await createOverride(
        request("/api/v1/price-overrides", { cookie: admin, body: { provider: "openai", model: "gpt-4o-mini", inputPerMtok: "1.5", outputPerMtok: "0.6", validFrom: "2026-10-15" } }),
      ),
    );
    expect(res.status).toBe(201);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
    // acme: gpt-4o 0.007, claude 0.0045, mini = a2 0.00021 + b2 0.00156 = 0.00177
    expect(costs((await spend("groupBy=model&tag.customer=acme")).body)).toEqual([["openai/gpt-4o", "0.007"], ["anthropic/claude-sonnet-4-5", "0.0045"], ["openai/gpt-4o-mini", "0.00177"]]);
  });

  it("a usage bucket re-exported under another model moves between the models' tag rows", async () => {
    const bucket = (model: keyof typeof MODELS, inputTokens: number) =>
      usageEvent({ source: "openai", externalId: "bucket-1", occurredAt: new Date("2026-10-14T00:00:00Z"), team: "search", workload: "query-rewrite",
        provider: MODELS[model][0], model: MODELS[model][1], inputTokens, outputTokens: 100, tags: { customer: "initech" } });
    await ingest([bucket("gpt", 1000)]);
    // 0.0035 on gpt-4o
    expect(costs((await spend("groupBy=model&tag.customer=initech")).body)).toEqual([["openai/gpt-4o", "0.0035"]]);
    const again = await ingest([bucket("mini", 2000)]);
    expect(again).toMatchObject({ accepted: 0, replaced: 1 });
    expect(await rollupDrift()).toEqual(NO_DRIFT);
    // now gpt-4o-mini, 2,000 input (the 14th, before the override): 0.0003 + 0.00006 = 0.00036; nothing left on gpt-4o
    expect(costs((await spend("groupBy=model&tag.customer=initech")).body)).toEqual([["openai/gpt-4o-mini", "0.00036"]]);
  });
});

describe("migration 20261203110000_dimension_model", () => {
  const migration = readFileSync(path.resolve(import.meta.dirname, "../prisma/migrations/20261203110000_dimension_model/migration.sql"), "utf8");

  it("re-derives the roll-up by model from the stored calls, and keeps days without calls under model 0", async () => {
    const expected = await pool().query("SELECT * FROM usage_daily_dimension ORDER BY tag_key, day, team_id, workload_id, model_id, tag_value");
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      // The table as the earlier migration made it (no model), holding what it held: each day's sums per value,
      // plus a day whose raw calls retention dropped (no usage_events left: it cannot be split by model).
      await client.query(
        `CREATE TEMP TABLE old_rows ON COMMIT DROP AS
         SELECT day, team_id, workload_id, tag_key, tag_value, sum(events) AS events, sum(requests) AS requests, sum(input_tokens) AS input_tokens,
           sum(cached_input_tokens) AS cached_input_tokens, sum(cache_write_tokens) AS cache_write_tokens, sum(output_tokens) AS output_tokens,
           sum(reasoning_tokens) AS reasoning_tokens, sum(cost_nanos) AS cost_nanos, sum(unpriced_requests) AS unpriced_requests,
           sum(unpriced_events) AS unpriced_events, sum(uncounted_events) AS uncounted_events, sum(uncounted_cost_nanos) AS uncounted_cost_nanos
         FROM usage_daily_dimension GROUP BY 1, 2, 3, 4, 5`,
      );
      await client.query("DROP TABLE usage_daily_dimension");
      const before = readFileSync(path.resolve(import.meta.dirname, "../prisma/migrations/20261203030000_tag_dimensions/migration.sql"), "utf8");
      await client.query(before.slice(before.indexOf('CREATE TABLE "usage_daily_dimension"')));
      await client.query("INSERT INTO usage_daily_dimension SELECT * FROM old_rows");
      await client.query(
        `INSERT INTO usage_daily_dimension VALUES ('2026-06-01', 0, 0, 'customer', 'acme', 2, 2, 2000, 0, 0, 200, 0, 7000000, 0, 0, 0, 0)`,
      );
      await client.query(migration);
      const after = await client.query("SELECT * FROM usage_daily_dimension ORDER BY tag_key, day, team_id, workload_id, model_id, tag_value");
      const dropped = {
        day: "2026-06-01", team_id: 0, workload_id: 0, model_id: 0, tag_key: "customer", tag_value: "acme", events: "2", requests: "2",
        input_tokens: "2000", cached_input_tokens: "0", cache_write_tokens: "0", output_tokens: "200", reasoning_tokens: "0", cost_nanos: "7000000",
        unpriced_requests: "0", unpriced_events: "0", uncounted_events: "0", uncounted_cost_nanos: "0",
      };
      expect(after.rows).toEqual([dropped, ...expected.rows]);
      // The key and columns as ingestion writes them (dimension-rollup.ts): the same upsert works on the rebuilt table.
      const key = await client.query(
        `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'usage_daily_dimension'::regclass AND contype = 'p'`,
      );
      expect(key.rows[0].def).toBe("PRIMARY KEY (tag_key, day, team_id, workload_id, model_id, tag_value)");
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });
});
