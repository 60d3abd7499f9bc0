import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../db";
import { request, userWithSession } from "../factories";
import { pool } from "@/lib/db/pool";
import { POST as createBudget } from "@/app/api/v1/budgets/route";
import { PATCH as patchBudget } from "@/app/api/v1/budgets/[id]/route";
import { GET as alertsRoute } from "@/app/api/v1/alerts/route";
import { runDueDeliveries } from "@/lib/alerts/deliver-webhooks";
import { startReceiver, type Receiver } from "@/lib/alerts/testing/webhook-receiver";

// Issue 10 item 4: webhooks cannot reach internal addresses; receiver errors and webhook URLs stay with budget managers.
useTestDatabase();

let admin: { cookie: string };
let viewer: { cookie: string };
let receiver: Receiver;

beforeAll(async () => {
  admin = await userWithSession("admin@ssrf.test", "admin");
  viewer = await userWithSession("viewer@ssrf.test", "viewer");
  receiver = await startReceiver(() => 500);
});
afterEach(() => {
  delete process.env.RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE;
});
afterAll(() => receiver.close());

let period = 0;
const PERIODS = ["month", "quarter", "year"];
async function create(webhookUrl: string) {
  // One budget per scope and period: each successful create takes the next period.
  const res = await createBudget(request("/api/v1/budgets", { cookie: admin.cookie, body: { period: PERIODS[period], amountUsd: "10", webhookUrl } }));
  const body = await res.json();
  if (res.status === 201) period++;
  return { status: res.status, body };
}

describe("webhook SSRF", () => {
  it.each([
    ["http://127.0.0.1:9/hook", "loopback"],
    ["http://169.254.169.254/latest/meta-data", "metadata"],
    ["http://10.0.0.5/hook", "private"],
    ["http://[::1]:8080/hook", "loopback"],
    ["http://[::ffff:127.0.0.1]/hook", "loopback"],
    ["http://0x7f.1/hook", "loopback"], // the URL parser reads it as 127.0.0.1
    ["http://localhost:9/hook", "loopback"], // a name that resolves to 127.0.0.1
  ])("refuses %s when saved (400 naming webhookUrl, %s)", async (url, kind) => {
    const res = await create(url);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(new RegExp(`^webhookUrl: .* is a ${kind} address`));
  });

  it("refuses it on change too, and accepts it with RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE=1", async () => {
    process.env.RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE = "1";
    const saved = await create(receiver.url);
    expect(saved.status).toBe(201);
    delete process.env.RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE;
    const patch = await patchBudget(request(`/api/v1/budgets/${saved.body.id}`, { method: "PATCH", cookie: admin.cookie, body: { webhookUrl: "http://192.168.0.10/x" } }), {
      params: Promise.resolve({ id: String(saved.body.id) }),
    });
    expect(patch.status).toBe(400);
    expect((await patch.json()).error.message).toMatch(/^webhookUrl: 192\.168\.0\.10 is a private address/);
  });

  it("checks again at delivery: a stored internal URL is refused without connecting", async () => {
    const alert = await pool().query<{ id: number }>(`INSERT INTO alerts (kind, period_key, message) VALUES ('anomaly', 'd1', 'test') RETURNING id`);
    const d = await pool().query<{ id: number }>(
      `INSERT INTO webhook_deliveries (alert_id, url, format, next_attempt_at) VALUES ($1, $2, 'json', now()) RETURNING id`,
      [alert.rows[0].id, receiver.url],
    );
    const before = receiver.requests.length;
    await runDueDeliveries({ ids: [d.rows[0].id] });
    expect(receiver.requests.length).toBe(before); // never connected
    const row = await pool().query(`SELECT last_error FROM webhook_deliveries WHERE id = $1`, [d.rows[0].id]);
    expect(row.rows[0].last_error).toMatch(/^refused: 127\.0\.0\.1 is a loopback address/);
  });

  it("shows a receiver's error text only to budget managers", async () => {
    process.env.RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE = "1";
    const alert = await pool().query<{ id: number }>(`INSERT INTO alerts (kind, period_key, message) VALUES ('anomaly', 'd2', 'test') RETURNING id`);
    const d = await pool().query<{ id: number }>(`INSERT INTO webhook_deliveries (alert_id, url, format, next_attempt_at) VALUES ($1, $2, 'json', now()) RETURNING id`, [
      alert.rows[0].id,
      receiver.url,
    ]);
    await runDueDeliveries({ ids: [d.rows[0].id] });
    const deliveryFor = async (cookie: string) => {
      const body = await (await alertsRoute(request("/api/v1/alerts", { cookie }))).json();
      return body.alerts.find((a: { id: number }) => a.id === alert.rows[0].id).deliveries[0];
    };
    // The test receiver answers 500 with the text "receiver says no (500)".
    expect((await deliveryFor(admin.cookie)).lastError).toBe("HTTP 500 Internal Server Error: receiver says no (500)");
    const seen = await deliveryFor(viewer.cookie);
    expect(seen.lastError).not.toContain("receiver says no");
    expect(seen.url).not.toContain("/hook");
  });

  it("redacts webhook URLs in the audit log", async () => {
    const saved = await create("https://hooks.slack.com/services/T0/B0/first-secret");
    expect(saved.status).toBe(201);
    await patchBudget(request(`/api/v1/budgets/${saved.body.id}`, { method: "PATCH", cookie: admin.cookie, body: { webhookUrl: "https://hooks.slack.com/services/T0/B0/second-secret" } }), {
      params: Promise.resolve({ id: String(saved.body.id) }),
    });
    const log = await pool().query<{ details: string }>(`SELECT details::text FROM audit_log WHERE target = $1`, [`budget:${saved.body.id}`]);
    expect(log.rows.length).toBeGreaterThan(0);
    expect(log.rows.map((r) => r.details).join(" ")).not.toMatch(/secret/);
    expect(log.rows.map((r) => r.details).join(" ")).toContain("https://hooks.slack.com/…");
  });
});
