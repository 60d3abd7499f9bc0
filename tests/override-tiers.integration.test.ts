import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { request, usageEvent, userWithSession } from "./factories";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { POST as create } from "@/app/api/v1/price-overrides/route";
import { pool } from "@/lib/db/pool";
import { IngestSession } from "@/lib/ingest/ingest-session";

useTestDatabase();

/**
 * Issue 9.6 through the API: an override with both rates re-prices stored calls on each side of its threshold.
 * Two Sonnet 4.5 calls: 10,000 input (2,000 cache reads) + 1,000 output; 250,000 input (50,000 reads) + 1,000 output.
 * Override: input $2.40 / output $12, long (>200,000) input $5 / output $20, cache prices blank.
 *   short: 8,000 * 2,400 + 2,000 * 240 (0.1 catalogue ratio) + 1,000 * 12,000 = 31,680,000 nano-$
 *   long:  200,000 * 5,000 + 50,000 * 500 (catalogue long ratio 0.6/6) + 1,000 * 20,000 = 1,045,000,000 nano-$
 */
let admin: { cookie: string };
beforeAll(async () => {
  admin = await userWithSession("admin@tiers.test", "admin");
  const session = await IngestSession.open({ source: "test", format: "native", actor: "test" });
  const at = new Date("2026-10-01T12:00:00Z");
  await session.add(usageEvent({ externalId: "short", provider: "anthropic", model: "claude-sonnet-4-5-20250929", occurredAt: at, inputTokens: 10_000, cachedInputTokens: 2_000, outputTokens: 1_000 }), 0);
  await session.add(usageEvent({ externalId: "long", provider: "anthropic", model: "claude-sonnet-4-5-20250929", occurredAt: at, inputTokens: 250_000, cachedInputTokens: 50_000, outputTokens: 1_000 }), 1);
  await session.finish();
});

async function post(body: unknown) {
  const res = await create(request("/api/v1/price-overrides", { cookie: admin.cookie, method: "POST", body }) as never, { params: Promise.resolve({}) } as never);
  return { status: res.status, body: await res.json() };
}

describe("price overrides with long-context rates", () => {
  it("refuses long-context rates without a threshold, naming the field", async () => {
    const r = await post({ provider: "anthropic", model: "claude-sonnet-4-5", inputPerMtok: "2.4", outputPerMtok: "12", longInputPerMtok: "5", validFrom: "2026-01-01" });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain("longContextAbove");
  });

  it("stores both rates and re-prices each stored call at its own tier", async () => {
    const r = await post({
      provider: "anthropic",
      model: "claude-sonnet-4-5",
      inputPerMtok: "2.4",
      outputPerMtok: "12",
      longContextAbove: 200_000,
      longInputPerMtok: "5",
      longOutputPerMtok: "20",
      webSearchPerK: "8",
      validFrom: "2026-01-01",
    });
    expect(r.status).toBe(201);
    expect(r.body.override).toMatchObject({ longContextAbove: 200_000, longInputPerMtok: "5", longOutputPerMtok: "20", longCachedInputPerMtok: null, webSearchPerK: "8" });
    const costs = await pool().query<{ cost: string; input: number }>("SELECT cost_nanos::text AS cost, input_tokens AS input FROM usage_events ORDER BY input_tokens");
    expect(costs.rows.map((c) => c.cost)).toEqual(["31680000", "1045000000"]);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });
});
