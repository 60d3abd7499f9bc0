import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { budgetCrossings, reached } from "./threshold-crossings";
import { backoffDelayMs, nextAttemptAt } from "./retry-policy";

const usd = (s: string) => usdToNanos(s);

describe("budgetCrossings", () => {
  const base = { amountNanos: usd("1000"), thresholds: [0.5, 0.8, 1], alertOnForecast: true };

  it("lists every threshold the spend has reached, exactly at the boundary too", () => {
    expect(budgetCrossings({ ...base, spentNanos: usd("799.99"), forecastNanos: usd("900") })).toEqual([{ kind: "threshold", threshold: 0.5 }]);
    expect(budgetCrossings({ ...base, spentNanos: usd("800"), forecastNanos: usd("900") }).map((c) => c.threshold)).toEqual([0.5, 0.8]);
  });

  it('adds "forecast over budget" while the spend is still within the amount', () => {
    expect(budgetCrossings({ ...base, spentNanos: usd("100"), forecastNanos: usd("1000.01") })).toEqual([{ kind: "forecast", threshold: null }]);
    expect(budgetCrossings({ ...base, alertOnForecast: false, spentNanos: usd("100"), forecastNanos: usd("2000") })).toEqual([]);
    const over = budgetCrossings({ ...base, spentNanos: usd("1200"), forecastNanos: usd("2000") });
    expect(over.map((c) => c.kind)).toEqual(["threshold", "threshold", "threshold"]);
  });

  it("handles thresholds above 100% and with decimals", () => {
    expect(reached(usd("1500"), usd("1000"), 1.5)).toBe(true);
    expect(reached(usd("1499.99"), usd("1000"), 1.5)).toBe(false);
    expect(reached(usd("333.3"), usd("1000"), 0.3333)).toBe(true);
  });
});

describe("webhook retry policy", () => {
  it("backs off exponentially and gives up after the last attempt", () => {
    const policy = { baseMs: 1000, maxDelayMs: 5000, maxAttempts: 4 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, policy))).toEqual([1000, 2000, 4000, 5000, 5000]);
    const now = new Date("2026-10-01T00:00:00Z");
    expect(nextAttemptAt(1, now, policy)?.toISOString()).toBe("2026-10-01T00:00:01.000Z");
    expect(nextAttemptAt(3, now, policy)?.toISOString()).toBe("2026-10-01T00:00:04.000Z");
    expect(nextAttemptAt(4, now, policy)).toBeNull();
  });
});
