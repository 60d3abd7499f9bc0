/**
 * Issue 13 §3: business metrics in by API (JSON and CSV), idempotent; spend per unit over time and in the monthly
 * report with its change. Prices: an override of $1 per million input tokens, $0 output, so N input tokens cost
 * exactly N * 1,000 nanos ($2 = 2,000,000 tokens).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { prisma } from "@/lib/db/prisma";
import { createApiKey } from "@/lib/auth/api-keys";
import { GET as listMetrics, POST as postMetrics } from "@/app/api/v1/metrics/route";
import { GET as unitCost } from "@/app/api/v1/metrics/unit-cost/route";
import { GET as monthly } from "@/app/api/v1/reports/monthly/route";

useTestDatabase();

let key: string;
let admin: string;
let outsider: string;

const spend = (day: string, usd: number) =>
  usageEvent({ provider: "acme", model: "acme-unit", inputTokens: usd * 1_000_000, outputTokens: 0, team: "support", workload: "tickets-bot", occurredAt: new Date(`${day}T12:00:00Z`) });

beforeAll(async () => {
  await prisma().priceOverride.create({ data: { provider: "acme", model: "acme-unit", inputPerMtok: "1", outputPerMtok: "0", validFrom: new Date("2026-01-01T00:00:00Z") } });
  // Sept 15: $4; Oct 1: $2; Oct 2: $3; Oct 3: $1 (no metric that day)
  await ingest([spend("2026-09-15", 4), spend("2026-10-01", 2), spend("2026-10-02", 3), spend("2026-10-03", 1)]);
  key = (await createApiKey({ name: "metrics", scopes: ["ingest"] })).key;
  admin = (await userWithSession("admin@metrics.test", "admin")).cookie;
  await prisma().team.create({ data: { slug: "elsewhere", name: "Elsewhere" } });
  outsider = (await userWithSession("lead@metrics.test", "lead", ["elsewhere"])).cookie;
});

async function post(body: unknown, contentType = "application/json") {
  const res = await postMetrics(request("/api/v1/metrics", { key, body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": contentType } }));
  return { status: res.status, body: await res.json() };
}

async function perUnit(query: string, cookie = admin) {
  const res = await unitCost(request(`/api/v1/metrics/unit-cost?${query}`, { cookie }));
  return { status: res.status, body: await res.json() };
}

describe("business metrics", () => {
  it("are stored exactly, and a resend of the same date/name/team/workload replaces the value", async () => {
    expect(await post({ date: "2026-10-02", name: "tickets_resolved", value: 5, workload: "tickets-bot" })).toEqual({ status: 200, body: { stored: 1, replaced: 0 } });
    expect(await post([{ date: "2026-10-02", name: "tickets_resolved", value: "6", workload: "tickets-bot" }, { date: "2026-10-01", name: "active_customers", value: 3 }])).toEqual({
      status: 200,
      body: { stored: 2, replaced: 1 },
    });
    const rows = await prisma().businessMetric.findMany({ where: { name: "tickets_resolved" } });
    expect(rows.map((r) => r.value.toString())).toEqual(["6"]);
  });

  it("come in as CSV too, all or nothing, naming the bad line", async () => {
    const csv = "date,name,value,workload\r\n2026-10-01,tickets_resolved,4,tickets-bot\r\n2026-09-15,tickets_resolved,5,tickets-bot\r\n";
    expect(await post(csv, "text/csv")).toEqual({ status: 200, body: { stored: 2, replaced: 0 } });
    const bad = await post("date,name,value\n2026-10-05,x,1\n2026-10-06,x,-2\n", "text/csv");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^CSV line 3: value must be a non-negative decimal/);
    expect((await post({ date: "2026-10-05", name: "x", value: 1, workload: "nope" })).body.error.message).toBe('workload: no workload "nope"');
    expect((await prisma().businessMetric.count({ where: { name: "x" } }))).toBe(0);
  });

  it("from a team-bound key, only for its own team's workloads", async () => {
    const support = await prisma().team.findUniqueOrThrow({ where: { slug: "support" } });
    const teamKey = (await createApiKey({ name: "support-metrics", scopes: ["ingest"], teamId: support.id })).key;
    const send = async (body: unknown) => (await postMetrics(request("/api/v1/metrics", { key: teamKey, body }))).status;
    expect(await send({ date: "2026-10-04", name: "team_only", value: 1, workload: "tickets-bot" })).toBe(200);
    expect(await send({ date: "2026-10-04", name: "team_only", value: 1 })).toBe(403);
    expect(await send({ date: "2026-10-04", name: "team_only", value: 1, team: "elsewhere" })).toBe(403);
  });

  it("give spend per unit over time, exact", async () => {
    const { status, body } = await perUnit("name=tickets_resolved&workload=tickets-bot&from=2026-10-01&to=2026-10-03");
    expect(status).toBe(200);
    // Oct 1: $2 / 4 = $0.50; Oct 2: $3 / 6 = $0.50; Oct 3: $1 spent, no value -> no ratio, left out of the total.
    expect(body.points).toEqual([
      { period: "2026-10-01", costUsd: "2.00", units: "4", costPerUnitUsd: "0.50" },
      { period: "2026-10-02", costUsd: "3.00", units: "6", costPerUnitUsd: "0.50" },
      { period: "2026-10-03", costUsd: "0.00", units: null, costPerUnitUsd: null },
    ]);
    expect(body.total).toEqual({ costUsd: "5.00", units: "10", costPerUnitUsd: "0.50" });
    // Monthly: September $4 / 5 = $0.80
    const months = await perUnit("name=tickets_resolved&workload=tickets-bot&from=2026-09-01&to=2026-10-31&granularity=month");
    expect(months.body.points).toEqual([
      { period: "2026-09", costUsd: "4.00", units: "5", costPerUnitUsd: "0.80" },
      { period: "2026-10", costUsd: "5.00", units: "10", costPerUnitUsd: "0.50" },
    ]);
    // Organisation-wide: Oct 1 all spend $2 / 3 customers = 666,666,666.67 nanos -> $0.666666667
    const org = await perUnit("name=active_customers&from=2026-10-01&to=2026-10-01");
    expect(org.body.total).toEqual({ costUsd: "2.00", units: "3", costPerUnitUsd: "0.666666667" });
  });

  it("are scoped: a lead of another team cannot read them", async () => {
    expect((await perUnit("name=tickets_resolved&workload=tickets-bot", outsider)).status).toBe(403);
    expect((await perUnit("name=active_customers", outsider)).status).toBe(403);
    const res = await listMetrics(request("/api/v1/metrics", { cookie: outsider }));
    expect((await res.json()).series).toEqual([]);
  });

  it("are listed in the monthly report with the change vs the previous month", async () => {
    const res = await monthly(request("/api/v1/reports/monthly?month=2026-10", { cookie: admin }));
    const report = await res.json();
    // tickets_resolved: October $0.50 per ticket, September $0.80: (0.50 - 0.80) / 0.80 = -37.5%
    expect(report.unitCosts).toEqual([
      { name: "active_customers", team: null, workload: null, units: "3", costUsd: "2.00", costPerUnitUsd: "0.666666667", previousCostPerUnitUsd: null, changePct: null },
      // team_only: 1 unit on Oct 4, when tickets-bot spent nothing: $0 per unit
      { name: "team_only", team: null, workload: "tickets-bot", units: "1", costUsd: "0.00", costPerUnitUsd: "0.00", previousCostPerUnitUsd: null, changePct: null },
      { name: "tickets_resolved", team: null, workload: "tickets-bot", units: "10", costUsd: "5.00", costPerUnitUsd: "0.50", previousCostPerUnitUsd: "0.80", changePct: -37.5 },
    ]);
    const csv = await monthly(request("/api/v1/reports/monthly?month=2026-10&format=unit-costs", { cookie: admin }));
    expect(await csv.text()).toBe(
      "metric,team,workload,units,cost_usd,cost_per_unit_usd,previous_cost_per_unit_usd,change_pct\r\n" +
        "active_customers,,,3,2.00,0.666666667,,\r\n" +
        "team_only,,tickets-bot,1,0.00,0.00,,\r\n" +
        "tickets_resolved,,tickets-bot,10,5.00,0.50,0.80,-37.5\r\n",
    );
  });
});
