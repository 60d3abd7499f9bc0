import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { pool } from "@/lib/db/pool";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import { setReportingCurrency, storeEnteredRates } from "@/lib/currency/rates-store";
import { POST as createRoute } from "@/app/api/v1/budgets/route";
import { PATCH as patchRoute } from "@/app/api/v1/budgets/[id]/route";
import { getBudget } from "./list-budgets";
import { loadBudget } from "./budget-record";
import { budgetState } from "./budget-status";
import { raiseBudgetAlerts } from "@/lib/alerts/budget-alerts";
import { budgetsVsActual } from "@/lib/reports/budgets-vs-actual";

/**
 * Budgets in the reporting currency (issue 12.3), worked by hand. acme-1 costs $1 per million input tokens; team
 * search makes 10 calls of 100,000 tokens ($0.10 each) every day from 1 October to 12 November 2026: $1.00 a day.
 * EUR per USD (entered): 0.9 from 30 September, 0.8 from 15 October.
 * A Q4 budget of EUR 70 for the organisation, as of 12 November 23:00 UTC (43 days of spend):
 *   spent: 1-14 Oct 14 x EUR 0.90 = 12.60; 15 Oct-12 Nov 29 x EUR 0.80 = 23.20; EUR 35.80 (USD 43.00)
 *   forecast: the 4 weeks before (15 Oct-11 Nov) are all EUR 0.80 a day, so each of the 49 days left
 *     (13-30 Nov: 18, December: 31) adds 0.80: 35.80 + 39.20 = EUR 75.00 > 70: at risk
 *     (USD: 43 + 49 = 92.00)
 *   runs out: 35.80 + 0.80 n > 70 from n = 43 days after 12 Nov = 25 December (70.20)
 *   amountUsd (indicative): EUR 70 / 0.8 = USD 87.50
 */
useTestDatabase();

