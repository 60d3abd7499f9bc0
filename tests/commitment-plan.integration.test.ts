/**
 * Issue 13 §4: a provisioned-throughput offer weighed on the model's observed hourly load, before and after a
 * scenario. Prices: an override of $1 per million input tokens, $0 output: 1,000 nanos per token.
 * Load: 14 days (2026-10-01..14 = 336 hours); hours 09-16 UTC each day carry bot-a 400,000 tokens and bot-b
 * 200,000 tokens on acme/acme-pt: 600,000 tokens = $0.60 per busy hour, 112 busy hours, $67.20 in all.
 * Offer: 7,000 tokens/min (420,000 per hour) at $0.20 per hour for 1 month (730 hours = $146.00).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { prisma } from "@/lib/db/prisma";
import { POST } from "@/app/api/v1/plans/commitment/route";
import type { UsageEvent } from "@/lib/ingest/usage-event";

useTestDatabase();

let admin: string;
let scenarioId: number;
const offer = { provider: "acme", model: "acme-pt", capacityTokensPerMinute: 7000, pricePerHourUsd: "0.20", termMonths: 1, from: "2026-10-01", to: "2026-10-14" };

beforeAll(async () => {
  await prisma().priceOverride.create({ data: { provider: "acme", model: "acme-pt", inputPerMtok: "1", outputPerMtok: "0", validFrom: new Date("2026-01-01T00:00:00Z") } });
  const events: UsageEvent[] = [];
  for (let d = 1; d <= 14; d++) {
    for (let h = 9; h <= 16; h++) {
      const at = new Date(Date.UTC(2026, 9, d, h, 30));
      events.push(usageEvent({ provider: "acme", model: "acme-pt", team: "ops", workload: "bot-a", inputTokens: 400_000, outputTokens: 0, occurredAt: at }));
      events.push(usageEvent({ provider: "acme", model: "acme-pt", team: "ops", workload: "bot-b", inputTokens: 200_000, outputTokens: 0, occurredAt: at }));
    }
  }
  // Batch calls do not use reserved capacity: left out of the load.
  events.push(usageEvent({ provider: "acme", model: "acme-pt", team: "ops", workload: "bot-a", inputTokens: 900_000, outputTokens: 0, batch: true, occurredAt: new Date("2026-10-03T02:00:00Z") }));
  expect((await ingest(events)).accepted).toBe(events.length);
  admin = (await userWithSession("admin@commit.test", "admin")).cookie;
  const scenario = await prisma().scenario.create({
    data: {
      name: "bot-b to mini",
      definition: { from: "2026-10-01", to: "2026-10-14", rules: [{ select: { workloads: ["bot-b"] }, reroute: { provider: "acme", model: "acme-mini" }, batchShare: 0, cachedShare: null, outputFactor: 1 }] },
    },
  });
  scenarioId = scenario.id;
});

async function plan(body: unknown) {
  const res = await POST(request("/api/v1/plans/commitment", { cookie: admin, body, headers: { host: "localhost", origin: "http://localhost" } }));
  return { status: res.status, body: await res.json() };
}

describe("commitment planner", () => {
  it("computes utilisation, break-even and the saving or loss vs pay-as-you-go, exactly on the window", async () => {
    const { status, body } = await plan(offer);
    expect(status).toBe(200);
    expect(body.window).toEqual({ from: "2026-10-01", to: "2026-10-14", hours: 336 });
    expect(body.offer).toEqual({ capacityTokensPerMinute: 7000, pricePerHourUsd: "0.20", termPriceUsd: "146.00" });
    // Break-even: $0.20/hour / 1,000 nanos per token = 200,000 tokens/hour = 3,333.3 tokens/min = 47.62% of 7,000.
    expect(body.breakEven).toEqual({ tokensPerMinute: 3333.3, utilisation: 0.4762 });
    expect(body.current).toMatchObject({
      // 67.2M tokens / 336 hours / 60
      meanTokensPerMinute: 3333.3,
      // 224 idle hours, 112 at 10,000/min: nearest-rank p50 = the 168th = 0, p90 = the 303rd = 10,000
      percentiles: { p50: 0, p90: 10000, p95: 10000, p99: 10000, max: 10000 },
      // served 420,000 x 112 of 420,000 x 336 possible = 1/3
      utilisation: 0.3333,
      // overflow: 180,000 of 600,000 tokens per busy hour = $0.18 x 112 = $20.16; capacity $0.20 x 336 = $67.20
      observed: { paygUsd: "67.20", commitUsd: "87.36" },
      // term (x 730/336): pay-as-you-go $146.00; commitment $146.00 + overflow $43.80 = $189.80; saving -$43.80.
      // Both weeks are alike, so the range is that one figure.
      term: { estimate: true, paygUsd: "146.00", commitUsd: "189.80", savingUsd: "-43.80", savingLowUsd: "-43.80", savingHighUsd: "-43.80" },
    });
  });

  it("reroutes first, then commits to what remains", async () => {
    const { body } = await plan({ ...offer, scenarioId });
    expect(body.scenario).toMatchObject({ id: scenarioId, name: "bot-b to mini" });
    // bot-b leaves: 400,000 tokens ($0.40) per busy hour remain, all under the 420,000 capacity: no overflow.
    expect(body.afterScenario).toMatchObject({
      meanTokensPerMinute: 2222.2,
      percentiles: { max: 6666.7 },
      // 400,000 x 112 / (420,000 x 336) = 0.31746
      utilisation: 0.3175,
      observed: { paygUsd: "44.80", commitUsd: "67.20" },
      // pay-as-you-go over the term: $44.80 x 730 / 336 = $97.333333333; commitment $146.00: saving -$48.666666667
      term: { paygUsd: "97.333333333", commitUsd: "146.00", savingUsd: "-48.666666667" },
    });
    const busy = body.hourly.find((h: { hour: string }) => h.hour === "2026-10-01T09:00:00.000Z");
    expect(busy).toEqual({ hour: "2026-10-01T09:00:00.000Z", tokensPerMinute: 10000, afterTokensPerMinute: 6666.7 });
  });

  it("takes a total price for the term instead of a price per hour", async () => {
    const { pricePerHourUsd: _, ...rest } = offer;
    const { body } = await plan({ ...rest, priceUsd: "146" });
    expect(body.offer).toEqual({ capacityTokensPerMinute: 7000, pricePerHourUsd: "0.20", termPriceUsd: "146.00" });
    expect((await plan({ ...offer, priceUsd: "1" })).status).toBe(400);
    expect((await plan({ ...offer, model: "nope" })).status).toBe(404);
  });
});
