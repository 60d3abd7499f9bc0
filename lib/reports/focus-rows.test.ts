import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { createPricer } from "@/lib/pricing";
import { FOCUS_COLUMNS, FOCUS_MANDATORY } from "./focus-columns";
import { focusRecords, perMillion, type FocusContext } from "./focus-rows";
import { splitByWeights, tokensByType } from "./token-cost-split";
import { csvField, csvLine } from "./csv";
import { mergeBatch } from "./report-csv";
import { reportMonth } from "./report-month";
import type { UsageRow } from "./usage-rows";

const row = (over: Partial<UsageRow> = {}): UsageRow => ({
  day: "2026-10-05",
  team: "search",
  teamName: "Search & Discovery",
  workload: "query-rewrite",
  workloadName: "Query rewrite",
  provider: "openai",
  model: "gpt-4o",
  tier: "mid",
  batch: false,
  requests: 10,
  inputTokens: 10_000,
  cachedInputTokens: 4_000,
  cacheWriteTokens: 0,
  outputTokens: 2_000,
  reasoningTokens: 0,
  costNanos: usdToNanos("0.04"),
  unpricedRequests: 0,
  ...over,
});

const ctx: FocusContext = { month: "2026-10", contracted: createPricer([]), list: createPricer([]), overrideFrom: new Map() };

describe("FOCUS 1.2 records", () => {
  it("carry every mandatory column with FOCUS types, one Usage charge per token type", () => {
    const records = focusRecords(row(), ctx);
    expect(records.map((r) => r.x_TokenType)).toEqual(["input", "cached_input", "output"]);
    for (const name of FOCUS_MANDATORY) expect(FOCUS_COLUMNS.map((c) => c.name)).toContain(name);
    for (const r of records) {
      for (const c of FOCUS_COLUMNS) {
        const v = r[c.name];
        expect(v === null ? c.nullable : true, `${c.name} may not be null`).toBe(true);
        if (v === null) continue;
        if (c.type === "Decimal") expect(v, c.name).toMatch(/^-?\d+(\.\d+)?$/);
        if (c.type === "DateTime") expect(v, c.name).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        if (c.type === "JSON") expect(() => JSON.parse(v)).not.toThrow();
      }
      expect(r).toMatchObject({
        ChargeCategory: "Usage",
        ChargeClass: null,
        ServiceCategory: "AI and Machine Learning",
        BillingCurrency: "USD",
        BillingPeriodStart: "2026-10-01T00:00:00Z",
        BillingPeriodEnd: "2026-11-01T00:00:00Z",
        ChargePeriodStart: "2026-10-05T00:00:00Z",
        ChargePeriodEnd: "2026-10-06T00:00:00Z",
        ProviderName: "OpenAI",
        PricingUnit: "1000000 Tokens",
        ConsumedUnit: "Tokens",
      });
      expect(JSON.parse(r.Tags!)).toEqual({ team: "search", workload: "query-rewrite" });
      expect(r.SkuId).toBe(`openai/gpt-4o/${r.x_TokenType}`);
    }
    expect(records.map((r) => r.ConsumedQuantity)).toEqual(["6000", "4000", "2000"]);
    expect(records[0].PricingQuantity).toBe("0.006");
  });

  it("split the row's cost by token prices and add up to it exactly; requests counted once", () => {
    const records = focusRecords(row({ costNanos: 40_000_001n }), ctx);
    const total = records.reduce((s, r) => s + usdToNanos(r.BilledCost!), 0n);
    expect(total).toBe(40_000_001n);
    // gpt-4o: input $2.50, cached $1.25, output $10 per Mtok -> weights 6000*2.5 : 4000*1.25 : 2000*10 = 15 : 5 : 20
    expect(records.map((r) => r.BilledCost)).toEqual(["0.015", "0.005", "0.020000001"]); // the spare nano goes to the largest remainder
    expect(records.map((r) => r.x_Requests)).toEqual(["10", "0", "0"]);
    for (const r of records) expect(r.ListCost).toBe(r.ContractedCost);
  });

  it("show the catalogue price as ListCost where a negotiated override applies", () => {
    const overridden = { ...ctx, overrideFrom: new Map([["openai/gpt-4o", "2026-10-01"]]) };
    const records = focusRecords(row({ costNanos: usdToNanos("0.02"), cachedInputTokens: 0, inputTokens: 10_000 }), overridden);
    expect(records.map((r) => [r.x_TokenType, r.BilledCost, r.ListCost])).toEqual([
      ["input", "0.011111111", "0.025"],
      ["output", "0.008888889", "0.02"],
    ]);
  });

  it("keep unpriced usage visible at $0", () => {
    const records = focusRecords(row({ model: "in-house-llm", costNanos: 0n, unpricedRequests: 10 }), ctx);
    expect(records.every((r) => r.BilledCost === "0.00")).toBe(true);
    expect(records[0].ChargeDescription).toMatch(/10 requests without a known price, counted at \$0/);
  });
});

describe("helpers", () => {
  it("splitByWeights is exact and deterministic (largest remainder)", () => {
    const w = { input: 1n, cached_input: 1n, cache_write: 1n, output: 0n, reasoning: 0n };
    expect(splitByWeights(10n, w)).toEqual({ input: 4n, cached_input: 3n, cache_write: 3n, output: 0n, reasoning: 0n });
    expect(splitByWeights(-10n, w)).toEqual({ input: -4n, cached_input: -3n, cache_write: -3n, output: 0n, reasoning: 0n });
    expect(splitByWeights(7n, { input: 0n, cached_input: 0n, cache_write: 0n, output: 0n, reasoning: 0n }).input).toBe(7n);
  });

  it("tokensByType separates the subsets", () => {
    expect(tokensByType({ inputTokens: 100, cachedInputTokens: 30, cacheWriteTokens: 20, outputTokens: 50, reasoningTokens: 40 })).toEqual({ input: 50, cached_input: 30, cache_write: 20, output: 10, reasoning: 40 });
  });

  it("perMillion, CSV quoting and batch merging", () => {
    expect([perMillion(0), perMillion(1), perMillion(1_500_000), perMillion(2_000_000)]).toEqual(["0", "0.000001", "1.5", "2"]);
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvLine(["x", null, 3])).toBe("x,,3\r\n");
    const merged = mergeBatch([row(), row({ batch: true, costNanos: 5n, requests: 1 })]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ requests: 11, costNanos: usdToNanos("0.04") + 5n });
  });

  it("reportMonth: complete months, the month in progress, bad input", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    expect(reportMonth("2026-10", now)).toMatchObject({ from: "2026-10-01", to: "2026-10-31", complete: true, previous: { month: "2026-09", from: "2026-09-01", to: "2026-09-30" } });
    expect(reportMonth("2026-11", now)).toMatchObject({ to: "2026-11-23", complete: false, previous: { to: "2026-10-23" } });
    expect(() => reportMonth("2026-12", now)).toThrow(/has not started yet/);
    expect(() => reportMonth("2026-13", now)).toThrow(/not a month/);
  });
});
