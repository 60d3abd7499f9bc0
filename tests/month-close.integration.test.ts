import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { pool } from "@/lib/db/pool";
import { GET as reportRoute } from "@/app/api/v1/reports/monthly/route";
import { GET as listRoute } from "@/app/api/v1/reports/closed-months/route";
import { DELETE as reopenRoute, PUT as closeRoute } from "@/app/api/v1/reports/closed-months/[month]/route";
import { shortDay } from "@/lib/reports/close/restatement-text";
import { pdfText } from "@/lib/reports/testing/pdf-text";

useTestDatabase();

type Who = { cookie: string };
let finance: Who;
let leadSearch: Who;
let leadSupport: Who;
const report = (who: Who, format = "json") => reportRoute(request(`/api/v1/reports/monthly?month=2026-10&format=${format}`, who));
const close = (who: Who, month = "2026-10") =>
  closeRoute(request(`/api/v1/reports/closed-months/${month}`, { ...who, method: "PUT" }), { params: Promise.resolve({ month }) });
const reopen = (who: Who, month = "2026-10") =>
  reopenRoute(request(`/api/v1/reports/closed-months/${month}`, { ...who, method: "DELETE" }), { params: Promise.resolve({ month }) });

/** The CSV's rows as objects (no quoted commas in this data). */
function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.split("\r\n").filter(Boolean).map((l) => l.split(","));
  return lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]])));
}

// gpt-4o at $2.50 per million input tokens = 2,500 nano-dollars a token, $10 per million output = 10,000.
beforeAll(async () => {
  await ingest([
    // search: 400,000 input tokens x 2,500 = 1,000,000,000 nanos = $1.00
    usageEvent({ occurredAt: new Date("2026-10-15T08:00:00Z"), team: "search", workload: "query-rewrite", inputTokens: 400_000, outputTokens: 0 }),
    // support: 200,000 x 2,500 = $0.50
    usageEvent({ occurredAt: new Date("2026-10-20T08:00:00Z"), team: "support", workload: "ticket-triage", inputTokens: 200_000, outputTokens: 0 }),
  ]);
  finance = await userWithSession("finance@close.test", "finance");
  leadSearch = await userWithSession("lead-search@close.test", "lead", ["search"]);
  leadSupport = await userWithSession("lead-support@close.test", "lead", ["support"]);
});

