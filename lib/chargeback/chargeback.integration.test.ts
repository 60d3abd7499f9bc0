import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { request, userWithSession } from "@/tests/factories";
import { pool } from "@/lib/db/pool";
import { GET as chargebackRoute } from "@/app/api/v1/reports/chargeback/route";
import { GET as reportRoute } from "@/app/api/v1/reports/monthly/route";
import { pdfText } from "@/lib/reports/testing/pdf-text";
import { GET as listRules, POST as createRule } from "@/app/api/v1/allocation-rules/route";
import { DELETE as deleteRule } from "@/app/api/v1/allocation-rules/[id]/route";
import { seedChargebackMonth } from "./testing/flat-price-seed";

useTestDatabase();

let admin: { cookie: string };
let finance: { cookie: string };
let lead: { cookie: string };
const get = async (query: string, who = admin) => chargebackRoute(request(`/api/v1/reports/chargeback?${query}`, who) as never, { params: Promise.resolve({}) } as never);
const post = async (body: unknown, who = finance) => createRule(request("/api/v1/allocation-rules", { ...who, body }) as never, { params: Promise.resolve({}) } as never);

/** What is stored: every raw event's cost and attribution and every roll-up row (allocation must change none). */
async function stored() {
  const events = await pool().query("SELECT dedup_key, team_id, workload_id, cost_nanos::text FROM usage_events ORDER BY dedup_key");
  const daily = await pool().query("SELECT day, team_id, workload_id, cost_nanos::text FROM usage_daily ORDER BY 1, 2, 3");
  return { events: events.rows, daily: daily.rows };
}

beforeAll(async () => {
  await seedChargebackMonth();
  admin = await userWithSession("admin@chargeback.test", "admin");
  finance = await userWithSession("finance@chargeback.test", "finance");
  lead = await userWithSession("lead@chargeback.test", "lead", ["support"]);
});

