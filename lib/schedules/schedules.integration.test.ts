import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { request, userWithSession } from "@/tests/factories";
import { pool } from "@/lib/db/pool";
import { startInbox, type Inbox } from "@/lib/email/testing/smtp-inbox";
import { closedPortUrl, startReceiver, type Receiver } from "@/lib/alerts/testing/webhook-receiver";
import { createExampleRules, seedChargebackMonth } from "@/lib/chargeback/testing/flat-price-seed";
import { pdfText } from "@/lib/reports/testing/pdf-text";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/report-schedules/route";
import { POST as sendRoute } from "@/app/api/v1/report-schedules/[id]/send/route";
import { PATCH as patchRoute } from "@/app/api/v1/report-schedules/[id]/route";
import { POST as retryRoute } from "@/app/api/v1/report-deliveries/[id]/retry/route";
import { setReportingCurrency, storeEnteredRates } from "@/lib/currency/rates-store";
import { CreateScheduleSchema } from "./schedule-schema";
import { createSchedule, updateSchedule } from "./schedule-store";
import { queueDueSchedules, sendScheduleNow } from "./run-schedules";
import { runDueReportDeliveries } from "./deliver-reports";

// The receivers below listen on 127.0.0.1, which webhooks may reach only with this switch (SECURITY.md).
process.env.RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE = "1";

useTestDatabase();

let inbox: Inbox;
let admin: { cookie: string };
let lead: { cookie: string };
const ctx = (id?: number) => ({ params: Promise.resolve(id === undefined ? {} : { id: String(id) }) }) as never;
const schedule = (input: Record<string, unknown>, now: Date) => createSchedule(CreateScheduleSchema.parse(input), "test", now);

beforeAll(async () => {
  await seedChargebackMonth();
  await createExampleRules();
  inbox = await startInbox();
  process.env.SMTP_URL = inbox.url;
  process.env.SMTP_FROM = "Rightsize <reports@rightsize.test>";
  admin = await userWithSession("admin@schedules.test", "admin");
  lead = await userWithSession("lead@schedules.test", "lead", ["search"]);
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.SMTP_FROM;
  await inbox.close();
});

