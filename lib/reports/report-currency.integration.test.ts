import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { usdToNanos } from "@/lib/money";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import { setReportingCurrency, storeEnteredRates } from "@/lib/currency/rates-store";
import { GET as reportRoute } from "@/app/api/v1/reports/monthly/route";
import { GET as changeRoute } from "@/app/api/v1/spend/change/route";
import { GET as chargebackRoute } from "@/app/api/v1/reports/chargeback/route";
import { GET as statementRoute } from "@/app/api/v1/reports/statements/route";
import { pdfText } from "@/lib/reports/testing/pdf-text";
import { queryOverview } from "@/lib/analytics/overview";
import { querySeries } from "@/lib/analytics/series";
import type { Principal } from "@/lib/auth/principal";

const ALL: Principal = { kind: "user", id: 0, label: "test", role: "admin", teamIds: null, scopes: ["read"] };

/**
 * The report, its PDF, the change waterfall, the chargeback and team statements in the reporting currency (issue 12
 * section 3), worked by hand. acme-1 costs $1 per million input tokens: a call of 100,000 tokens is $0.10.
 *   Spend: search $10 on 2 October, support $20 on 6 October, search $5 on 30 September, search $1 on 20 August.
 *   EUR per USD (entered): 0.9 from 1 September, 0.8 from 1 October, 1.0 from 5 October; none before September.
 *   October:   search 10 x 0.8 = EUR 8.00; support 20 x 1.0 = EUR 20.00; total EUR 28.00 ($30.00).
 *   September: search 5 x 0.9 = EUR 4.50 ($5.00). Change EUR 23.50 ($25.00).
 *   Waterfall in EUR (one model, same tokens per call): volume = 4.50 x 300/50 - 4.50 = 22.50; mix, tokens and
 *   cache 0; unit prices = 28.00 - 27.00 = 1.00 (the rate moved). 22.50 + 1.00 = 23.50 exactly.
 *   August has spend before the first rate: its report is a 400 naming 2026-08-20, September's compares in USD.
 */
useTestDatabase();

let admin: { cookie: string };
const calls = (n: number, day: string, team: string) =>
  Array.from({ length: n }, () => usageEvent({ occurredAt: new Date(`${day}T10:00:00Z`), provider: "acme", model: "acme-1", inputTokens: 100_000, outputTokens: 0, team, workload: `${team}-bot` }));
const get = async (route: (req: never, ctx: never) => Promise<Response>, path: string) => route(request(path, admin) as never, { params: Promise.resolve({}) } as never);

beforeAll(async () => {
  await createPriceOverride({ provider: "acme", model: "acme-1", inputPerMtok: "1", outputPerMtok: "1", cachedInputPerMtok: null, cacheWritePerMtok: null, validFrom: "2026-01-01", note: null }, { label: "test", userId: null });
  await ingest([...calls(100, "2026-10-02", "search"), ...calls(200, "2026-10-06", "support"), ...calls(50, "2026-09-30", "search"), ...calls(10, "2026-08-20", "search")]);
  await storeEnteredRates([
    { day: "2026-09-01", currency: "EUR", unitsPerUsd: "0.9" },
    { day: "2026-10-01", currency: "EUR", unitsPerUsd: "0.8" },
    { day: "2026-10-05", currency: "EUR", unitsPerUsd: "1.0" },
  ]);
  await setReportingCurrency("EUR");
  admin = await userWithSession("admin@report-currency.test", "admin");
});

