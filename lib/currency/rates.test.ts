import { describe, expect, it } from "vitest";
import { convertNanos, parseRate, rateOn, rateSeries, rateToString } from "./rates";
import { parseEcbCsv } from "./ecb-csv";

describe("conversion", () => {
  const eur = rateSeries("EUR", [
    { day: "2026-10-01", rate: parseRate("0.9", "t") },
    { day: "2026-10-05", rate: parseRate("0.95", "t") },
  ]);

  it("uses the last rate on or before the day", () => {
    expect(rateToString(rateOn(eur, "2026-10-01"))).toBe("0.9");
    // Saturday 3 October: Thursday's rate still applies.
    expect(rateToString(rateOn(eur, "2026-10-03"))).toBe("0.9");
    expect(rateToString(rateOn(eur, "2026-10-31"))).toBe("0.95");
  });

  it("refuses a day before the first rate, naming it", () => {
    expect(() => rateOn(eur, "2026-09-30")).toThrow(/no EUR exchange rate on or before 2026-09-30/);
  });

  it("converts exactly and rounds once to the nano-unit", () => {
    // $12.34 at 0.9 = EUR 11.106; 1 nano-dollar at 0.95 = 0.95 nano-euro -> 1.
    expect(convertNanos(12_340_000_000n, parseRate("0.9", "t"))).toBe(11_106_000_000n);
    expect(convertNanos(1n, parseRate("0.95", "t"))).toBe(1n);
    expect(convertNanos(1n, parseRate("0.45", "t"))).toBe(0n);
  });
});

describe("parseEcbCsv", () => {
  it("crosses ECB per-EUR rates into rates per USD", () => {
    const csv = "Date,USD,JPY,GBP,\n2026-11-30,1.25,160.00,0.8,\n2026-11-27,1.2,N/A,0.75,\n";
    const parsed = parseEcbCsv(csv);
    // EUR per USD = 1 / 1.25 = 0.8; JPY per USD = 160 / 1.25 = 128; GBP = 0.8 / 1.25 = 0.64.
    // 27 Nov: EUR = 1 / 1.2 = 0.833333333333 (12 decimals, half up); GBP = 0.75 / 1.2 = 0.625; JPY not available.
    expect(parsed.rates.map((r) => [r.day, r.currency, rateToString(r.rate)])).toEqual([
      ["2026-11-30", "EUR", "0.8"],
      ["2026-11-30", "JPY", "128"],
      ["2026-11-30", "GBP", "0.64"],
      ["2026-11-27", "EUR", "0.833333333333"],
      ["2026-11-27", "GBP", "0.625"],
    ]);
    expect(parsed.notAvailable).toBe(1);
  });

  it("reads the daily file's dates and names bad lines", () => {
    expect(parseEcbCsv("Date, USD, INR\n30 November 2026, 1.25, 100\n").rates.map((r) => [r.day, r.currency, rateToString(r.rate)])).toEqual([
      ["2026-11-30", "EUR", "0.8"],
      ["2026-11-30", "INR", "80"],
    ]);
    expect(() => parseEcbCsv("Date,USD\n2026-13-01,1.1\n")).toThrow(/line 2: "2026-13-01" is not a date/);
    expect(() => parseEcbCsv("Date,USD,JPY\n2026-11-30,1.1,abc\n")).toThrow(/line 2, JPY: "abc" is not a positive decimal rate/);
    expect(() => parseEcbCsv("Date,JPY\n2026-11-30,160\n")).toThrow(/no USD column/);
  });
});
