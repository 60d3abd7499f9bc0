import { describe, expect, it } from "vitest";
import { savingClass, signedUsd, usd, usdAxis, usdPrice, usdUnit } from "./money";

describe("the one money formatter", () => {
  it("prints cents, and small amounts with two significant digits instead of $0.00", () => {
    expect(usd("1234.567")).toBe("$1,234.57");
    expect(usd("0.01")).toBe("$0.01");
    expect(usd("0")).toBe("$0.00");
    // 0.0042 USD = 4,200,000 nanos: 7 digits -> 4 decimals
    expect(usd("0.0042")).toBe("$0.0042");
    // 0.000052 USD = 52,000 nanos: 5 digits -> 6 decimals
    expect(usd("0.000052")).toBe("$0.000052");
    // 0.00456 rounds to two significant digits: $0.0046
    expect(usd("0.00456")).toBe("$0.0046");
    expect(usd("-0.003")).toBe("-$0.003");
    expect(usd(null)).toBe("—");
    expect(usd(12.5)).toBe("$12.50");
  });

  it("signs changes", () => {
    expect(signedUsd("12.4")).toBe("+$12.40");
    expect(signedUsd("-3.1")).toBe("-$3.10");
    expect(signedUsd("0")).toBe("$0.00");
  });

  it("unit costs keep four decimals under a dollar", () => {
    expect(usdUnit("0.03751")).toBe("$0.0375");
    expect(usdUnit("2.5")).toBe("$2.50");
    expect(usdUnit("0")).toBe("$0");
    expect(usdUnit("0.000052")).toBe("$0.000052");
  });

  it("prices keep every stored digit", () => {
    expect(usdPrice("0.0375")).toBe("$0.0375");
    expect(usdPrice("2.5")).toBe("$2.50");
  });

  it("axis ticks stay apart, tiny ones are not $0.00", () => {
    expect([0, 0.4, 1.2].map(usdAxis)).toEqual(["$0", "$0.40", "$1.20"]);
    expect(usdAxis(0.004)).toBe("$0.004");
    expect(usdAxis(12_500)).toBe("$13k");
  });

  it("a zero saving is not green", () => {
    expect(savingClass("0.00")).toBe("");
    expect(savingClass("-0")).toBe("");
    expect(savingClass("0.000000001")).toBe("delta-down");
    expect(savingClass("-1")).toBe("delta-up");
  });
});
