import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { forecastBudget, type DaySpend } from "./forecast-budget";
import { periodContaining } from "./period";
import { weekdayRates } from "./run-rate";
import { eachDay, weekdayOf } from "./utc-days";

const usd = (s: string) => usdToNanos(s);

/** Weekdays $100, weekends $10: the office rhythm most AI spend has. */
function officeRhythm(from: string, to: string, overrides: Record<string, string> = {}): DaySpend[] {
  return eachDay(from, to).map((day) => {
    const wd = weekdayOf(day);
    return { day, costNanos: usd(overrides[day] ?? (wd === 0 || wd === 6 ? "10" : "100")) };
  });
}

describe("periodContaining", () => {
  it("gives UTC month, quarter and year bounds with their keys", () => {
    expect(periodContaining("month", "2026-10-14")).toEqual({ start: "2026-10-01", end: "2026-10-31", key: "2026-10" });
    expect(periodContaining("month", "2028-02-10")).toEqual({ start: "2028-02-01", end: "2028-02-29", key: "2028-02" });
    expect(periodContaining("quarter", "2026-11-05")).toEqual({ start: "2026-10-01", end: "2026-12-31", key: "2026-Q4" });
    expect(periodContaining("quarter", "2026-01-01")).toEqual({ start: "2026-01-01", end: "2026-03-31", key: "2026-Q1" });
    expect(periodContaining("year", "2026-06-30")).toEqual({ start: "2026-01-01", end: "2026-12-31", key: "2026" });
  });
});

describe("weekdayRates", () => {
  it("uses the median of the same weekday: one runaway Tuesday widens the range but does not raise the forecast", () => {
    // 2026-10-06 is a Tuesday; history = the 28 days up to 2026-10-14.
    const spend = officeRhythm("2026-09-17", "2026-10-14", { "2026-10-06": "1000" });
    const rates = weekdayRates({ spendByDay: new Map(spend.map((s) => [s.day, s.costNanos])), historyEnd: "2026-10-14" });
    // Tuesdays 100, 100, 1000, 100 -> sorted 100,100,100,1000: median 100, p25 100, p75 = 100 + 0.25*900 = 325
    expect(rates[2]).toEqual({ expected: usd("100"), low: usd("100"), high: usd("325"), samples: 4 });
    expect(rates[6].expected).toBe(usd("10"));
  });

  it("gives the 25th-75th percentile range of the weekday", () => {
    // Mondays in the window: 2026-09-21, 09-28, 10-05, 10-12 -> 80, 100, 120, 200.
    const spend = officeRhythm("2026-09-17", "2026-10-14", {
      "2026-09-21": "80", "2026-09-28": "200", "2026-10-05": "100", "2026-10-12": "120",
    });
    const rates = weekdayRates({ spendByDay: new Map(spend.map((s) => [s.day, s.costNanos])), historyEnd: "2026-10-14" });
    // sorted 80,100,120,200: median (100+120)/2 = 110; p25 at rank 0.75 -> 80 + 0.75*20 = 95; p75 at 2.25 -> 120 + 0.25*80 = 140
    expect(rates[1]).toEqual({ expected: usd("110"), low: usd("95"), high: usd("140"), samples: 4 });
  });

  it("does not count days before the scope existed as zero spend", () => {
    const spend = officeRhythm("2026-10-05", "2026-10-14");
    const rates = weekdayRates({ spendByDay: new Map(spend.map((s) => [s.day, s.costNanos])), historyEnd: "2026-10-14" });
    expect(rates[1].expected).toBe(usd("100")); // Mondays 10-05 and 10-12 only, not two zero Mondays before
    expect(rates[1].samples).toBe(2);
  });
});

