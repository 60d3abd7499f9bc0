import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { usdToNanos } from "@/lib/money";
import type { Principal } from "@/lib/auth/principal";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import { buildMonthlyReport } from "@/lib/reports/monthly-report";
import { GET } from "@/app/api/v1/reports/monthly/route";
import { focusSpec } from "./testing/focus-spec";
import { checkColumnRules, parseCsv } from "./testing/focus-csv";
import { decimalAtScale } from "./testing/exact-decimal-math";

/**
 * Issue 15.5: server-side tool calls are their own FOCUS charges (non-token, per call), billed exactly what was
 * stored as tool cost, at the dated tool rate. Two calls on 2026-10-05:
 *   gpt-4o (override from Oct 1: input $2/M, web search $8 per 1,000; file search left to the catalogue's $2.50;
 *     the catalogue's web search is $10): 1,000 input tokens, 2 web searches, 4 file searches
 *     tokens 1,000 x $2/M = $0.002; web 2 x $8/1k = $0.016; file 4 x $2.50/1k = $0.01  -> $0.028
 *   claude-sonnet-4-5 (catalogue: $3/M in, $15/M out, web search $10 per 1,000): 100,000 in, 10,000 out, 25 searches
 *     tokens $0.30 + $0.15 = $0.45; web 25 x $10/1k = $0.25                               -> $0.70
 *   month: $0.728, of which tool charges $0.016 + $0.01 + $0.25 = $0.276.
 */
useTestDatabase();

const admin: Principal = { kind: "user", id: 1, label: "admin", role: "admin", teamIds: null, scopes: ["read"] };
let cookie: { cookie: string };
const at = new Date("2026-10-05T10:00:00Z");

beforeAll(async () => {
  await createPriceOverride(
    { provider: "openai", model: "gpt-4o", inputPerMtok: "2", cachedInputPerMtok: null, cacheWritePerMtok: null, outputPerMtok: "8", webSearchPerK: "8", validFrom: "2026-10-01", note: "test" },
    { label: "test", userId: null },
  );
  await ingest([
    usageEvent({ occurredAt: at, inputTokens: 1000, outputTokens: 0, team: "search", workload: "answers", tags: { "openai.web_search_calls": "2", "openai.file_search_calls": "4" } }),
    usageEvent({ occurredAt: at, provider: "anthropic", model: "claude-sonnet-4-5", inputTokens: 100_000, outputTokens: 10_000, team: "search", workload: "research", tags: { "anthropic.web_search_requests": "25" } }),
  ]);
  cookie = await userWithSession("admin@focus-tools.test", "admin");
});

async function exportFocus(version: "1.3" | "1.2" = "1.3") {
  const res = await GET(request(`/api/v1/reports/monthly?month=2026-10&format=focus&focusVersion=${version}`, cookie));
  expect(res.status).toBe(200);
  const text = await res.text();
  return { header: text.split("\r\n")[0].split(","), rows: parseCsv(text) };
}

describe("FOCUS non-token charges: server-side tools", () => {
  it("a charge per tool with calls: Usage, Requests per 1,000, the dated tool rate as list and contracted price", async () => {
    const { rows } = await exportFocus();
    const pick = (model: string, meter: string) => rows.find((r) => r.x_ModelName === model && r.x_TokenType === meter);
    expect(pick("gpt-4o", "web_search")).toMatchObject({
      ChargeCategory: "Usage", ChargeFrequency: "Usage-Based", SkuId: "openai/gpt-4o/web_search", SkuMeter: "Web search calls",
      ConsumedQuantity: "2", ConsumedUnit: "Requests", PricingQuantity: "0.002", PricingUnit: "1000 Requests",
      // Contracted: the override's $8 per 1,000; list: the catalogue's $10 per 1,000 in force on Oct 5.
      ContractedUnitPrice: "8", ListUnitPrice: "10", ContractedCost: "0.016", ListCost: "0.02", BilledCost: "0.016", EffectiveCost: "0.016",
      x_Requests: "0",
    });
    // The override leaves file search to the catalogue: $2.50 per 1,000 both ways; 4 x $2.50/1k = $0.01.
    expect(pick("gpt-4o", "file_search")).toMatchObject({ ConsumedQuantity: "4", ConsumedUnit: "Requests", PricingQuantity: "0.004", ContractedUnitPrice: "2.5", ListUnitPrice: "2.5", BilledCost: "0.01", ListCost: "0.01" });
    expect(pick("gpt-4o", "file_search")!.ChargeDescription).toMatch(/file search calls \(server-side tool, not tokens\)/);
    // The token charge carries only the tokens: 1,000 x $2/M = $0.002 (not $0.028).
    expect(pick("gpt-4o", "input")).toMatchObject({ BilledCost: "0.002", ContractedCost: "0.002", x_Requests: "1" });
    expect(pick("claude-sonnet-4-5", "web_search")).toMatchObject({ ConsumedQuantity: "25", PricingQuantity: "0.025", ListUnitPrice: "10", ContractedUnitPrice: "10", BilledCost: "0.25", ListCost: "0.25" });
    expect(pick("claude-sonnet-4-5", "input")).toMatchObject({ BilledCost: "0.30" });
    expect(pick("claude-sonnet-4-5", "output")).toMatchObject({ BilledCost: "0.15" });
    // No file search on the Claude call: no charge for it.
    expect(pick("claude-sonnet-4-5", "file_search")).toBeUndefined();
  });

  it("BilledCost of the export sums to the report's total including tool charges", async () => {
    const { rows } = await exportFocus();
    const report = await buildMonthlyReport(admin, "2026-10");
    // $0.028 + $0.70 = $0.728 (see above); tool charges $0.276.
    expect(report.totals.costUsd).toBe("0.728");
    expect(report.nonToken.serverToolsCostUsd).toBe("0.276");
    for (const column of ["BilledCost", "EffectiveCost"]) expect(rows.reduce((s, r) => s + usdToNanos(r[column]), 0n), column).toBe(usdToNanos(report.totals.costUsd));
    const tools = rows.filter((r) => r.ConsumedUnit === "Requests");
    expect(tools.reduce((s, r) => s + usdToNanos(r.BilledCost), 0n)).toBe(usdToNanos(report.nonToken.serverToolsCostUsd));
  });

  for (const version of ["1.3", "1.2"] as const) {
    it(`FOCUS ${version} rules still hold with tool charges: columns, nulls, allowed values, unit price x quantity`, async () => {
      const { header, rows } = await exportFocus(version);
      checkColumnRules(header, rows, focusSpec(version));
      for (const r of rows) {
        expect(decimalAtScale(r.ListUnitPrice, 12) * decimalAtScale(r.PricingQuantity, 12), r.SkuId).toBe(decimalAtScale(r.ListCost, 24));
        expect(decimalAtScale(r.ContractedUnitPrice, 12) * decimalAtScale(r.PricingQuantity, 12), r.SkuId).toBe(decimalAtScale(r.ContractedCost, 24));
      }
    });
  }
});