describe("the monthly report in EUR", () => {
  it("gives every amount in EUR beside the unchanged USD fields", async () => {
    const res = await get(reportRoute, "/api/v1/reports/monthly?month=2026-10");
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.currency).toBe("EUR");
    expect(r.rateRule).toMatch(/last EUR exchange rate on or before that day/);
    expect(r.totals).toMatchObject({ costUsd: "30.00", cost: "28.00" });
    expect(r.previous).toMatchObject({ costUsd: "5.00", changeUsd: "25.00", cost: "4.50", change: "23.50" });
    expect(r.byTeam.map((t: { key: string; costUsd: string; cost: string; previousCost: string }) => [t.key, t.costUsd, t.cost, t.previousCost])).toEqual([
      ["support", "20.00", "20.00", "0.00"],
      ["search", "10.00", "8.00", "4.50"],
    ]);
    const days = Object.fromEntries(r.daily.map((d: { day: string; cost: string }) => [d.day, d.cost]));
    expect([days["2026-10-02"], days["2026-10-06"], days["2026-10-03"]]).toEqual(["8.00", "20.00", "0.00"]);
    // The days sum exactly to the total in EUR.
    expect(r.daily.reduce((s: bigint, d: { cost: string }) => s + usdToNanos(d.cost), 0n)).toBe(28_000_000_000n);
    // The waterfall: USD fields as before, EUR parts summing exactly to the EUR change.
    expect(r.change.totals).toMatchObject({ baseUsd: "5.00", currentUsd: "30.00", changeUsd: "25.00" });
    const eur = r.change.totals.inCurrency;
    expect(eur).toMatchObject({ base: "4.50", current: "28.00", change: "23.50", parts: { volume: "22.50", mix: "0.00", tokens: "0.00", cache: "0.00", price: "1.00" } });
    expect(Object.values(eur.parts as Record<string, string>).reduce((s, p) => s + usdToNanos(p), 0n)).toBe(usdToNanos(eur.change));
    expect(eur.explanation).toMatch(/^\+€23\.50/);
    // Chargeback (no rules: each team's direct spend) in EUR.
    expect(r.chargeback.totals.totalUsd).toBe("30.00");
    expect(r.chargeback.inCurrency.totals).toEqual({ direct: "28.00", allocated: "0.00", total: "28.00" });
    expect(r.coverage.unattributedCost).toBe("0.00");
    // The change per team in EUR sums to the organisation's.
    const teamSum = r.change.byTeam.reduce((s: bigint, t: { inCurrency: { change: string } }) => s + usdToNanos(t.inCurrency.change), 0n);
    expect(teamSum).toBe(23_500_000_000n);
  });

  it("draws the PDF in EUR, with its code and the rate rule", async () => {
    const res = await get(reportRoute, "/api/v1/reports/monthly?month=2026-10&format=pdf");
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    if (process.env.DUMP_PDF_TEXT) (await import("node:fs")).writeFileSync(process.env.DUMP_PDF_TEXT, text);
    expect(text).toContain("28.00 EUR");
    expect(text).toContain("4.50 EUR");
    expect(text).toContain("+22.50 EUR");
    expect(text).toContain("+1.00 EUR");
    expect(text).toMatch(/last EUR exchange rate on or before that day/);
    expect(text).not.toContain("$30.00");
  });

  it("compares in USD, and says why, when the previous month has a day without a rate", async () => {
    const r = await (await get(reportRoute, "/api/v1/reports/monthly?month=2026-09")).json();
    expect(r.totals.cost).toBe("4.50");
    expect(r.previous.cost).toBeNull();
    expect(r.change.totals.inCurrency).toBeNull();
    expect(r.change.currencyNote).toMatch(/no EUR exchange rate on or before 2026-08-20/);
    // A month with a day before the first rate cannot be reported in EUR: the error names the day.
    const aug = await get(reportRoute, "/api/v1/reports/monthly?month=2026-08");
    expect(aug.status).toBe(400);
    expect((await aug.json()).error.message).toMatch(/no EUR exchange rate on or before 2026-08-20/);
  });
});

describe("GET /api/v1/spend/change in EUR", () => {
  it("keeps the USD fields and adds inCurrency whose parts sum exactly", async () => {
    const res = await get(changeRoute, "/api/v1/spend/change?from=2026-10-01&to=2026-10-31&vsFrom=2026-09-01&vsTo=2026-09-30&groupBy=team");
    expect(res.status).toBe(200);
    const c = await res.json();
    expect(c.currency).toBe("EUR");
    expect(c.totals).toMatchObject({ baseUsd: "5.00", currentUsd: "30.00", changeUsd: "25.00" });
    expect(c.totals.inCurrency).toMatchObject({ base: "4.50", current: "28.00", change: "23.50" });
    for (const row of [c.totals, ...c.rows]) {
      const ic = row.inCurrency;
      expect(Object.values(ic.parts as Record<string, string>).reduce((s, p) => s + usdToNanos(p), 0n)).toBe(usdToNanos(ic.change));
      expect(usdToNanos(ic.current) - usdToNanos(ic.base)).toBe(usdToNanos(ic.change));
    }
    expect(c.rows.find((r: { key: string }) => r.key === "search").inCurrency).toMatchObject({ base: "4.50", current: "8.00", change: "3.50" });
  });

  it("is a 400 naming the day when a day has no rate", async () => {
    const res = await get(changeRoute, "/api/v1/spend/change?from=2026-09-01&to=2026-09-30&vsFrom=2026-08-01&vsTo=2026-08-31");
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/no EUR exchange rate on or before 2026-08-20/);
  });
});

