import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, request, usageEvent, userWithSession } from "@/tests/factories";
import { pool } from "@/lib/db/pool";
import { usdToNanos } from "@/lib/money";
import { createPriceOverride } from "@/lib/pricing/overrides-admin";
import { GET } from "@/app/api/v1/reports/monthly/route";
import { focusSpec } from "./testing/focus-spec";
import { checkColumnRules, parseCsv } from "./testing/focus-csv";
import { decimalAtScale } from "./testing/exact-decimal-math";
import type { FocusVersion } from "./focus-columns";

useTestDatabase();

let admin: { cookie: string };

async function exportFocus(version?: FocusVersion) {
  const res = await GET(request(`/api/v1/reports/monthly?month=2026-10&format=focus${version ? `&focusVersion=${version}` : ""}`, { cookie: admin.cookie }));
  expect(res.status).toBe(200);
  const text = await res.text();
  return { header: text.split("\r\n")[0].split(","), rows: parseCsv(text) };
}

const at = (day: string) => new Date(`${day}T10:00:00Z`);

beforeAll(async () => {
  // A negotiated gpt-4o price from 1 October, below the catalogue's $2.50 / $1.25 cached / $10 output per Mtok.
  await createPriceOverride(
    { provider: "openai", model: "gpt-4o", inputPerMtok: "2", cachedInputPerMtok: "1", cacheWritePerMtok: null, outputPerMtok: "8", validFrom: "2026-10-01", note: null },
    { label: "test", userId: null },
  );
  await ingest([
    // 10 calls: 1,000 input of which 400 cached, 100 output, at the negotiated price:
    // 600 x $2/M + 400 x $1/M + 100 x $8/M = $0.0012 + $0.0004 + $0.0008 = $0.0024 a call, $0.024 in all.
    ...Array.from({ length: 10 }, () => usageEvent({ occurredAt: at("2026-10-05"), inputTokens: 1000, cachedInputTokens: 400, outputTokens: 100 })),
    // One long-context call: 300,000 input (> 200k: $6/M) and 1,000 output ($22.50/M) = $1.80 + $0.0225 = $1.8225.
    usageEvent({ occurredAt: at("2026-10-06"), provider: "anthropic", model: "claude-sonnet-4-5", inputTokens: 300_000, outputTokens: 1000, team: "sales", workload: "call-summaries" }),
    // Two batch calls of 1,000 input on gpt-4o: the negotiated $2/M less the 50% batch discount = $1/M -> $0.002.
    ...Array.from({ length: 2 }, () => usageEvent({ occurredAt: at("2026-10-07"), inputTokens: 1000, outputTokens: 0, batch: true })),
  ]);
  admin = await userWithSession("admin@focus.test", "admin");
});

