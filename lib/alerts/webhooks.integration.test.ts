import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { pool } from "@/lib/db/pool";
import { eachDay } from "@/lib/forecast/utc-days";
import { createBudget } from "@/lib/budgets/budget-store";
import { CreateBudgetSchema } from "@/lib/budgets/budget-schema";
import { evaluateBudgets } from "./evaluate-budgets";
import { runDueDeliveries } from "./deliver-webhooks";
import { closedPortUrl, startReceiver, type Receiver } from "./testing/webhook-receiver";
import { POST as evaluateRoute } from "@/app/api/v1/budgets/evaluate/route";
import { GET as alertsRoute } from "@/app/api/v1/alerts/route";
import { POST as retryRoute } from "@/app/api/v1/alerts/deliveries/[id]/retry/route";

useTestDatabase();
// These tests post to receivers on 127.0.0.1: allowed only with the on-premise switch (lib/net/webhook-target.ts).
process.env.RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE = "1";

/** "Now" for every evaluation: Tuesday 20 October 2026, noon UTC. */
const NOW = new Date("2026-10-20T12:00:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);
const receivers: Receiver[] = [];
const receiver = async (respond?: (n: number) => number) => {
  const r = await startReceiver(respond);
  receivers.push(r);
  return r;
};
const budget = (input: Record<string, unknown>) => createBudget(CreateBudgetSchema.parse({ alertOnAnomaly: false, ...input }), "test");

async function deliveriesOf(budgetId: number) {
  const rows = await pool().query<{ id: number; status: string; attempts: number; last_error: string | null; next_attempt_at: Date | null; kind: string; threshold: string | null }>(
    `SELECT d.id, d.status, d.attempts, d.last_error, d.next_attempt_at, a.kind, a.threshold::text FROM webhook_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.budget_id = $1 ORDER BY d.id`,
    [budgetId],
  );
  return rows.rows;
}

let admin: { cookie: string };
let finance: { cookie: string };
let viewer: { cookie: string };

beforeAll(async () => {
  // $3.50 a day on team search / workload query-rewrite: $70 spent in October by the 20th, $108.50 forecast.
  const big = { inputTokens: 1_000_000, outputTokens: 100_000 };
  await ingest(eachDay("2026-09-15", "2026-10-20").map((day) => usageEvent({ ...big, occurredAt: new Date(`${day}T10:00:00Z`), team: "search", workload: "query-rewrite" })));
  // Team platform's sre-agent: $1 a day for eight weeks, then a runaway $200 on Monday 19 October.
  await ingest(
    eachDay("2026-08-20", "2026-10-20").map((day) =>
      usageEvent({ inputTokens: day === "2026-10-19" ? 80_000_000 : 400_000, outputTokens: 0, occurredAt: new Date(`${day}T09:00:00Z`), team: "platform", workload: "sre-agent" }),
    ),
  );
  admin = await userWithSession("admin@hooks.test", "admin");
  finance = await userWithSession("finance@hooks.test", "finance");
  viewer = await userWithSession("viewer@hooks.test", "viewer");
});

afterAll(async () => {
  for (const r of receivers) await r.close();
});

describe("anomaly alerts", () => {
  it("raises the runaway day once per day and scope and sends it to the budgets covering it", async () => {
    const hook = await receiver();
    const b = await budget({ scope: { team: "platform" }, period: "month", amountUsd: "100000", thresholds: [], alertOnForecast: false, alertOnAnomaly: true, webhookUrl: hook.url });
    const first = await evaluateBudgets({ now: NOW });
    const anomalies = first.raised.filter((r) => r.kind === "anomaly");
    expect(anomalies.map((r) => r.periodKey)).toEqual(["2026-10-19:workload:sre-agent"]); // the team's spike is the same incident
    const bodies = hook.requests.map((r) => r.body as { event: string; message: string });
    expect(bodies.map((x) => x.event)).toEqual(["spend.anomaly"]);
    expect(bodies.some((x) => /^Workload sre-agent spent \$200.00 on 2026-10-19, \$199.00 above its usual \$1.00 for a Monday/.test(x.message))).toBe(true);
    expect((await evaluateBudgets({ now: at(120_000) })).raised.filter((r) => r.kind === "anomaly")).toEqual([]);
    expect(hook.requests).toHaveLength(1);
    expect(b.id).toBeGreaterThan(0);
  });
});

describe("budget alerts over a real webhook", () => {
  it("raises each threshold once per period and sends one message for the highest one crossed", async () => {
    const hook = await receiver();
    const b = await budget({ scope: { team: "search" }, period: "month", amountUsd: "80", thresholds: [0.5, 0.8, 1], alertOnForecast: false, webhookUrl: hook.url });
    const first = await evaluateBudgets({ now: NOW });
    const mine = first.raised.filter((r) => r.budgetId === b.id);
    expect(mine.map((r) => [r.kind, r.threshold, r.periodKey])).toEqual([["threshold", 0.5, "2026-10"], ["threshold", 0.8, "2026-10"]]);
    expect(mine.map((r) => r.deliveries)).toEqual([0, 1]);
    expect(hook.requests).toHaveLength(1);
    expect(hook.requests[0].body).toMatchObject({
      event: "budget.threshold_crossed",
      kind: "threshold",
      threshold: 0.8,
      periodKey: "2026-10",
      budget: { id: b.id, amountUsd: "80.00", scope: { type: "team", team: "search" } },
    });
    expect((hook.requests[0].body as { message: string }).message).toMatch(/^Team search has spent \$70.00 of its \$80.00 budget for October 2026 \(87%\), past the 80% threshold/);

    const again = await evaluateBudgets({ now: at(60_000) });
    expect(again.raised.filter((r) => r.budgetId === b.id)).toEqual([]);
    expect(hook.requests).toHaveLength(1);
    // The next period starts afresh.
    const november = await evaluateBudgets({ now: new Date("2026-11-30T12:00:00Z"), deliver: false });
    expect(november.raised.filter((r) => r.budgetId === b.id)).toEqual([]); // no spend in November: nothing crossed
  });

  it("retries a receiver that fails twice, with exponential backoff, then delivers the same message", async () => {
    const hook = await receiver((n) => (n <= 2 ? 500 : 200));
    const b = await budget({ scope: { workload: "query-rewrite" }, period: "month", amountUsd: "100", thresholds: [], webhookUrl: hook.url });
    const raised = (await evaluateBudgets({ now: NOW, deliver: false })).raised.filter((r) => r.budgetId === b.id);
    expect(raised.map((r) => r.kind)).toEqual(["forecast"]);
    const [d] = await deliveriesOf(b.id);
    const policy = { baseMs: 1000, maxDelayMs: 60_000, maxAttempts: 5 };
    const run = (ms: number) => runDueDeliveries({ now: at(ms), policy, ids: [d.id] });

    expect(await run(0)).toMatchObject({ attempted: 1, retrying: 1 });
    let [state] = await deliveriesOf(b.id);
    expect(state).toMatchObject({ status: "pending", attempts: 1, last_error: "HTTP 500 Internal Server Error: receiver says no (500)" });
    expect(state.next_attempt_at?.toISOString()).toBe(at(1000).toISOString());

    expect(await run(500)).toMatchObject({ attempted: 0 }); // not due yet
    expect(await run(1000)).toMatchObject({ attempted: 1, retrying: 1 });
    [state] = await deliveriesOf(b.id);
    expect(state.next_attempt_at?.toISOString()).toBe(at(3000).toISOString()); // 2s after the second failure

    expect(await run(3000)).toMatchObject({ attempted: 1, delivered: 1 });
    [state] = await deliveriesOf(b.id);
    expect(state).toMatchObject({ status: "delivered", attempts: 3, last_error: null });
    expect(hook.requests).toHaveLength(3);
    expect(hook.requests[2].body).toEqual(hook.requests[0].body);
    expect(hook.requests[2].body).toMatchObject({ event: "budget.forecast_over", kind: "forecast" });
    expect(hook.requests[0].headers["x-rightsize-delivery-id"]).toBe(String(d.id));
  });

  it("never fails silently: a receiver that keeps failing ends 'failed' with its error in the history, and can be retried", async () => {
    let healthy = false;
    const hook = await receiver(() => (healthy ? 200 : 503));
    const b = await budget({ scope: {}, period: "year", amountUsd: "100", thresholds: [0.5], alertOnForecast: false, webhookUrl: hook.url, webhookFormat: "slack" });
    await evaluateBudgets({ now: NOW, deliver: false });
    const [d] = await deliveriesOf(b.id);
    const policy = { baseMs: 1000, maxDelayMs: 60_000, maxAttempts: 2 };
    await runDueDeliveries({ now: NOW, policy, ids: [d.id] });
    expect(await runDueDeliveries({ now: at(1000), policy, ids: [d.id] })).toMatchObject({ failed: 1 });
    expect((await deliveriesOf(b.id))[0]).toMatchObject({ status: "failed", attempts: 2, next_attempt_at: null, last_error: "HTTP 503 Service Unavailable: receiver says no (503)" });
    expect(hook.requests[0].body).toMatchObject({ text: expect.stringMatching(/^:warning: Organisation has spent \$/), blocks: expect.any(Array) });

    const historyRes = await alertsRoute(request(`/api/v1/alerts?budget=${b.id}`, { cookie: finance.cookie }));
    const history = await historyRes.json();
    expect(historyRes.status, JSON.stringify(history)).toBe(200);
    expect(history.failedDeliveries).toBeGreaterThanOrEqual(1);
    expect(history.alerts[0].deliveries[0]).toMatchObject({ status: "failed", attempts: 2, lastError: "HTTP 503 Service Unavailable: receiver says no (503)", url: hook.url });
    const failedOnly = await (await alertsRoute(request("/api/v1/alerts?delivery=failed", { cookie: viewer.cookie }))).json();
    expect(failedOnly.alerts.map((a: { id: number }) => a.id)).toContain(history.alerts[0].id);
    expect(failedOnly.alerts[0].deliveries[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…$/); // viewers see the host only

    healthy = true;
    const params = { params: Promise.resolve({ id: String(d.id) }) };
    expect((await retryRoute(request(`/api/v1/alerts/deliveries/${d.id}/retry`, { cookie: viewer.cookie, method: "POST" }), params)).status).toBe(403);
    const retried = await retryRoute(request(`/api/v1/alerts/deliveries/${d.id}/retry`, { cookie: finance.cookie, method: "POST" }), params);
    expect(await retried.json()).toMatchObject({ status: "delivered", attempts: 3 });
  });

  it("records a receiver that is down as a connection error", async () => {
    const b = await budget({ scope: { team: "platform" }, period: "quarter", amountUsd: "10", thresholds: [1], alertOnForecast: false, webhookUrl: await closedPortUrl() });
    await evaluateBudgets({ now: NOW, deliver: false });
    const [d] = await deliveriesOf(b.id);
    await runDueDeliveries({ now: NOW, ids: [d.id] });
    expect((await deliveriesOf(b.id))[0]).toMatchObject({ status: "pending", attempts: 1, last_error: expect.stringMatching(/^could not connect to 127\.0\.0\.1:\d+: ECONNREFUSED$/) });
  });
});

describe("GET /api/v1/alerts", () => {
  it("shows a lead only their teams' alerts and refuses bad filters", async () => {
    const lead = await userWithSession("lead@hooks.test", "lead", ["search"]);
    const body = await (await alertsRoute(request("/api/v1/alerts", { cookie: lead.cookie }))).json();
    expect(body.alerts.length).toBeGreaterThan(0);
    expect(body.alerts.every((a: { scope: { label: string } }) => /search|query-rewrite/.test(a.scope.label))).toBe(true);
    const all = await (await alertsRoute(request("/api/v1/alerts", { cookie: admin.cookie }))).json();
    expect(all.alerts.map((a: { scope: { type: string } }) => a.scope.type)).toContain("org");
    expect((await alertsRoute(request("/api/v1/alerts?kind=bogus", { cookie: admin.cookie }))).status).toBe(400);
    expect((await alertsRoute(request("/api/v1/alerts"))).status).toBe(401);
  });
});

describe("POST /api/v1/budgets/evaluate", () => {
  it("runs an evaluation for admin and finance only", async () => {
    expect((await evaluateRoute(request("/api/v1/budgets/evaluate", { method: "POST" }))).status).toBe(401);
    expect((await evaluateRoute(request("/api/v1/budgets/evaluate", { cookie: viewer.cookie, method: "POST" }))).status).toBe(403);
    const res = await evaluateRoute(request("/api/v1/budgets/evaluate", { cookie: admin.cookie, method: "POST" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ budgets: 5, errors: [] });
  });
});