describe("chargeback and team statements in EUR", () => {
  it("adds inCurrency to the chargeback JSON", async () => {
    const c = await (await get(chargebackRoute, "/api/v1/reports/chargeback?month=2026-10")).json();
    expect(Object.fromEntries(c.inCurrency.teams.map((t: { key: string; total: string }) => [t.key, t.total]))).toEqual({ search: "8.00", support: "20.00" });
    expect(c.inCurrency.totals.total).toBe("28.00");
    expect(c.totals.totalUsd).toBe("30.00");
  });

  it("states a team's charges in EUR, in JSON and in the PDF", async () => {
    const s = await (await get(statementRoute, "/api/v1/reports/statements?month=2026-10&team=search&format=json")).json();
    expect(s.charges.totalUsd).toBe("10.00");
    expect(s.inCurrency).toMatchObject({ currency: "EUR", total: "8.00", direct: "8.00", previousTotal: "4.50", change: "3.50" });
    const pdf = await get(statementRoute, "/api/v1/reports/statements?month=2026-10&team=search");
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain("8.00 EUR");
    expect(text).toMatch(/\+3\.50\s+EUR/); // "4.50 EUR then (+3.50 EUR)", wrapped in its KPI box
    expect(text).toMatch(/last EUR exchange rate on or before that day/);
  });
});

describe("the Overview in EUR", () => {
  it("gives the daily series and the month's pace in EUR (each day at its rate)", async () => {
    const series = await querySeries(ALL, { from: "2026-10-01", to: "2026-10-31", interval: "day", stackBy: "team", top: 8 }, new Date("2026-11-02T00:00:00Z"), "EUR");
    expect(series.currency).toBe("EUR");
    const oct2 = series.points.find((p) => p.bucket === "2026-10-02")!;
    expect(oct2).toMatchObject({ costUsd: "10.00", cost: "8.00", valuesInCurrency: { search: "8.00", support: "0.00" } });
    expect(series.points.reduce((s, p) => s + usdToNanos(p.cost!), 0n)).toBe(28_000_000_000n);
    expect(Object.fromEntries(series.series.map((x) => [x.key, x.cost]))).toEqual({ support: "20.00", search: "8.00" });

    // 31 October: the month to date is all of October; last month is September.
    const o = await queryOverview(ALL, { from: "2026-10-01", to: "2026-10-31" } as never, new Date("2026-10-31T23:00:00Z"), "EUR");
    expect(o.month).toMatchObject({ monthToDateUsd: "30.00", lastMonthTotalUsd: "5.00" });
    expect(o.month.inCurrency).toMatchObject({ monthToDate: "28.00", lastMonthTotal: "4.50", lastMonthToSameDay: "4.50" });
    expect(o.month.inCurrency!.projected).toBe("28.00"); // the last day: nothing left to project
  });
});

describe("unit costs in EUR", () => {
  it("divides each day's converted spend by the metric, in the report and the unit-cost API", async () => {
    const { storeMetrics } = await import("@/lib/metrics/store-metrics");
    const { queryUnitCost } = await import("@/lib/metrics/unit-cost");
    // search: EUR 8.00 on 2 October for 10 tickets (EUR 0.80 each, $1.00); EUR 4.50 on 30 September for 5 (EUR 0.90).
    await storeMetrics(ALL, [
      { date: "2026-10-02", name: "tickets", value: 10, team: "search" },
      { date: "2026-09-30", name: "tickets", value: 5, team: "search" },
    ] as never);
    const r = await (await get(reportRoute, "/api/v1/reports/monthly?month=2026-10")).json();
    expect(r.unitCosts[0]).toMatchObject({ name: "tickets", costPerUnitUsd: "1.00", cost: "8.00", costPerUnit: "0.80", previousCostPerUnit: "0.90" });
    const u = await queryUnitCost(ALL, { name: "tickets", team: "search", from: "2026-09-01", to: "2026-10-31", granularity: "month" } as never, new Date("2026-11-02T00:00:00Z"), "EUR");
    expect(u.currency).toBe("EUR");
    expect(u.points.map((p) => [p.period, p.cost, p.costPerUnit])).toEqual([["2026-09", "4.50", "0.90"], ["2026-10", "8.00", "0.80"]]);
    expect(u.total).toMatchObject({ costUsd: "15.00", cost: "12.50", units: "15" });
  });
});
