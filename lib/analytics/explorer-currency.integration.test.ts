import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { pool } from "@/lib/db/pool";
import { usdToNanos } from "@/lib/money";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import { setReportingCurrency, storeEnteredRates } from "@/lib/currency/rates-store";
import { GET as breakdownRoute } from "@/app/api/v1/spend/breakdown/route";
import { GET as overviewRoute } from "@/app/api/v1/spend/overview/route";
import { GET as spendRoute } from "@/app/api/v1/spend/route";
import { GET as reportRoute } from "@/app/api/v1/reports/monthly/route";
import { parseCsv } from "@/lib/reports/focus/testing/focus-csv";

/**
 * The explorer in the reporting currency (issue 12.3), worked by hand. acme-1 costs $1 per million input tokens, a
 * call of 100,000 tokens $0.10. Spend: search $10 on 2 October, support $20 on 6 October, search $5 on 30 September.
 * EUR per USD (entered): 0.9 from 1 September, 0.8 from 1 October, 1.0 from 5 October.
 *   October: search 10 x 0.8 = EUR 8.00; support 20 x 1.0 = EUR 20.00; total EUR 28.00 ($30.00)
 *   September (the previous period of the whole month): 5 x 0.9 = EUR 4.50 ($5.00)
 */
useTestDatabase();

let admin: { cookie: string };
const calls = (n: number, day: string, team: string) =>
  Array.from({ length: n }, () => usageEvent({ occurredAt: new Date(`${day}T10:00:00Z`), provider: "acme", model: "acme-1", inputTokens: 100_000, outputTokens: 0, team, workload: `${team}-bot` }));
const get = async (route: (req: never) => Promise<Response>, path: string) => {
  const res = await route(request(path, admin) as never);
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  await createPriceOverride({ provider: "acme", model: "acme-1", inputPerMtok: "1", outputPerMtok: "1", cachedInputPerMtok: null, cacheWritePerMtok: null, validFrom: "2026-01-01", note: null }, { label: "test", userId: null });
  await ingest([...calls(100, "2026-10-02", "search"), ...calls(200, "2026-10-06", "support"), ...calls(50, "2026-09-30", "search")]);
  await storeEnteredRates([
    { day: "2026-09-01", currency: "EUR", unitsPerUsd: "0.9" },
    { day: "2026-10-01", currency: "EUR", unitsPerUsd: "0.8" },
    { day: "2026-10-05", currency: "EUR", unitsPerUsd: "1.0" },
  ]);
  admin = await userWithSession("admin@explorer-currency.test", "admin");
});

const range = "from=2026-10-01&to=2026-10-31";

describe("explorer amounts in the reporting currency", () => {
  it("USD by default: no converted fields, currency USD", async () => {
    const { body } = await get(breakdownRoute, `/api/v1/spend/breakdown?by=team&${range}`);
    expect(body.currency.code).toBe("USD");
    expect(body.totals.costUsd).toBe("30.00");
    expect(body.totals.cost).toBeUndefined();
  });

  it("breakdown, overview and spend add cost/previousCost in EUR, each day at its rate; USD fields unchanged", async () => {
    await setReportingCurrency("EUR");
    const teams = await get(breakdownRoute, `/api/v1/spend/breakdown?by=team&${range}`);
    expect(teams.body.currency.code).toBe("EUR");
    expect(teams.body.rows.map((r: { key: string; costUsd: string; cost: string; previousCost: string }) => [r.key, r.costUsd, r.cost, r.previousCost])).toEqual([
      ["support", "20.00", "20.00", "0.00"],
      ["search", "10.00", "8.00", "4.50"],
    ]);
    expect(teams.body.totals).toMatchObject({ costUsd: "30.00", cost: "28.00", previousCostUsd: "5.00", previousCost: "4.50" });

    const overview = await get(overviewRoute, `/api/v1/spend/overview?${range}`);
    expect(overview.body.range).toMatchObject({ costUsd: "30.00", cost: "28.00", previousCost: "4.50" });
    expect(overview.body.currency.code).toBe("EUR");

    const days = await get(spendRoute, `/api/v1/spend?groupBy=day&${range}`);
    const day = (d: string) => days.body.rows.find((r: { key: string }) => r.key === d);
    expect(day("2026-10-02")).toMatchObject({ costUsd: "10.00", cost: "8.00" });
    expect(day("2026-10-06")).toMatchObject({ costUsd: "20.00", cost: "20.00" });
    expect(day("2026-10-03")).toMatchObject({ costUsd: "0.00", cost: "0.00" });
    expect(days.body.totals.cost).toBe("28.00");
  });

  it("the usage CSV adds cost_eur, summing to the report's EUR total", async () => {
    const res = await reportRoute(request("/api/v1/reports/monthly?month=2026-10&format=csv", admin) as never);
    const text = await res.text();
    expect(text.split("\r\n")[0].endsWith(",tool_cost_usd,adjustment_added_on,cost_eur")).toBe(true);
    const rows = parseCsv(text);
    expect(rows.map((r) => [r.day, r.team, r.cost_usd, r.cost_eur])).toEqual([
      ["2026-10-02", "search", "10.00", "8.00"],
      ["2026-10-06", "support", "20.00", "20.00"],
    ]);
    const report = await (await reportRoute(request("/api/v1/reports/monthly?month=2026-10&format=json", admin) as never)).json();
    expect(rows.reduce((s, r) => s + usdToNanos(r.cost_eur), 0n)).toBe(usdToNanos(report.reportingCurrency.cost));
  });

  it("a day with spend and no rate is a 400 naming the day, never a silent 1.0", async () => {
    await pool().query("DELETE FROM exchange_rates WHERE day = '2026-09-01'");
    const res = await get(breakdownRoute, `/api/v1/spend/breakdown?by=team&${range}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^no EUR exchange rate on or before 2026-09-30/);
  });
});