describe("monthly report by email (real SMTP server in this process)", () => {
  it("Send now: the PDF and CSV attached, to every recipient, with the month's numbers in subject and body", async () => {
    const s = await schedule({ name: "Finance month end", kind: "monthly_report", dayOfMonth: 3, attachment: "csv", emails: ["finops@example.com", "cfo@example.com"] }, new Date("2026-11-01T00:00:00Z"));
    const before = inbox.mails.length;
    const sent = await sendScheduleNow(s.id, new Date("2026-11-05T09:00:00Z"));
    expect(sent.periodKey).toBe("2026-10");
    expect(sent.deliveries).toEqual([expect.objectContaining({ channel: "email", status: "delivered", attempts: 1, trigger: "manual", target: "cfo@example.com, finops@example.com" })]);
    const mail = inbox.mails[before];
    expect(mail.from).toBe("reports@rightsize.test");
    expect(mail.to).toEqual(["cfo@example.com", "finops@example.com"]);
    // October (flat-price seed): 17,101,000 nanos = $0.017101 -> "$0.02"; no September usage.
    expect(mail.headers.subject).toBe("AI spend report October 2026: $0.02 (no spend the month before)");
    expect(mail.text).toContain("Total AI spend in October 2026 was $0.02 over 6 requests, no spend the month before.");
    // Chargeback (see chargeback.integration.test.ts): search 6,866,666 = 3,000,000 direct + 3,866,666 allocated,
    // shown to 4 decimals below a cent: $0.0069 = $0.0030 + $0.0039.
    expect(mail.text).toContain("search: $0.0069 (direct $0.0030 + allocated $0.0039)");
    expect(mail.text).toContain("Budgets: none set");
    expect(mail.html).toContain("<h2 style=\"margin:0 0 12px\">AI spend report: October 2026</h2>");
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([["rightsize-2026-10.pdf", "application/pdf"], ["rightsize-2026-10.csv", "text/csv"]]);
    expect(pdfText(mail.attachments[0].content)).toContain("AI spend report: October 2026");
    const csv = mail.attachments[1].content.toString("utf8").trim().split("\r\n");
    // One row per day x team x workload x model: the 6 seeded calls fall on 6 different days.
    expect(csv[0]).toMatch(/^day,team,team_name,workload/);
    expect(csv).toHaveLength(7);
  });

  it("the timer sends each month once, on day N, about the month before", async () => {
    const s = await schedule({ name: "Day 3", kind: "monthly_report", dayOfMonth: 3, attachment: "focus", emails: ["ledger@example.com"] }, new Date("2026-11-02T12:00:00Z"));
    expect(await queueDueSchedules(new Date("2026-11-02T23:59:00Z"))).not.toContain(s.id);
    expect(await queueDueSchedules(new Date("2026-11-03T00:01:00Z"))).toContain(s.id);
    expect(await queueDueSchedules(new Date("2026-11-03T00:02:00Z"))).not.toContain(s.id);
    expect(await queueDueSchedules(new Date("2026-11-30T00:00:00Z"))).not.toContain(s.id);
    const rows = await pool().query("SELECT period_key, trigger, channel, status FROM report_deliveries WHERE schedule_id = $1", [s.id]);
    expect(rows.rows).toEqual([{ period_key: "2026-10", trigger: "schedule", channel: "email", status: "pending" }]);
    const before = inbox.mails.length;
    await runDueReportDeliveries({ now: new Date("2026-11-03T00:01:30Z") });
    const mail = inbox.mails.slice(before).find((m) => m.to.includes("ledger@example.com"))!;
    expect(mail.attachments.map((a) => a.filename)).toEqual(["rightsize-2026-10.pdf", "rightsize-2026-10-focus-1.3.csv"]);
    // A schedule created after day N waits for next month's day N (Send now is for the month already past).
    const late = await schedule({ name: "Late", kind: "monthly_report", dayOfMonth: 3, emails: ["late@example.com"] }, new Date("2026-11-20T12:00:00Z"));
    expect(await queueDueSchedules(new Date("2026-11-21T00:00:00Z"))).not.toContain(late.id);
  });

  it("an SMTP refusal is retried with the alert backoff and recorded in the history", async () => {
    const refusing = await startInbox({ reject: (n) => n === 1 });
    process.env.SMTP_URL = refusing.url;
    try {
      const s = await schedule({ name: "Flaky SMTP", kind: "monthly_report", dayOfMonth: 1, emails: ["x@example.com"] }, new Date("2026-11-05T00:00:00Z"));
      const now = new Date("2026-11-05T10:00:00Z");
      const sent = await sendScheduleNow(s.id, now);
      expect(sent.deliveries[0]).toMatchObject({ status: "pending", attempts: 1 });
      expect(sent.deliveries[0].lastError).toMatch(/550/);
      // The first retry waits 30 s (lib/alerts/retry-policy.ts).
      expect(sent.deliveries[0].nextAttemptAt).toBe("2026-11-05T10:00:30.000Z");
      await runDueReportDeliveries({ now: new Date("2026-11-05T10:00:31Z") });
      expect(refusing.mails).toHaveLength(1);
      const row = await pool().query("SELECT status, attempts FROM report_deliveries WHERE id = $1", [sent.deliveries[0].id]);
      expect(row.rows[0]).toEqual({ status: "delivered", attempts: 2 });
    } finally {
      process.env.SMTP_URL = inbox.url;
      await refusing.close();
    }
  });
});

describe("weekly digest for a team's leads", () => {
  it("goes to the team's leads with the week's spend and biggest changes", async () => {
    const s = await schedule({ name: "Search weekly", kind: "weekly_digest", weekday: 1, team: "search", toTeamLeads: true }, new Date("2026-10-12T00:00:00Z"));
    const before = inbox.mails.length;
    const sent = await sendScheduleNow(s.id, new Date("2026-10-12T08:00:00Z"));
    expect(sent.periodKey).toBe("2026-10-05..2026-10-11");
    expect(sent.deliveries[0]).toMatchObject({ status: "delivered", target: "lead@schedules.test" });
    const mail = inbox.mails[before];
    expect(mail.to).toEqual(["lead@schedules.test"]);
    // search, Oct 5-11: query-rewrite 3,000 tokens (3,000,000 nanos) + shared-gateway 10,001 (10,001,000) = 13,001,000 -> $0.01.
    expect(mail.headers.subject).toBe("search weekly AI spend 2026-10-05 to 2026-10-11: $0.01");
    expect(mail.text).toContain("search spent $0.01 on AI in the 7 days 2026-10-05 to 2026-10-11, no spend the week before.");
    expect(mail.text).toContain("Biggest changes: shared-gateway +$0.01 (now $0.01); query-rewrite +$0.0030 (now $0.0030).");
    expect(mail.text).toContain("No budget is set for this team.");
    expect(mail.attachments).toEqual([]);
  });

  it("is in the reporting currency, each day at its rate; a week without a rate is sent in USD and says which day", async () => {
    const s = await schedule({ name: "Search weekly in EUR", kind: "weekly_digest", weekday: 1, team: "search", toTeamLeads: true }, new Date("2026-10-12T00:00:00Z"));
    try {
      // 0.5 EUR per USD from September: 13,001,000 nanos -> 6,500,500 (EUR 0.0065); query-rewrite 3,000,000 -> 1,500,000,
      // shared-gateway 10,001,000 -> 5,000,500 (halves are exact, nothing to round).
      await storeEnteredRates([{ day: "2026-09-01", currency: "EUR", unitsPerUsd: "0.5" }]);
      await setReportingCurrency("EUR");
      let before = inbox.mails.length;
      await sendScheduleNow(s.id, new Date("2026-10-12T08:00:00Z"));
      let mail = inbox.mails[before];
      expect(mail.headers.subject).toBe("search weekly AI spend 2026-10-05 to 2026-10-11: €0.0065");
      expect(mail.text).toContain("search spent €0.0065 on AI in the 7 days 2026-10-05 to 2026-10-11, no spend the week before.");
      expect(mail.text).toContain("Biggest changes: shared-gateway +€0.0050 (now €0.0050); query-rewrite +€0.0015 (now €0.0015).");
      expect(mail.text).not.toContain("Amounts in USD");

      // GBP has a rate only from Oct 12, after the week: no silent 1.0, the digest goes out in USD and names the day.
      await storeEnteredRates([{ day: "2026-10-12", currency: "GBP", unitsPerUsd: "0.8" }]);
      await setReportingCurrency("GBP");
      before = inbox.mails.length;
      await sendScheduleNow(s.id, new Date("2026-10-12T08:00:00Z"));
      mail = inbox.mails[before];
      expect(mail.headers.subject).toBe("search weekly AI spend 2026-10-05 to 2026-10-11: $0.01 USD");
      expect(mail.text).toMatch(/Amounts in USD: no GBP exchange rate on or before 2026-10-(0[5-9]|1[01])/);
    } finally {
      await setReportingCurrency("USD");
    }
  });
});

