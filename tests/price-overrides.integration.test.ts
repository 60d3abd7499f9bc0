import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { request, usageEvent, userWithSession } from "./factories";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { GET as list, POST as create } from "@/app/api/v1/price-overrides/route";
import { PUT as update, DELETE as remove } from "@/app/api/v1/price-overrides/[id]/route";
import { GET as unpriced } from "@/app/api/v1/unpriced-models/route";
import { pool } from "@/lib/db/pool";
import { IngestSession } from "@/lib/ingest/ingest-session";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import type { UsageEvent } from "@/lib/ingest/usage-event";

useTestDatabase();

let admin: { cookie: string };
let viewer: { cookie: string };

/** Three weeks of calls of a model no catalogue knows, plus a catalogue model (batch and not). */
const DAYS = ["2026-09-01", "2026-09-08", "2026-09-15", "2026-09-22"];
function history(): UsageEvent[] {
  const out: UsageEvent[] = [];
  for (const [d, day] of DAYS.entries()) {
    for (let i = 0; i < 5; i++) {
      const at = new Date(`${day}T${String(8 + i).padStart(2, "0")}:00:00Z`);
      out.push(usageEvent({ externalId: `acme-${d}-${i}`, provider: "acme", model: "acme-70b", occurredAt: at, inputTokens: 10_000 + i * 777, cachedInputTokens: 2_000, cacheWriteTokens: 500, outputTokens: 1_000 + i, user: `u${i}`, team: i % 2 ? "search" : null }));
      out.push(usageEvent({ externalId: `gpt-${d}-${i}`, provider: "openai", model: "gpt-4o-2024-08-06", occurredAt: at, inputTokens: 3_000, cachedInputTokens: 1_024, outputTokens: 333, batch: i === 0, user: `u${i}` }));
    }
  }
  return out;
}

async function ingestAll(events: UsageEvent[]) {
  const session = await IngestSession.open({ source: "test", format: "native", actor: "test", batchSize: 7 });
  for (const [i, e] of events.entries()) await session.add(e, i);
  return session.finish();
}

async function snapshot() {
  const events = await pool().query("SELECT dedup_key, cost_nanos::text, price_source, price_override_id IS NOT NULL AS by_override FROM usage_events ORDER BY dedup_key");
  const daily = await pool().query("SELECT * FROM usage_daily ORDER BY day, team_id, workload_id, model_id, batch");
  const slots = await pool().query("SELECT * FROM usage_15min ORDER BY slot, team_id, workload_id, model_id");
  const users = await pool().query("SELECT * FROM usage_daily_user ORDER BY day, team_id, workload_id, user_name");
  const shape = await pool().query("SELECT * FROM usage_shape_daily ORDER BY day, team_id, workload_id, model_id, batch, service_tier, input_bucket, priced");
  const models = await pool().query("SELECT provider, name, unpriced, tier FROM models ORDER BY provider, name");
  return { events: events.rows, daily: daily.rows, slots: slots.rows, users: users.rows, shape: shape.rows, models: models.rows };
}

/** The same history ingested again from nothing, with the overrides now in place. */
async function freshIngestion() {
  await pool().query("TRUNCATE usage_events, usage_daily, usage_15min, usage_daily_user, usage_shape_daily");
  // Models keep their ids (roll-ups are keyed by them); their flags are set again by what gets ingested.
  await pool().query("UPDATE models SET unpriced = false");
  await ingestAll(history());
  return snapshot();
}

const acmePrice = { provider: "acme", model: "acme-70b", inputPerMtok: "0.9", cachedInputPerMtok: "0.225", cacheWritePerMtok: "1.125", outputPerMtok: "2.7" };

async function call(handler: (req: never, ctx: never) => Promise<Response>, url: string, init: { method: string; body?: unknown; id?: number; cookie?: string }) {
  const res = await handler(request(url, { cookie: init.cookie ?? admin.cookie, method: init.method, body: init.body }) as never, { params: Promise.resolve({ id: String(init.id ?? "") }) } as never);
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  admin = await userWithSession("admin@prices.test", "admin");
  viewer = await userWithSession("viewer@prices.test", "viewer");
  await ingestAll(history());
});

