import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { usdToNanos } from "@/lib/money";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import { GET as reportRoute } from "@/app/api/v1/reports/monthly/route";
import { GET as currencyGet, PUT as currencyPut } from "@/app/api/v1/currency/route";
import { POST as ratesPost } from "@/app/api/v1/exchange-rates/route";

useTestDatabase();

let admin: { cookie: string };
let viewer: { cookie: string };

function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split("\r\n").filter(Boolean);
  const split = (line: string) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]));
  const header = split(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i], v])));
}

const calls = (n: number, day: string) => Array.from({ length: n }, () => usageEvent({ occurredAt: new Date(`${day}T10:00:00Z`), provider: "acme", model: "acme-1", inputTokens: 100_000, outputTokens: 0 }));

beforeAll(async () => {
  // acme-1 at $1 per million input tokens: a call of 100,000 tokens costs $0.10.
  await createPriceOverride({ provider: "acme", model: "acme-1", inputPerMtok: "1", outputPerMtok: "1", cachedInputPerMtok: null, cacheWritePerMtok: null, validFrom: "2026-01-01", note: null }, { label: "test", userId: null });
  // $10 on Friday 2 October, $20 on Tuesday 6 October, $5 on Wednesday 30 September.
  await ingest([...calls(100, "2026-10-02"), ...calls(200, "2026-10-06"), ...calls(50, "2026-09-30")]);
  admin = await userWithSession("admin@currency.test", "admin");
  viewer = await userWithSession("viewer@currency.test", "viewer");
});

describe("reporting currency", () => {
  it("imports ECB reference rates (per EUR) as rates per USD, and sets EUR as the reporting currency", async () => {
    // ECB: USD per EUR 1.25 on 1 Oct (EUR per USD = 0.8), 1.0 on 5 Oct (EUR per USD = 1); GBP 0.9 -> 0.72 and 0.9.
    const csv = "Date,USD,JPY,GBP,\n2026-10-05,1.0,N/A,0.9,\n2026-10-01,1.25,150,0.9,\n";
    const res = await ratesPost(request("/api/v1/exchange-rates", { cookie: admin.cookie, method: "POST", body: csv, headers: { "content-type": "text/csv" } }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ stored: 5, days: 2, currencies: ["EUR", "GBP", "JPY"], notAvailable: 1 });
    const put = await currencyPut(request("/api/v1/currency", { cookie: admin.cookie, method: "PUT", body: { reportingCurrency: "EUR" } }));
    expect(put.status).toBe(200);
    const status = await (await currencyGet(request("/api/v1/currency", { cookie: viewer.cookie }))).json();
    expect(status.reportingCurrency).toBe("EUR");
    expect(status.rates.find((r: { currency: string }) => r.currency === "EUR")).toEqual({ currency: "EUR", firstDay: "2026-10-01", lastDay: "2026-10-05", days: 2 });
    // Only admins change settings.
    expect((await currencyPut(request("/api/v1/currency", { cookie: viewer.cookie, method: "PUT", body: { reportingCurrency: "GBP" } }))).status).toBe(403);
  });

  it("converts each day at the last rate on or before it: the report and FOCUS in EUR", async () => {
    // 2 Oct: $10 at 0.8 (1 Oct's rate) = EUR 8.00; 6 Oct: $20 at 1.0 (5 Oct's rate) = EUR 20.00. Total EUR 28.00.
    const report = await (await reportRoute(request("/api/v1/reports/monthly?month=2026-10", { cookie: admin.cookie }))).json();
    expect(report.totals.costUsd).toBe("30.00");
    expect(report.reportingCurrency).toMatchObject({ currency: "EUR", cost: "28.00" });
    // September needs a rate on or before 30 September: there is none, so its conversion is "n/a", never 1.0.
    expect(report.reportingCurrency.previousCost).toBe("n/a");

    const focus = parseCsv(await (await reportRoute(request("/api/v1/reports/monthly?month=2026-10&format=focus", { cookie: admin.cookie }))).text());
    expect(new Set(focus.map((r) => r.BillingCurrency))).toEqual(new Set(["EUR"]));
    expect(new Set(focus.map((r) => r.PricingCurrency))).toEqual(new Set(["USD"]));
    expect(focus.reduce((s, r) => s + usdToNanos(r.BilledCost), 0n)).toBe(28_000_000_000n);
    expect(focus.reduce((s, r) => s + usdToNanos(r.PricingCurrencyEffectiveCost), 0n)).toBe(30_000_000_000n);
    // $1/M on 2 Oct at 0.8 = EUR 0.8 per million tokens; PricingQuantity 10 -> ListCost EUR 8.
    const oct2 = focus.find((r) => r.ChargePeriodStart.startsWith("2026-10-02"))!;
    expect(oct2).toMatchObject({ ListUnitPrice: "0.8", ContractedUnitPrice: "0.8", PricingCurrencyListUnitPrice: "1", PricingQuantity: "10", ListCost: "8", BilledCost: "8.00" });
  });

  it("a month with a day before the first rate is an error naming that day", async () => {
    const res = await reportRoute(request("/api/v1/reports/monthly?month=2026-09", { cookie: admin.cookie }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/no EUR exchange rate on or before 2026-09-30/);
  });

  it("enters rates by hand and refuses bad ones, naming the field", async () => {
    const ok = await ratesPost(request("/api/v1/exchange-rates", { cookie: admin.cookie, method: "POST", body: { rates: [{ day: "2026-09-01", currency: "EUR", unitsPerUsd: "0.9" }] } }));
    expect(ok.status).toBe(201);
    // Now September converts: $5 on 30 Sep at 0.9 (1 Sep's rate) = EUR 4.50.
    const sep = await (await reportRoute(request("/api/v1/reports/monthly?month=2026-09", { cookie: admin.cookie }))).json();
    expect(sep.reportingCurrency.cost).toBe("4.50");
    const bad = await ratesPost(request("/api/v1/exchange-rates", { cookie: admin.cookie, method: "POST", body: { rates: [{ day: "2026-09-01", currency: "eur", unitsPerUsd: "-1" }] } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/currency/);
  });
});