describe("webhooks and the API", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver((n) => (n === 1 ? 500 : 200));
  });
  afterAll(() => receiver.close());

  it("POST creates, Send now posts to Slack, a failed post is retried, GET shows the history", async () => {
    const bad = await createRoute(request("/api/v1/report-schedules", { ...admin, body: { name: "x", kind: "weekly_digest", weekday: 9 } }), ctx());
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/weekday/);
    expect((await createRoute(request("/api/v1/report-schedules", { ...lead, body: { name: "x", kind: "monthly_report", dayOfMonth: 1, emails: ["a@b.co"] } }), ctx())).status).toBe(403);

    const created = await createRoute(request("/api/v1/report-schedules", { ...admin, body: { name: "Slack month end", kind: "monthly_report", dayOfMonth: 2, webhooks: [{ url: receiver.url, format: "slack" }] } }), ctx());
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const first = await (await sendRoute(request(`/api/v1/report-schedules/${id}/send`, { ...admin, method: "POST" }), ctx(id))).json();
    expect(first.deliveries[0]).toMatchObject({ channel: "slack", status: "pending", attempts: 1, target: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/…$/) });
    expect(first.deliveries[0].lastError).toMatch(/HTTP 500.*receiver says no/);
    const retried = await (await retryRoute(request(`/api/v1/report-deliveries/${first.deliveries[0].id}/retry`, { ...admin, method: "POST" }), ctx(first.deliveries[0].id))).json();
    expect(retried).toMatchObject({ status: "delivered", attempts: 2 });
    const body = receiver.requests[1].body as { text: string; blocks: { type: string }[] };
    expect(body.text).toMatch(/^AI spend report /);
    expect(body.blocks[0].type).toBe("header");

    const list = await (await listRoute(request("/api/v1/report-schedules", admin), ctx())).json();
    expect(list.email).toEqual({ configured: true, help: null });
    const mine = list.schedules.find((x: { id: number }) => x.id === id);
    expect(mine).toMatchObject({ when: "Monthly on day 2 (UTC), about the month before", attachment: "csv" });
    expect(mine.lastDeliveries.map((d: { status: string; attempts: number }) => [d.status, d.attempts])).toEqual([["delivered", 2]]);
  });

  it("a receiver that is down ends as failed after the last attempt", async () => {
    const s = await schedule({ name: "Down", kind: "monthly_report", dayOfMonth: 1, webhooks: [{ url: await closedPortUrl(), format: "json" }] }, new Date("2026-11-05T00:00:00Z"));
    const sent = await sendScheduleNow(s.id, new Date("2026-11-05T10:00:00Z"));
    const policy = { baseMs: 1_000, maxDelayMs: 1_000, maxAttempts: 2 };
    await runDueReportDeliveries({ now: new Date("2026-11-05T10:01:00Z"), policy, ids: [sent.deliveries[0].id] });
    const row = await pool().query("SELECT status, attempts, last_error FROM report_deliveries WHERE id = $1", [sent.deliveries[0].id]);
    expect(row.rows[0]).toMatchObject({ status: "failed", attempts: 2 });
    expect(row.rows[0].last_error).toMatch(/could not connect/);
  });

  it("without SMTP_URL the email channel says how to enable it", async () => {
    delete process.env.SMTP_URL;
    try {
      const list = await (await listRoute(request("/api/v1/report-schedules", admin), ctx())).json();
      expect(list.email.configured).toBe(false);
      expect(list.email.help).toMatch(/set SMTP_URL \(e\.g\. smtp:\/\/user:password@smtp\.example\.com:587\)/);
      const s = await schedule({ name: "No SMTP", kind: "monthly_report", dayOfMonth: 1, emails: ["a@example.com"] }, new Date("2026-11-05T00:00:00Z"));
      const sent = await sendScheduleNow(s.id, new Date("2026-11-05T10:00:00Z"));
      // Retrying cannot help: failed at once, with the instructions.
      expect(sent.deliveries[0]).toMatchObject({ status: "failed", attempts: 1, lastError: list.email.help });
    } finally {
      process.env.SMTP_URL = inbox.url;
    }
  });

  it("PATCH edits a schedule with the create validation (same messages, SSRF check at save); {enabled} still pauses", async () => {
    const patch = (id: number | string, body: unknown, who = admin) => patchRoute(request(`/api/v1/report-schedules/${id}`, { ...who, method: "PATCH", body }), ctx(id as number));
    const created = await (await createRoute(request("/api/v1/report-schedules", { ...admin, body: { name: "Month end", kind: "monthly_report", dayOfMonth: 2, emails: ["cfo@example.com"] } }), ctx())).json();

    // Monthly -> a weekly digest for search: the monthly fields are cleared with null.
    const edited = await patch(created.id, { kind: "weekly_digest", dayOfMonth: null, attachment: null, weekday: 1, team: "search", name: "Search weekly" });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ id: created.id, name: "Search weekly", kind: "weekly_digest", dayOfMonth: null, attachment: null, weekday: 1, team: "search", emails: ["cfo@example.com"], enabled: true });

    // The same bad field gives the same 400 as a create.
    const createBad = await (await createRoute(request("/api/v1/report-schedules", { ...admin, body: { name: "x", kind: "weekly_digest", weekday: 9, team: "search", emails: ["a@b.co"] } }), ctx())).json();
    const patchBad = await patch(created.id, { weekday: 9 });
    expect(patchBad.status).toBe(400);
    expect((await patchBad.json()).error.message).toBe(createBad.error.message);
    // Cross-field rules too: a digest has no dayOfMonth; an unknown team is named.
    expect((await (await patch(created.id, { dayOfMonth: 3 })).json()).error.message).toMatch(/dayOfMonth: only for monthly_report/);
    expect((await (await patch(created.id, { team: "nope" })).json()).error.message).toBe('team: no team "nope"');
    expect((await (await patch(created.id, {})).json()).error.message).toMatch(/nothing to change/);

    // Webhooks get the SSRF check at save, as at create (the switch this file sets is off for the check).
    delete process.env.RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE;
    try {
      const ssrf = await patch(created.id, { webhooks: [{ url: "http://10.0.0.5/hook", format: "json" }] });
      expect(ssrf.status).toBe(400);
      expect((await ssrf.json()).error.message).toMatch(/^webhooks\[0\]\.url: .* is a private address/);
    } finally {
      process.env.RIGHTSIZE_WEBHOOK_ALLOW_PRIVATE = "1";
    }

    // Pause alone, as before; a lead may not edit; a malformed id is named before the body is read.
    expect(await (await patch(created.id, { enabled: false })).json()).toMatchObject({ enabled: false, nextRun: "paused", name: "Search weekly" });
    expect((await patch(created.id, { name: "mine" }, lead)).status).toBe(403);
    const badId = await patch("abc", "not json");
    expect(badId.status).toBe(400);
    expect((await badId.json()).error.message).toMatch(/report schedule id/);
    expect((await patch(999_999, { name: "x" })).status).toBe(404);
  });

  it("a new timing does not send again what was sent", async () => {
    // Created Nov 5 on day 2: October counts as sent. Moved to day 10 the same day: October is still the last sent,
    // so the next automatic send is Dec 10 (November), not Nov 10.
    const s = await schedule({ name: "Moved", kind: "monthly_report", dayOfMonth: 2, emails: ["a@example.com"] }, new Date("2026-11-05T00:00:00Z"));
    const moved = await updateSchedule(s.id, { dayOfMonth: 10 }, "test", new Date("2026-11-05T12:00:00Z"));
    expect(moved.nextRun).toBe("2026-12-10");
    const row = await pool().query("SELECT last_period_key FROM report_schedules WHERE id = $1", [s.id]);
    expect(row.rows[0].last_period_key).toBe("2026-10");
  });
});