describe("forecastBudget", () => {
  // October 2026: the 1st is a Thursday; today is Thursday the 15th with $40 spent so far.
  const spend = officeRhythm("2026-09-01", "2026-10-15", { "2026-10-15": "40" });
  // Spent: Oct 1-14 = 10 weekdays x $100 + 4 weekend days x $10 = $1,040, plus $40 today = $1,080.
  // Still expected: the rest of today ($60) + 11 weekdays x $100 + 5 weekend days x $10 = $1,210 -> forecast $2,290.

  it("forecasts spent + weekday-aware run-rate and finds the day the budget runs out", () => {
    const f = forecastBudget({ period: "month", amountNanos: usd("2000"), today: "2026-10-15", spend });
    expect(f.period.key).toBe("2026-10");
    expect(f.spentNanos).toBe(usd("1080"));
    expect(f.forecastNanos).toBe(usd("2290"));
    expect(f.forecastLowNanos).toBe(usd("2290")); // a perfectly regular rhythm has no spread
    expect(f.forecastHighNanos).toBe(usd("2290"));
    // cumulative: $1,140 after the 15th ... $1,980 after Tue 27th, $2,080 after Wed 28th
    expect(f.runsOutOn).toBe("2026-10-28");
    expect(f.status).toBe("at_risk");
    expect(f.series).toHaveLength(31);
    expect(f.series[14]).toMatchObject({ day: "2026-10-15", actualNanos: usd("40"), expectedNanos: usd("60"), cumulativeNanos: usd("1140") });
    expect(f.series[30]).toMatchObject({ day: "2026-10-31", actualNanos: null, expectedNanos: usd("10"), cumulativeNanos: usd("2290") });
  });

  it("is on track when the forecast stays within the amount", () => {
    const f = forecastBudget({ period: "month", amountNanos: usd("3000"), today: "2026-10-15", spend });
    expect(f.status).toBe("on_track");
    expect(f.runsOutOn).toBeNull();
  });

  it("is over once spent exceeds the amount, and runsOutOn is the day it happened", () => {
    const f = forecastBudget({ period: "month", amountNanos: usd("1000"), today: "2026-10-15", spend });
    expect(f.status).toBe("over");
    expect(f.runsOutOn).toBe("2026-10-14"); // $940 through the 13th, $1,040 through the 14th
  });

  it("adds nothing more for today when today already spent more than usual", () => {
    const busy = officeRhythm("2026-09-01", "2026-10-15", { "2026-10-15": "150" });
    const f = forecastBudget({ period: "month", amountNanos: usd("5000"), today: "2026-10-15", spend: busy });
    expect(f.spentNanos).toBe(usd("1190"));
    expect(f.forecastNanos).toBe(usd("1190") + usd("1150"));
  });

  it("carries the weekday spread into a forecast range", () => {
    // One Monday in the history was $200 instead of $100: Monday's range is p25 $100 .. p75 $125.
    const bumpy = officeRhythm("2026-09-01", "2026-10-15", { "2026-10-15": "40", "2026-10-05": "200" });
    const f = forecastBudget({ period: "month", amountNanos: usd("5000"), today: "2026-10-15", spend: bumpy });
    // Mondays ahead: 19th and 26th. Monday median (100,100,100,200) = 100, p75 = 100 + 0.25*100 = 125.
    expect(f.forecastNanos).toBe(usd("2390")); // the $100 extra was spent on Oct 5
    expect(f.forecastLowNanos).toBe(usd("2390"));
    expect(f.forecastHighNanos).toBe(usd("2440"));
  });

  it("forecasts a quarter and flags a scope without history", () => {
    const f = forecastBudget({
      period: "quarter", amountNanos: usd("100"), today: "2026-11-02",
      spend: [{ day: "2026-11-02", costNanos: usd("5") }],
    });
    expect(f.period).toMatchObject({ start: "2026-10-01", end: "2026-12-31" });
    expect(f.insufficientHistory).toBe(true);
    expect(f.forecastNanos).toBe(usd("5"));
  });

  it("refuses a zero budget", () => {
    expect(() => forecastBudget({ period: "month", amountNanos: 0n, today: "2026-10-15", spend })).toThrow(/greater than zero/);
  });
});
