import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { useTestDatabase } from "./db";
import { request, userWithSession } from "./factories";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { createApiKey } from "@/lib/auth/api-keys";
import { revokeApiKey } from "@/lib/users/api-key-admin";
import { POST } from "@/app/api/v1/events/route";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { createPricer } from "@/lib/pricing";

useTestDatabase();

let key: string;
let readKey: string;
let revokedKey: string;
let teamKey: string;
let admin: { cookie: string };
let viewer: { cookie: string };

beforeAll(async () => {
  key = (await createApiKey({ name: "gateway", scopes: ["ingest"] })).key;
  readKey = (await createApiKey({ name: "reader", scopes: ["read"] })).key;
  const revoked = await createApiKey({ name: "old", scopes: ["ingest"] });
  await revokeApiKey(revoked.record.id, "test");
  revokedKey = revoked.key;
  const team = await prisma().team.create({ data: { slug: "support", name: "Support" } });
  teamKey = (await createApiKey({ name: "support-gw", scopes: ["ingest"], teamId: team.id })).key;
  admin = await userWithSession("admin@events.test", "admin");
  viewer = await userWithSession("viewer@events.test", "viewer");
});

afterEach(() => {
  delete process.env.RIGHTSIZE_MAX_REQUEST_MB;
});

const TS = "2026-10-15T12:00:00Z";
const event = (id: string, extra: Record<string, unknown> = {}) => ({ id, timestamp: TS, provider: "openai", model: "gpt-4o", input_tokens: 1000, output_tokens: 100, ...extra });

async function post(body: unknown, init: { key?: string; cookie?: string; contentType?: string } = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const res = await POST(request("/api/v1/events", { key: init.cookie ? undefined : (init.key ?? key), cookie: init.cookie, body: text, headers: { "content-type": init.contentType ?? "application/json" } }));
  return { status: res.status, body: await res.json() };
}