describe("price overrides re-price stored events", () => {
  let overrideId: number;

  it("lists the unknown model as unpriced, with its calls and tokens", async () => {
    const res = await call(unpriced as never, "/api/v1/unpriced-models", { method: "GET" });
    expect(res.body.models).toEqual([expect.objectContaining({ provider: "acme", model: "acme-70b", events: 20, requests: 20 })]);
  });

  it("refuses a viewer and invalid prices", async () => {
    expect((await call(create as never, "/api/v1/price-overrides", { method: "POST", cookie: viewer.cookie, body: { ...acmePrice, validFrom: "2026-09-01" } })).status).toBe(403);
    const bad = await call(create as never, "/api/v1/price-overrides", { method: "POST", body: { ...acmePrice, inputPerMtok: "-1", validFrom: "2026-02-30" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("inputPerMtok");
    expect(bad.body.error.message).toContain("validFrom");
  });

  it("an override valid from mid-history prices the model's events from that day on, exactly as a fresh ingestion would", async () => {
    const res = await call(create as never, "/api/v1/price-overrides", { method: "POST", body: { ...acmePrice, validFrom: "2026-09-10", note: "contract 2026" } });
    expect(res.status).toBe(201);
    overrideId = res.body.override.id;
    expect(res.body.repricing).toMatchObject({ eventsRepriced: 10, firstDay: "2026-09-15", lastDay: "2026-09-22", modelsNowPriced: [] });
    expect(await rollupDrift()).toEqual(NO_DRIFT);
    const priced = await pool().query("SELECT count(*) FILTER (WHERE cost_nanos IS NULL)::int AS unpriced, count(*) FILTER (WHERE price_source = 2)::int AS overridden FROM usage_events e JOIN models m ON m.id = e.model_id WHERE m.name = 'acme-70b'");
    expect(priced.rows[0]).toEqual({ unpriced: 10, overridden: 10 });
    const stored = await snapshot();
    expect(await freshIngestion()).toEqual(stored);
  });

  it("moving valid_from back prices everything; the model is no longer unpriced", async () => {
    const res = await call(update as never, `/api/v1/price-overrides/${overrideId}`, { method: "PUT", id: overrideId, body: { ...acmePrice, validFrom: "2026-08-01" } });
    expect(res.status).toBe(200);
    expect(res.body.repricing).toMatchObject({ eventsRepriced: 10, modelsNowPriced: ["acme/acme-70b"] });
    expect((await call(unpriced as never, "/api/v1/unpriced-models", { method: "GET" })).body.models).toEqual([]);
    const model = await pool().query("SELECT unpriced, tier FROM models WHERE name = 'acme-70b'");
    expect(model.rows[0]).toEqual({ unpriced: false, tier: "mid" });
    expect(await rollupDrift()).toEqual(NO_DRIFT);
    const stored = await snapshot();
    expect(await freshIngestion()).toEqual(stored);
  });

  it("a negotiated rate for a catalogue model wins from its date, with the batch discount on top", async () => {
    const res = await call(create as never, "/api/v1/price-overrides", { method: "POST", body: { provider: "openai", model: "gpt-4o", inputPerMtok: "2", outputPerMtok: "8", validFrom: "2026-09-15" } });
    expect(res.body.repricing.eventsRepriced).toBe(10);
    const rows = await pool().query(
      `SELECT e.batch, e.cost_nanos::text AS cost FROM usage_events e JOIN models m ON m.id = e.model_id WHERE m.name = 'gpt-4o-2024-08-06' AND e.price_source = 2 ORDER BY e.batch LIMIT 2 OFFSET 0`,
    );
    // No cached price given: cache reads at the catalogue's GPT-4o ratio ($1.25/$2.50 = 0.5), i.e. $1 per million.
    // 1,976 uncached * 2,000 + 1,024 cached * 1,000 + 333 output * 8,000 = 3,952,000 + 1,024,000 + 2,664,000 nano-$
    expect(rows.rows.find((r) => !r.batch)?.cost).toBe("7640000");
    const batch = await pool().query(`SELECT e.cost_nanos::text AS cost FROM usage_events e JOIN models m ON m.id = e.model_id WHERE m.name = 'gpt-4o-2024-08-06' AND e.price_source = 2 AND e.batch LIMIT 1`);
    // Batch: half of it.
    expect(batch.rows[0].cost).toBe("3820000");
    expect(await rollupDrift()).toEqual(NO_DRIFT);
    const stored = await snapshot();
    expect(await freshIngestion()).toEqual(stored);
  });

  it("deleting an override puts back what applies without it", async () => {
    const before = await (await list(request("/api/v1/price-overrides", { cookie: admin.cookie }))).json();
    expect(before.overrides).toHaveLength(2);
    // Each override lists the catalogue price it replaces (in force today): gpt-4o's list price $2.50 in, $1.25
    // cached, $10 out per million tokens; the self-hosted acme-70b has none.
    const byModel = Object.fromEntries(before.overrides.map((o: { model: string; catalogue: unknown }) => [o.model, o.catalogue]));
    expect(byModel["acme-70b"]).toBeNull();
    expect(Object.values(byModel).find((c) => c !== null)).toMatchObject({ provider: "openai", model: "gpt-4o", inputPerMtok: "2.5", cachedInputPerMtok: "1.25", outputPerMtok: "10" });
    const res = await call(remove as never, `/api/v1/price-overrides/${overrideId}`, { method: "DELETE", id: overrideId });
    expect(res.body).toMatchObject({ override: null, repricing: { eventsRepriced: 20 } });
    expect((await call(unpriced as never, "/api/v1/unpriced-models", { method: "GET" })).body.models).toEqual([expect.objectContaining({ model: "acme-70b", events: 20 })]);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
    const stored = await snapshot();
    expect(await freshIngestion()).toEqual(stored);
  });

  it("an import running while an override is added prices its later batches with it (pricing guard)", async () => {
    const session = await IngestSession.open({ source: "test", format: "native", actor: "test" });
    const late = Array.from({ length: 3 }, (_, i) =>
      usageEvent({ externalId: `late-${i}`, provider: "acme", model: "acme-8b", occurredAt: new Date("2026-09-20T00:00:00Z"), inputTokens: 1_000_000, outputTokens: 0 }),
    );
    for (const [i, e] of late.entries()) await session.add(e, i); // priced (as unpriced) before the override exists
    await createPriceOverride({ ...acmePrice, model: "acme-8b", inputPerMtok: "0.2", validFrom: "2026-09-01", cachedInputPerMtok: null, cacheWritePerMtok: null, note: null }, { label: "test", userId: null });
    await session.finish();
    const rows = await pool().query("SELECT e.cost_nanos::text AS cost FROM usage_events e JOIN models m ON m.id = e.model_id WHERE m.name = 'acme-8b'");
    expect(rows.rows).toEqual([{ cost: "200000000" }, { cost: "200000000" }, { cost: "200000000" }]);
    const model = await pool().query("SELECT unpriced FROM models WHERE name = 'acme-8b'");
    expect(model.rows[0].unpriced).toBe(false);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });
});
