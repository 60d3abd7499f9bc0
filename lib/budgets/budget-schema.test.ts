import { describe, expect, it } from "vitest";
import { CreateBudgetSchema, UpdateBudgetSchema } from "./budget-schema";

const errorOf = (input: unknown) => {
  const r = CreateBudgetSchema.safeParse(input);
  return r.success ? null : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
};

describe("CreateBudgetSchema", () => {
  it("accepts the documented example and normalises it", () => {
    const b = CreateBudgetSchema.parse({ scope: { team: "search" }, period: "month", amountUsd: "25000", thresholds: [1.0, 0.5, 0.8, 0.8] });
    expect(b).toMatchObject({ scope: { team: "search" }, period: "month", amountUsd: "25000.00", thresholds: [0.5, 0.8, 1], alertOnForecast: true, alertOnAnomaly: true });
    expect(CreateBudgetSchema.parse({ period: "year", amountUsd: 1250.5 })).toMatchObject({ scope: {}, amountUsd: "1250.50", thresholds: [0.5, 0.8, 1] });
  });

  it("refuses zero, negative and sub-cent amounts with a clear message", () => {
    expect(errorOf({ period: "month", amountUsd: "0" })).toBe('amountUsd: must be greater than zero, got "0"');
    expect(errorOf({ period: "month", amountUsd: "-5" })).toBe('amountUsd: must be greater than zero, got "-5"');
    expect(errorOf({ period: "month", amountUsd: "12.345" })).toMatch(/amountUsd: has more than 2 decimals/);
    expect(errorOf({ period: "month", amountUsd: "lots" })).toMatch(/amountUsd: must be an amount in USD/);
  });

  it("refuses thresholds outside 0-1000% naming the entry", () => {
    expect(errorOf({ period: "month", amountUsd: "10", thresholds: [0.5, 12] })).toMatch(/^thresholds\.1: 12 is outside the allowed range: .* at most 10 \(1000%\)/);
    expect(errorOf({ period: "month", amountUsd: "10", thresholds: [0] })).toMatch(/^thresholds\.0: 0 is outside/);
    expect(errorOf({ period: "month", amountUsd: "10", thresholds: [-0.5] })).toMatch(/^thresholds\.0/);
    expect(errorOf({ period: "month", amountUsd: "10", thresholds: [10] })).toBeNull();
  });

  it("refuses unknown fields, two scopes at once, a bad period and a non-http webhook", () => {
    expect(errorOf({ period: "month", amountEur: "10", amountUsd: "10" })).toMatch(/Unrecognized key/);
    // amount (with currency) is the other way to give the amount: one of the two.
    expect(errorOf({ period: "month", amount: "10", amountUsd: "10" })).toBe("amount: give amountUsd (USD) or amount with currency, not both");
    expect(errorOf({ scope: { team: "a", workload: "b" }, period: "month", amountUsd: "10" })).toMatch(/scope: give a team or a workload, not both/);
    expect(errorOf({ period: "week", amountUsd: "10" })).toMatch(/period: must be one of month, quarter, year/);
    expect(errorOf({ period: "month", amountUsd: "10", webhookUrl: "ftp://x.example/hook" })).toMatch(/webhookUrl: must be an http/);
  });

  it("PATCH takes any subset but not the scope", () => {
    expect(UpdateBudgetSchema.parse({ amountUsd: "300" })).toEqual({ amountUsd: "300.00" });
    expect(UpdateBudgetSchema.safeParse({ scope: {} }).success).toBe(false);
  });
});