async function stored(prefix: string) {
  const rows = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM usage_events WHERE ingest_batch_id IS NOT NULL AND dedup_key IS NOT NULL AND user_name LIKE $1`,
    [`${prefix}%`],
  );
  return rows.rows[0].n;
}

describe("POST /api/v1/events", () => {
  it("stores one JSON object, priced exactly like the pricer prices it", async () => {
    const res = await post(event("one-1", { cached_input_tokens: 400, user: "one" }));
    expect(res).toEqual({ status: 200, body: { accepted: 1, duplicates: 0, rejected: 0, errors: [] } });
    const row = await pool().query("SELECT cost_nanos::text, price_source, input_tokens, cached_input_tokens FROM usage_events WHERE user_name = 'one'");
    const expected = createPricer([]).price({ provider: "openai", model: "gpt-4o", occurredAt: new Date(TS), inputTokens: 1000, cachedInputTokens: 400, cacheWriteTokens: 0, outputTokens: 100, batch: false, serviceTier: null });
    expect(row.rows[0]).toEqual({ cost_nanos: expected.costNanos!.toString(), price_source: 1, input_tokens: 1000, cached_input_tokens: 400 });
  });

  it("keeps the good events of an array and names index, field and reason of each bad one; unknown fields are ignored", async () => {
    const res = await post([
      event("arr-1", { user: "arr", some_future_field: { nested: true } }),
      event("arr-2", { user: "arr", input_tokens: -5 }),
      event("arr-3", { user: "arr", output_tokens: 12.5 }),
      event("arr-4", { user: "arr", timestamp: "yesterday" }),
      event("arr-5", { user: "arr", timestamp: new Date(Date.now() + 2 * 86_400_000).toISOString() }),
      event("arr-6", { user: "arr", timestamp: new Date(Date.now() + 3_600_000).toISOString() }),
      "not an object",
      { ...event("arr-8", { user: "arr" }), model: undefined },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 2, duplicates: 0, rejected: 6 });
    expect(res.body.errors).toEqual([
      { index: 1, field: "input_tokens", message: "must be a non-negative integer, got -5" },
      { index: 2, field: "output_tokens", message: "must be a non-negative integer, got 12.5" },
      { index: 3, field: "timestamp", message: 'is not an ISO-8601 date-time, got "yesterday"' },
      { index: 4, field: "timestamp", message: expect.stringContaining("more than 24 hours in the future") },
      { index: 6, field: "event", message: 'must be a JSON object, got "not an object"' },
      { index: 7, field: "model", message: "is required" },
    ]);
    expect(await stored("arr")).toBe(2);
  });

  it("reads NDJSON by content type and by sniffing; a broken line is reported alone", async () => {
    const lines = [JSON.stringify(event("nd-1", { user: "nd" })), "{not json", "", JSON.stringify(event("nd-2", { user: "nd" }))].join("\n");
    const typed = await post(lines, { contentType: "application/x-ndjson" });
    expect(typed.body).toMatchObject({ accepted: 2, rejected: 1, errors: [{ index: 1, field: "event", message: expect.stringContaining("not valid JSON") }] });
    const sniffed = await post(lines.replace(/nd-/g, "sn-").replace(/"nd"/g, '"sn"'), { contentType: "application/json" });
    expect(sniffed.body).toMatchObject({ accepted: 2, rejected: 1 });
  });

  it("sending the same batch twice adds nothing", async () => {
    const batch = [event("dup-1", { user: "dup" }), event("dup-2", { user: "dup" }), { timestamp: TS, model: "gpt-4o", input_tokens: 5, user: "dup" }];
    expect((await post(batch)).body).toMatchObject({ accepted: 3, duplicates: 0 });
    const before = await pool().query("SELECT sum(events)::int AS e, sum(cost_nanos)::text AS c FROM usage_daily");
    expect((await post(batch)).body).toMatchObject({ accepted: 0, duplicates: 3 });
    const after = await pool().query("SELECT sum(events)::int AS e, sum(cost_nanos)::text AS c FROM usage_daily");
    expect(after.rows[0]).toEqual(before.rows[0]);
    expect(await stored("dup")).toBe(3);
  });

  it("refuses a body over the limit with 413 before storing anything, with or without Content-Length", async () => {
    process.env.RIGHTSIZE_MAX_REQUEST_MB = "0.01"; // ~10 KB
    const big = Array.from({ length: 200 }, (_, i) => event(`big-${i}`, { user: "big" }));
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe("payload_too_large");
    // A chunked upload (no Content-Length) is cut off once it passes the limit.
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.subarray(i, i + 1000));
        controller.close();
      },
    });
    const chunked = await POST(
      new NextRequest("http://localhost/api/v1/events", { method: "POST", body: stream, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]),
    );
    expect(chunked.status).toBe(413);
    expect(await stored("big")).toBe(0);
  });

  it("answers 401 to a wrong or revoked key and 403 without the ingest permission, storing nothing", async () => {
    for (const bad of ["rs_nope_nope", revokedKey]) {
      const res = await post([event(`k-${bad.slice(0, 6)}`, { user: "denied" })], { key: bad });
      expect(res.status).toBe(401);
    }
    expect((await post([event("k-read", { user: "denied" })], { key: readKey })).status).toBe(403);
    expect((await post([event("k-viewer", { user: "denied" })], { cookie: viewer.cookie })).status).toBe(403);
    expect(await stored("denied")).toBe(0);
  });

  it("accepts a signed-in user with the ingest permission", async () => {
    expect((await post([event("cookie-1", { user: "cookie" })], { cookie: admin.cookie })).body).toMatchObject({ accepted: 1 });
  });

  it("attributes a team-bound key's events to its team and refuses events naming another team", async () => {
    const res = await post([event("team-1", { user: "teamkey" }), event("team-2", { user: "teamkey", team: "search" }), event("team-3", { user: "teamkey", team: "support" })], { key: teamKey });
    expect(res.body).toMatchObject({ accepted: 2, rejected: 1, errors: [{ index: 1, field: "team" }] });
    const teams = await pool().query("SELECT DISTINCT t.slug FROM usage_events e JOIN teams t ON t.id = e.team_id WHERE e.user_name = 'teamkey'");
    expect(teams.rows).toEqual([{ slug: "support" }]);
  });

  it("records API traffic as one ingest_batches row per key and hour, and keeps the roll-ups exact", async () => {
    const rows = await pool().query("SELECT source, count(*)::int AS n, sum(accepted)::int AS accepted FROM ingest_batches WHERE source = 'api' GROUP BY source");
    expect(rows.rows[0].n).toBeLessThanOrEqual(6); // three keys and two users, one hour (two if the test crossed an hour)
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });
});