describe("allocation rules", () => {
  it("refuse bad input naming the field", async () => {
    const cases: [unknown, RegExp][] = [
      [{ name: "x", source: { team: "nope" }, method: "even" }, /source\.team: no team "nope"/],
      [{ name: "x", source: { unattributed: true }, method: "fixed", percentages: { search: "60", support: "30" } }, /sum to 100 \(they sum to 90\)/],
      [{ name: "x", source: { unattributed: true }, method: "even", percentages: { search: "100" } }, /only for method "fixed"/],
      [{ name: "x", source: { team: "platform" }, method: "even", teams: ["platform"] }, /cannot share its own pool/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
    }
    expect((await post({ name: "x", source: { unattributed: true }, method: "even" }, lead)).status).toBe(403);
  });

  it("with no rules, direct = total and unattributed spend is reported as unallocated", async () => {
    const body = await (await get("month=2026-10")).json();
    // No pools: search's direct is 3,000 + 10,001 tokens x 1,000 nanos = $0.013001; platform keeps its $0.001.
    expect(body.teams.map((t: { key: string; directUsd: string; allocatedUsd: string }) => [t.key, t.directUsd, t.allocatedUsd])).toEqual([
      ["search", "0.013001", "0.00"],
      ["billing", "0.002", "0.00"],
      ["platform", "0.001", "0.00"],
      ["support", "0.001", "0.00"],
    ]);
    expect(body.unallocatedUsd).toBe("0.0001");
  });
});

describe("GET /api/v1/reports/chargeback", () => {
  beforeAll(async () => {
    for (const rule of [
      { name: "Platform gateway", source: { team: "platform" }, method: "proportional" },
      { name: "Unattributed", source: { unattributed: true }, method: "even" },
      { name: "Shared gateway", source: { workload: "shared-gateway" }, method: "fixed", percentages: { search: "33.33", support: "33.33", billing: "33.34" } },
    ]) expect((await post(rule)).status).toBe(201);
  });

  it("splits each pool exactly, with the largest-remainder rule, and never changes stored events", async () => {
    const before = await stored();
    const body = await (await get("month=2026-10")).json();
    expect(await stored()).toEqual(before);

    // Worked by hand (nano-dollars; 1 input token = 1,000):
    // Direct: search 3,000,000 (its shared-gateway workload is a pool, not direct), support 1,000,000, billing 2,000,000.
    // Platform pool 1,000,000, proportional 3:1:2 over 6,000,000:
    //   search 1e6x3e6/6e6 = 500,000 r0; support 166,666 r4,000,000; billing 333,333 r2,000,000 -> 999,999,
    //   the 1 left goes to the largest remainder: support 166,667.
    // Unattributed pool 100,000, even over 3: 33,333 r1 each, 1 left, tie -> slug first A-Z: billing 33,334.
    // Shared gateway 10,001,000 at 33.33/33.33/33.34% (basis points 3333/3333/3334 of 10,000):
    //   search 3,333,333 r3,000; support 3,333,333 r3,000; billing 3,334,333 r4,000 -> 10,000,999, 1 left -> billing 3,334,334.
    // Allocated: search 500,000 + 33,333 + 3,333,333 = 3,866,666; support 166,667 + 33,333 + 3,333,333 = 3,533,333;
    //   billing 333,333 + 33,334 + 3,334,334 = 3,701,001.
    // Totals: search 6,866,666; billing 5,701,001; support 4,533,333 -> 17,101,000 = every call (3,000+1,000+2,000+1,000+100+10,001 tokens).
    expect(body.teams.map((t: Record<string, string>) => [t.key, t.directUsd, t.allocatedUsd, t.totalUsd])).toEqual([
      ["search", "0.003", "0.003866666", "0.006866666"],
      ["billing", "0.002", "0.003701001", "0.005701001"],
      ["support", "0.001", "0.003533333", "0.004533333"],
    ]);
    const support = body.teams.find((t: { key: string }) => t.key === "support");
    expect(support.allocations.map((a: { rule: string; usd: string }) => [a.rule, a.usd])).toEqual([
      ["Platform gateway", "0.000166667"],
      ["Unattributed", "0.000033333"],
      ["Shared gateway", "0.003333333"],
    ]);
    expect(body.pools.map((p: Record<string, string>) => [p.rule, p.costUsd, p.basis])).toEqual([
      ["Platform gateway", "0.001", "proportional to direct spend of the 3 teams with direct spend"],
      ["Unattributed", "0.0001", "even over the 3 teams with direct spend"],
      ["Shared gateway", "0.010001", "fixed: search 33.33%, support 33.33%, billing 33.34%"],
    ]);
    expect(body.unallocatedUsd).toBe("0.00");
    expect(body.totals).toEqual({ directUsd: "0.006", allocatedUsd: "0.011101", totalUsd: "0.017101" });
    expect(body.remainderRule).toMatch(/Largest remainder/);
  });

  it("CSV: one row per team with direct, allocated and total", async () => {
    const res = await get("month=2026-10&format=csv");
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    expect(await res.text()).toBe(
      "from,to,team,team_name,direct_usd,allocated_usd,total_usd\r\n" +
        "2026-10-01,2026-10-31,search,search,0.003,0.003866666,0.006866666\r\n" +
        "2026-10-01,2026-10-31,billing,billing,0.002,0.003701001,0.005701001\r\n" +
        "2026-10-01,2026-10-31,support,support,0.001,0.003533333,0.004533333\r\n",
    );
  });

  it("the monthly report (JSON and PDF) shows the same direct, allocated and total per team", async () => {
    const report = await (await reportRoute(request("/api/v1/reports/monthly?month=2026-10", admin) as never, { params: Promise.resolve({}) } as never)).json();
    const chargeback = await (await get("month=2026-10")).json();
    expect(report.chargeback).toEqual(chargeback);
    const pdf = Buffer.from(await (await reportRoute(request("/api/v1/reports/monthly?month=2026-10&format=pdf", admin) as never, { params: Promise.resolve({}) } as never)).arrayBuffer());
    const text = pdfText(pdf);
    expect(text).toContain("Chargeback: direct, allocated and total per team");
    expect(text).toContain("Total charged");
    expect(text).toContain("fixed: search 33.33%, support 33.33%, billing 33.34%");
  });

  it("a lead sees their team's row and shares, not the pools or unallocated spend", async () => {
    const body = await (await get("month=2026-10", lead)).json();
    expect(body.teams.map((t: { key: string; totalUsd: string }) => [t.key, t.totalUsd])).toEqual([["support", "0.004533333"]]);
    expect(body.pools).toEqual([]);
    expect(body.unallocatedUsd).toBeNull();
  });

  it("deleting a rule puts its pool back where it was", async () => {
    const { rules } = await (await listRules(request("/api/v1/allocation-rules", admin) as never, { params: Promise.resolve({}) } as never)).json();
    const unattributed = rules.find((r: { name: string }) => r.name === "Unattributed");
    const res = await deleteRule(request(`/api/v1/allocation-rules/${unattributed.id}`, { ...finance, method: "DELETE" }) as never, { params: Promise.resolve({ id: String(unattributed.id) }) } as never);
    expect(res.status).toBe(204);
    const body = await (await get("month=2026-10")).json();
    // Without the unattributed rule its 100,000 nanos are unallocated again; billing loses its 33,334: 5,701,001 - 33,334.
    expect(body.unallocatedUsd).toBe("0.0001");
    expect(body.teams.find((t: { key: string }) => t.key === "billing").totalUsd).toBe("0.005667667");
    expect((await post({ name: "Unattributed", source: { unattributed: true }, method: "even" })).status).toBe(201);
  });

  it("asks for a month or a range", async () => {
    const res = await get("");
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/give month=YYYY-MM, or from and to/);
  });
});