describe("FOCUS export (format=focus)", () => {
  for (const version of ["1.3", "1.2"] as const) {
    it(`FOCUS ${version}: mandatory columns, nullability, data types and allowed values as the specification text states them`, async () => {
      const { header, rows } = await exportFocus(version);
      const spec = focusSpec(version);
      checkColumnRules(header, rows, spec);
      // SkuMeter MUST be null when SkuId is null and SHOULD NOT be null otherwise (skumeter.md).
      for (const r of rows) expect(r.SkuMeter === "", r.SkuId).toBe(r.SkuId === "");
      if (version === "1.2") expect(header).not.toContain("ServiceProviderName");
    });
  }

  it("1.3 is the default and names the service and host providers (HostProviderName equals ServiceProviderName when no host is exposed)", async () => {
    const { header, rows } = await exportFocus();
    expect(header).toEqual(expect.arrayContaining(["ServiceProviderName", "HostProviderName"]));
    const rule = focusSpec("1.3").get("HostProviderName")!;
    expect(rule.requirements).toContain("HostProviderName MUST equal [ServiceProviderName](#serviceprovidername) in all other cases.");
    for (const r of rows) expect(r.HostProviderName).toBe(r.ServiceProviderName);
    expect(new Set(rows.map((r) => r.ServiceProviderName))).toEqual(new Set(["OpenAI", "Anthropic"]));
  });

  it("one charge per token type with the price of its tier; costs worked out by hand", async () => {
    const { rows } = await exportFocus();
    const pick = (model: string, meter: string, batch = "false") => rows.find((r) => r.x_ModelName === model && r.x_TokenType === meter && r.x_Batch === batch)!;
    // gpt-4o, 10 calls: 6,000 uncached input, 4,000 cached, 1,000 output (see beforeAll).
    expect(pick("gpt-4o", "input")).toMatchObject({
      ConsumedQuantity: "6000", ConsumedUnit: "Tokens", SkuMeter: "Input tokens", PricingQuantity: "0.006", PricingUnit: "1000000 Tokens",
      ListUnitPrice: "2.5", ContractedUnitPrice: "2", ListCost: "0.015", ContractedCost: "0.012", BilledCost: "0.012", EffectiveCost: "0.012",
      x_PriceSource: "override", x_Requests: "10",
    });
    expect(pick("gpt-4o", "cached_input")).toMatchObject({ ConsumedQuantity: "4000", ListUnitPrice: "1.25", ContractedUnitPrice: "1", ListCost: "0.005", ContractedCost: "0.004", BilledCost: "0.004", x_Requests: "0" });
    expect(pick("gpt-4o", "output")).toMatchObject({ ConsumedQuantity: "1000", ListUnitPrice: "10", ContractedUnitPrice: "8", ListCost: "0.01", ContractedCost: "0.008", BilledCost: "0.008" });
    // Long context: 300,000 input at $6/M = $1.80; 1,000 output at $22.50/M = $0.0225; its own SkuPriceId.
    expect(pick("claude-sonnet-4-5", "input")).toMatchObject({ ListUnitPrice: "6", ContractedUnitPrice: "6", PricingQuantity: "0.3", ListCost: "1.8", BilledCost: "1.80", SkuPriceId: "anthropic/claude-sonnet-4-5/input/standard/long-context" });
    expect(pick("claude-sonnet-4-5", "output")).toMatchObject({ ListUnitPrice: "22.5", ListCost: "0.0225", BilledCost: "0.0225" });
    // Batch: half of the negotiated $2 (contracted) and half of the catalogue's $2.50 (list).
    expect(pick("gpt-4o", "input", "true")).toMatchObject({ ConsumedQuantity: "2000", ContractedUnitPrice: "1", ListUnitPrice: "1.25", ContractedCost: "0.002", ListCost: "0.0025", BilledCost: "0.002", SkuPriceId: "openai/gpt-4o/input/batch" });
  });

  it("ListCost = ListUnitPrice x PricingQuantity and ContractedCost = ContractedUnitPrice x PricingQuantity, exactly", async () => {
    const spec = focusSpec("1.3");
    // The rules as the specification words them (listunitprice.md, contractedunitprice.md; 1.2 says "MUST match",
    // the 1.3 draft "MUST equal").
    const rule = (col: string, cost: string) => new RegExp(`product of ${col} and \\[PricingQuantity\\].* MUST match the \\[${cost}\\]|${cost}.* MUST equal the product of ${col}`);
    expect(spec.get("ListUnitPrice")!.requirements.join("\n")).toMatch(rule("ListUnitPrice", "ListCost"));
    expect(spec.get("ContractedUnitPrice")!.requirements.join("\n")).toMatch(rule("ContractedUnitPrice", "ContractedCost"));
    const { rows } = await exportFocus();
    for (const r of rows) {
      expect(decimalAtScale(r.ListUnitPrice, 12) * decimalAtScale(r.PricingQuantity, 12), r.SkuId).toBe(decimalAtScale(r.ListCost, 24));
      expect(decimalAtScale(r.ContractedUnitPrice, 12) * decimalAtScale(r.PricingQuantity, 12), r.SkuId).toBe(decimalAtScale(r.ContractedCost, 24));
    }
  });

  it("BilledCost sums to the month (against the raw usage_events), and ListCost >= ContractedCost where the negotiated price is lower", async () => {
    const { rows } = await exportFocus();
    // $0.024 + $1.8225 + $0.002 = $1.8485, worked out above; usage_events agrees.
    const raw = await pool().query<{ cost: string }>("SELECT sum(cost_nanos)::text AS cost FROM usage_events WHERE occurred_at >= '2026-10-01' AND occurred_at < '2026-11-01'");
    expect(raw.rows[0].cost).toBe("1848500000");
    for (const column of ["BilledCost", "EffectiveCost"]) expect(rows.reduce((s, r) => s + usdToNanos(r[column]), 0n), column).toBe(1_848_500_000n);
    for (const r of rows.filter((x) => x.x_PriceSource === "override")) {
      expect(decimalAtScale(r.ListCost, 20) >= decimalAtScale(r.ContractedCost, 20), r.SkuId).toBe(true);
      expect(decimalAtScale(r.ListUnitPrice, 12) > decimalAtScale(r.ContractedUnitPrice, 12), r.SkuId).toBe(true);
    }
    expect(rows.reduce((s, r) => s + Number(r.x_Requests), 0)).toBe(13);
  });
});
