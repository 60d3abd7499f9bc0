import { describe, expect, it } from "vitest";
import { formatUsd, nanosToUsd, usdToNanos } from "./money";

describe("money", () => {
  it("parses decimal strings exactly", () => {
    expect(usdToNanos("0.1")).toBe(100_000_000n);
    expect(usdToNanos("12.345678901")).toBe(12_345_678_901n);
    expect(usdToNanos("0.0000000015")).toBe(2n); // half-up past 9 decimals
    expect(usdToNanos("-3")).toBe(-3_000_000_000n);
    expect(() => usdToNanos("1e5")).toThrow();
  });

  it("sums 0.1 ten times to exactly 1", () => {
    let total = 0n;
    for (let i = 0; i < 10; i++) total += usdToNanos("0.1");
    expect(nanosToUsd(total)).toBe("1.00");
  });

  it("prints decimals and people-friendly amounts", () => {
    expect(nanosToUsd(1_234_500_000n, 2)).toBe("1.23");
    expect(nanosToUsd(1_235_000_000n, 2)).toBe("1.24");
    expect(nanosToUsd(38n)).toBe("0.000000038");
    expect(formatUsd(1_234_567_890_000n)).toBe("$1,234.57");
    expect(formatUsd(38_000n)).toBe("$0.0000");
    expect(formatUsd(5_000_000n)).toBe("$0.0050");
  });
});
