import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { createApiKey } from "@/lib/auth/api-keys";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/budgets/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/budgets/[id]/route";
import { addDays, dayOf } from "@/lib/forecast/utc-days";

useTestDatabase();

/** Every event costs exactly $3.50 on gpt-4o (1M input at $2.50 + 100k output at $10 per Mtok). */
const EVENT_USD = 3.5;
const today = dayOf(new Date());
const days = Array.from({ length: 35 }, (_, i) => addDays(today, -(i + 1))); // yesterday back five weeks
const thisMonth = days.filter((d) => d.slice(0, 7) === today.slice(0, 7));

let admin: { cookie: string };
let finance: { cookie: string };
let lead: { cookie: string };
let viewer: { cookie: string };
let readKey: string;

const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const create = (body: unknown, who = finance) => createRoute(request("/api/v1/budgets", { cookie: who.cookie, body }));
const list = async (who: { cookie: string }, query = "") => (await listRoute(request(`/api/v1/budgets${query}`, { cookie: who.cookie }))).json();

beforeAll(async () => {
  const big = { inputTokens: 1_000_000, outputTokens: 100_000 };
  await ingest(
    days.flatMap((day) => [
      usageEvent({ ...big, occurredAt: new Date(`${day}T12:00:00Z`), team: "search", workload: "query-rewrite" }),
      usageEvent({ ...big, occurredAt: new Date(`${day}T12:00:00Z`), team: "support", workload: "ticket-triage" }),
    ]),
  );
  admin = await userWithSession("admin@budgets.test", "admin");
  finance = await userWithSession("finance@budgets.test", "finance");
  lead = await userWithSession("lead@budgets.test", "lead", ["support"]);
  viewer = await userWithSession("viewer@budgets.test", "viewer");
  readKey = (await createApiKey({ name: "reader", scopes: ["read"] })).key;
});

describe("authentication and permissions", () => {
  it("answers 401 without a session or key", async () => {
    expect((await listRoute(request("/api/v1/budgets"))).status).toBe(401);
    expect((await createRoute(request("/api/v1/budgets", { body: { period: "month", amountUsd: "1" } }))).status).toBe(401);
  });

  it("lets only admin and finance create budgets (403 for lead, viewer and API keys)", async () => {
    const body = { scope: { team: "support" }, period: "quarter", amountUsd: "100" };
    for (const who of [lead, viewer]) expect((await create(body, who)).status).toBe(403);
    expect((await createRoute(request("/api/v1/budgets", { key: readKey, body }))).status).toBe(403);
    expect((await listRoute(request("/api/v1/budgets", { key: readKey }))).status).toBe(200);
  });
});

describe("POST /api/v1/budgets", () => {
  it("creates the documented example and answers with spent, forecast, range, runs-out date and status", async () => {
    const res = await create({ scope: { team: "search" }, period: "month", amountUsd: "25000", thresholds: [0.5, 0.8, 1.0] });
    expect(res.status).toBe(201);
    const b = await res.json();
    expect(b).toMatchObject({
      scope: { type: "team", team: "search" },
      period: "month",
      periodKey: today.slice(0, 7),
      amountUsd: "25000.00",
      thresholds: [0.5, 0.8, 1],
      spentUsd: (thisMonth.length * EVENT_USD).toFixed(2),
      status: "on_track",
      runsOutOn: null,
    });
    expect(Number(b.forecastLowUsd)).toBeLessThanOrEqual(Number(b.forecastUsd));
    expect(Number(b.forecastHighUsd)).toBeGreaterThanOrEqual(Number(b.forecastUsd));
    expect(Number(b.forecastUsd)).toBeGreaterThanOrEqual(Number(b.spentUsd));
    expect(b.series.length).toBeGreaterThanOrEqual(28);
  });

  it("computes over and at risk", async () => {
    const over = await (await create({ scope: { workload: "ticket-triage" }, period: "year", amountUsd: "1" })).json();
    expect(over.status).toBe("over");
    expect(over.runsOutOn).not.toBeNull();
    // A month's budget just above what is spent, with a month still to go, is heading over.
    const atRisk = await (await create({ scope: {}, period: "quarter", amountUsd: String(days.length * 2 * EVENT_USD + 0.01) })).json();
    expect(["at_risk", "over"]).toContain(atRisk.status);
  });

  it("refuses bad input with a message naming the field", async () => {
    const cases: [unknown, RegExp][] = [
      [{ period: "month", amountUsd: "0" }, /amountUsd: must be greater than zero/],
      [{ period: "month", amountUsd: "-100" }, /amountUsd: must be greater than zero/],
      [{ period: "month", amountUsd: "100", thresholds: [0.5, 12] }, /thresholds\.1: 12 is outside the allowed range/],
      [{ period: "month", amountUsd: "100", thresholds: [-1] }, /thresholds\.0/],
      [{ scope: { team: "nope" }, period: "month", amountUsd: "100" }, /scope\.team: no team "nope"; allowed: .*search/],
      [{ scope: { squad: "x" }, period: "month", amountUsd: "100" }, /Unrecognized key/],
      [{ period: "fortnight", amountUsd: "100" }, /period: must be one of month, quarter, year/],
    ];
    for (const [body, message] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
    }
    const broken = await createRoute(request("/api/v1/budgets", { cookie: finance.cookie, body: "{not json" }));
    expect(broken.status).toBe(400);
  });

  it("refuses a second budget for the same scope and period (409)", async () => {
    const res = await create({ scope: { team: "search" }, period: "month", amountUsd: "1" });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/a month budget for team search already exists/);
  });
});