describe("closing October, then 3 late October calls worth $0.01", () => {
  it("finance closes October at $1.50 (2 calls), audit-logged; a lead may not", async () => {
    expect((await close(leadSearch)).status).toBe(403);
    const res = await close(finance);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ month: "2026-10", costUsd: "1.50", requests: 2, closedBy: "user:finance@close.test" });
    expect((await close(finance)).status).toBe(409);
    const audit = await pool().query(`SELECT action, target, details FROM audit_log WHERE action = 'month_closed'`);
    expect(audit.rows).toEqual([{ action: "month_closed", target: "month:2026-10", details: expect.objectContaining({ costUsd: "1.50", requests: 2 }) }]);
    const list = await (await listRoute(request("/api/v1/reports/closed-months", leadSearch))).json();
    expect(list.closedMonths.map((c: { month: string }) => c.month)).toEqual(["2026-10"]);
  });

  it("a month in progress or malformed cannot be closed", async () => {
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect((await close(finance, thisMonth)).status).toBe(400);
    expect((await close(finance, "2026-13")).status).toBe(400);
  });

  it("after the late calls the report says exactly what changed since the close, and lists them as adjustments", async () => {
    // 1,000 x 2,500 = 2,500,000; again 2,500,000; 1,000 x 2,500 + 250 x 10,000 = 5,000,000: 10,000,000 nanos = $0.01.
    await ingest([
      usageEvent({ occurredAt: new Date("2026-10-15T09:00:00Z"), team: "search", workload: "query-rewrite", inputTokens: 1_000, outputTokens: 0 }),
      usageEvent({ occurredAt: new Date("2026-10-15T10:00:00Z"), team: "search", workload: "query-rewrite", inputTokens: 1_000, outputTokens: 0 }),
      usageEvent({ occurredAt: new Date("2026-10-31T23:59:00Z"), team: "search", workload: "query-rewrite", inputTokens: 1_000, outputTokens: 250 }),
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const r = await (await report(finance)).json();
    expect(r.totals.costUsd).toBe("1.51"); // $1.50 closed + $0.01 late
    expect(r.closed).toMatchObject({ closedBy: "user:finance@close.test" });
    expect(r.dataAsOf >= r.closed.closedAt).toBe(true);
    expect(r.restatement).toMatchObject({
      basis: "close",
      snapshotCostUsd: "1.50",
      costUsd: "1.51",
      changeUsd: "0.01",
      requestsAdded: 3,
      adjustments: [{ addedOn: today, requests: 3, costUsd: "0.01" }],
      text: `restated: +$0.01, 3 calls added on ${shortDay(today)}`,
    });
    // A lead sees only their teams: the late calls are search's; support's month did not change.
    expect((await (await report(leadSearch)).json()).restatement).toMatchObject({ snapshotCostUsd: "1.00", costUsd: "1.01", requestsAdded: 3 });
    expect((await (await report(leadSupport)).json()).restatement).toBeNull();
  });

  it("the CSV lists the late calls as adjustment rows last; the cost column still sums to $1.51", async () => {
    const rows = csvRows(await (await report(finance, "csv")).text());
    const today = new Date().toISOString().slice(0, 10);
    const ordinary = rows.filter((r) => r.adjustment_added_on === "");
    const late = rows.filter((r) => r.adjustment_added_on !== "");
    // Oct 15 search keeps only its closed call ($1.00, 1 call); support's Oct 20 call ($0.50).
    expect(ordinary.map((r) => [r.day, r.team, r.requests, r.cost_usd])).toEqual([
      ["2026-10-15", "search", "1", "1.00"],
      ["2026-10-20", "support", "1", "0.50"],
    ]);
    // Late: 2 calls on Oct 15 ($0.005) and 1 on Oct 31 ($0.005), both arrived today.
    expect(late.map((r) => [r.day, r.team, r.requests, r.cost_usd, r.adjustment_added_on])).toEqual([
      ["2026-10-15", "search", "2", "0.005", today],
      ["2026-10-31", "search", "1", "0.005", today],
    ]);
    expect(rows.slice(-2)).toEqual(late);
  });

  it("the PDF says it too", async () => {
    const text = pdfText(Buffer.from(await (await report(finance, "pdf")).arrayBuffer()));
    expect(text).toContain("Restated: +$0.01, 3 calls added on");
    expect(text).toContain("Adjustment: 3 calls, $0.01, added");
  });

  it("reopening (audit-logged) folds the adjustments in: the month now compares with its last export, which had them", async () => {
    expect((await reopen(leadSearch)).status).toBe(403);
    expect((await reopen(finance)).status).toBe(204);
    expect((await reopen(finance)).status).toBe(404);
    const r = await (await report(finance)).json();
    expect(r.closed).toBeNull();
    expect(r.restatement).toBeNull();
    const audit = await pool().query(`SELECT target FROM audit_log WHERE action = 'month_reopened'`);
    expect(audit.rows).toEqual([{ target: "month:2026-10" }]);
  });
});

describe("a month exported, then changed", () => {
  it("the next export says what changed since the last one", async () => {
    // After the exports above, 1 more late search call: 2,000 x 2,500 = 5,000,000 nanos = $0.005.
    await ingest([usageEvent({ occurredAt: new Date("2026-10-02T08:00:00Z"), team: "search", workload: "query-rewrite", inputTokens: 2_000, outputTokens: 0 })]);
    const r = await (await report(finance)).json();
    expect(r.restatement).toMatchObject({ basis: "export", snapshotCostUsd: "1.51", costUsd: "1.515", changeUsd: "0.005", requestsAdded: 1 });
    expect(r.restatement.text).toMatch(/^restated: \+\$0\.0050, 1 call added on /);
  });
});