const NOW = new Date("2026-11-12T23:00:00Z");
const ALL = { teamIds: null };
let finance: { cookie: string };
const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T10:00:00Z`) + i * 86_400_000));
const call = (at: Date) => usageEvent({ occurredAt: at, provider: "acme", model: "acme-1", inputTokens: 100_000, outputTokens: 0, team: "search", workload: "answers" });
const create = (body: unknown) => createRoute(request("/api/v1/budgets", { cookie: finance.cookie, body }));

beforeAll(async () => {
  await createPriceOverride({ provider: "acme", model: "acme-1", inputPerMtok: "1", outputPerMtok: "1", cachedInputPerMtok: null, cacheWritePerMtok: null, validFrom: "2026-01-01", note: null }, { label: "test", userId: null });
  await ingest(days("2026-10-01", 43).flatMap((d) => Array.from({ length: 10 }, () => call(d))));
  await storeEnteredRates([
    { day: "2026-09-30", currency: "EUR", unitsPerUsd: "0.9" },
    { day: "2026-10-15", currency: "EUR", unitsPerUsd: "0.8" },
  ]);
  finance = await userWithSession("finance@budget-currency.test", "finance");
});

describe("budgets in the reporting currency", () => {
  let id: number;

  it("only USD or the reporting currency; amountUsd stays USD", async () => {
    const before = await create({ period: "quarter", amount: "70", currency: "EUR" });
    expect(before.status).toBe(400);
    expect((await before.json()).error.message).toMatch(/^currency: a budget can be in USD or the reporting currency \(USD\)/);
    await setReportingCurrency("EUR");
    expect((await (await create({ period: "quarter", amount: "70", currency: "GBP" })).json()).error.message).toMatch(/USD or the reporting currency \(EUR\)/);
    expect((await (await create({ period: "quarter", amountUsd: "70", currency: "EUR" })).json()).error.message).toMatch(/currency: amountUsd is in USD; for a budget in EUR give amount/);
    expect((await (await create({ period: "quarter" })).json()).error.message).toMatch(/amountUsd: give the budget amount/);
    const res = await create({ period: "quarter", amount: "70", currency: "EUR" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ currency: "EUR", amount: "70.00" });
    id = body.id;
    const row = await pool().query("SELECT amount_usd::text AS amount, currency FROM budgets WHERE id = $1", [id]);
    expect(row.rows[0]).toEqual({ amount: "70.00", currency: "EUR" });
  });

  it("compares each day's spend at that day's rate with the amount; USD fields stay USD", async () => {
    const b = await getBudget({ kind: "user", id: 0, label: "t", role: "finance", teamIds: null, scopes: ["read"] }, id, NOW);
    expect(b).toMatchObject({
      currency: "EUR", amount: "70.00", spent: "35.80", forecast: "75.00", forecastLow: "75.00", forecastHigh: "75.00",
      status: "at_risk", runsOutOn: "2026-12-25",
      amountUsd: "87.50", spentUsd: "43.00", forecastUsd: "92.00",
    });
    // 35.80 / 70 = 0.5114285...; 75 / 70 = 1.0714285... (shares carry 6 decimals, cut)
    expect(b.spentShare).toBe(0.511428);
    expect(b.forecastShare).toBe(1.071428);
    // Burn-down in both: 14 Oct is the last day at 0.9 (12.60 = 14 x 0.90), 15 Oct the first at 0.8.
    const point = (day: string) => b.series!.find((p) => p.day === day)!;
    expect(point("2026-10-14")).toMatchObject({ actual: "12.60", actualUsd: "14.00" });
    expect(point("2026-10-15")).toMatchObject({ actual: "13.40", actualUsd: "15.00" });
    expect(point("2026-12-31")).toMatchObject({ actual: null, forecast: "75.00", forecastUsd: "92.00" });
  });

  it("alerts in the budget's currency; the alert's amount stays USD", async () => {
    const raised = await raiseBudgetAlerts(await budgetState(ALL, (await loadBudget(id))!, NOW), NOW);
    // 51% spent crosses the 50% threshold (not 80%); the forecast is over the amount.
    expect(raised.map((a) => [a.kind, a.threshold])).toEqual([["threshold", 0.5], ["forecast", null]]);
    expect(raised[0].message).toBe("Organisation has spent €35.80 of its €70.00 budget for Q4 2026 (51%), past the 50% threshold; forecast €75.00; at this rate it runs out on 2026-12-25.");
    const stored = await pool().query("SELECT amount_usd::text AS usd FROM alerts WHERE budget_id = $1 ORDER BY id", [id]);
    expect(stored.rows.map((r) => r.usd)).toEqual(["43.00", "92.00"]);
  });

  it("the report's budget vs actual carries both", async () => {
    const [r] = await budgetsVsActual(ALL, "2026-11-12", false);
    expect(r).toMatchObject({ currency: "EUR", amount: "70.00", actual: "35.80", amountUsd: "87.50", actualUsd: "43.00", status: "at_risk" });
  });

  it("PATCH changes the amount in its currency, or moves the budget to USD with amountUsd", async () => {
    const patch = (body: unknown) => patchRoute(request(`/api/v1/budgets/${id}`, { cookie: finance.cookie, method: "PATCH", body }), { params: Promise.resolve({ id: String(id) }) });
    expect(await (await patch({ amount: "80" })).json()).toMatchObject({ currency: "EUR", amount: "80.00" });
    expect(await (await patch({ amountUsd: "100" })).json()).toMatchObject({ currency: "USD", amount: "100.00", amountUsd: "100.00" });
    expect(await (await patch({ amount: "70", currency: "EUR" })).json()).toMatchObject({ currency: "EUR", amount: "70.00" });
  });

  it("a day with spend and no rate on or before it is an error naming the day", async () => {
    await ingest([call(new Date("2026-09-29T10:00:00Z"))]);
    const res = await create({ scope: { team: "search" }, period: "month", amount: "5", currency: "EUR" });
    const monthly = await loadBudget((await res.json()).id);
    await expect(budgetState(ALL, monthly!, new Date("2026-09-29T23:00:00Z"))).rejects.toThrow("no EUR exchange rate on or before 2026-09-29");
  });
});