describe("GET /api/v1/budgets", () => {
  it("shows every budget to all-team roles, riskiest first", async () => {
    const body = await list(admin);
    expect(body.budgets.map((b: { status: string }) => b.status)[0]).toBe("over");
    expect(body.budgets.map((b: { scope: { type: string } }) => b.scope.type).sort()).toEqual(["org", "team", "workload"]);
  });

  it("shows a lead only their teams' budgets, never the organisation's", async () => {
    const body = await list(lead);
    expect(body.budgets.map((b: { scope: { workload: string } }) => b.scope.workload)).toEqual(["ticket-triage"]);
    const search = (await list(admin)).budgets.find((b: { scope: { team: string } }) => b.scope.team === "search");
    expect((await getRoute(request(`/api/v1/budgets/${search.id}`, { cookie: lead.cookie }), params(search.id))).status).toBe(404);
  });

  it("hides webhook URLs from those who do not manage budgets", async () => {
    const b = await (await create({ scope: { team: "support" }, period: "month", amountUsd: "500", webhookUrl: "https://hooks.slack.com/services/T0/B0/secret" })).json();
    expect(b).toMatchObject({ webhookUrl: "https://hooks.slack.com/services/T0/B0/secret", webhookFormat: "slack" });
    const seen = (await list(lead)).budgets.find((x: { id: number }) => x.id === b.id);
    expect(seen).toMatchObject({ webhookUrl: null, webhookConfigured: true });
  });

  it("filters by status and validates the query", async () => {
    const over = await list(admin, "?status=over");
    expect(over.budgets.every((b: { status: string }) => b.status === "over")).toBe(true);
    expect((await listRoute(request("/api/v1/budgets?status=bad", { cookie: admin.cookie }))).status).toBe(400);
    expect((await listRoute(request("/api/v1/budgets?teams=x", { cookie: admin.cookie }))).status).toBe(400);
  });
});

describe("PATCH and DELETE /api/v1/budgets/:id", () => {
  it("changes the amount and thresholds, refuses bad values, deletes", async () => {
    const b = await (await create({ scope: { workload: "query-rewrite" }, period: "month", amountUsd: "100" })).json();
    const patched = await patchRoute(request(`/api/v1/budgets/${b.id}`, { cookie: finance.cookie, method: "PATCH", body: { amountUsd: "250.50", thresholds: [0.9] } }), params(b.id));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ amountUsd: "250.50", thresholds: [0.9] });
    const bad = await patchRoute(request(`/api/v1/budgets/${b.id}`, { cookie: finance.cookie, method: "PATCH", body: { amountUsd: "0" } }), params(b.id));
    expect(bad.status).toBe(400);
    expect((await patchRoute(request(`/api/v1/budgets/${b.id}`, { cookie: lead.cookie, method: "PATCH", body: { amountUsd: "1" } }), params(b.id))).status).toBe(403);
    expect((await deleteRoute(request(`/api/v1/budgets/${b.id}`, { cookie: admin.cookie, method: "DELETE" }), params(b.id))).status).toBe(204);
    expect((await getRoute(request(`/api/v1/budgets/${b.id}`, { cookie: admin.cookie }), params(b.id))).status).toBe(404);
    expect((await getRoute(request("/api/v1/budgets/abc", { cookie: admin.cookie }), params("abc"))).status).toBe(400); // a malformed id is a bad request (issue 10 item 9)
  });
});
