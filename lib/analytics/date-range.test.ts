import { describe, expect, it } from "vitest";
import { presetRange, rangeFromParams, sameDayLastMonth } from "./date-range";
import { checkRange, eachDay, weekStart } from "./dates";
import { timeBuckets } from "./buckets";

const params = (o: Record<string, string>) => new URLSearchParams(o);

describe("date presets (UTC)", () => {
  it("resolves every preset from today", () => {
    expect(presetRange("mtd", "2026-03-15")).toEqual({ from: "2026-03-01", to: "2026-03-15" });
    expect(presetRange("last-month", "2026-03-15")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetRange("last-month", "2026-01-02")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetRange("7d", "2026-03-01")).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(presetRange("30d", "2026-03-15")).toEqual({ from: "2026-02-14", to: "2026-03-15" });
    expect(presetRange("90d", "2026-03-31")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
  });

  it("reads the URL: a custom range wins, an unreadable one falls back to month to date", () => {
    expect(rangeFromParams(params({ from: "2026-01-05", to: "2026-02-01" }), "2026-03-15")).toEqual({ from: "2026-01-05", to: "2026-02-01", preset: "custom" });
    expect(rangeFromParams(params({ range: "7d" }), "2026-03-15")).toMatchObject({ preset: "7d", from: "2026-03-09" });
    expect(rangeFromParams(params({ from: "2026-02-01", to: "2026-01-01" }), "2026-03-15")).toMatchObject({ preset: "mtd" });
    expect(rangeFromParams(params({ range: "forever" }), "2026-03-15")).toMatchObject({ preset: "mtd", from: "2026-03-01" });
  });

  it("finds the same day last month, clamped to that month's end", () => {
    expect(sameDayLastMonth("2026-03-15")).toBe("2026-02-15");
    expect(sameDayLastMonth("2026-03-31")).toBe("2026-02-28");
    expect(sameDayLastMonth("2024-03-30")).toBe("2024-02-29");
    expect(sameDayLastMonth("2026-01-10")).toBe("2025-12-10");
  });
});

describe("date helpers", () => {
  it("refuses inverted, unreal, too long, too old and far-future ranges", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    expect(() => checkRange("2026-02-01", "2026-01-01", 3660, now)).toThrow(/after/);
    expect(() => checkRange("2026-02-30", "2026-03-01", 3660, now)).toThrow(/not a date/);
    expect(() => checkRange("2010-01-01", "2026-01-01", 3660, now)).toThrow(/longer than/);
    expect(() => checkRange("1999-06-01", "2000-01-01", 3660, now)).toThrow(/before 2000/);
    expect(() => checkRange("2027-11-01", "2027-12-01", 3660, now)).toThrow(/future/);
    expect(() => checkRange("2026-11-01", "2026-12-31", 3660, now)).not.toThrow();
  });

  it("lists days, weeks (Monday) and months of a range", () => {
    expect(eachDay("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(weekStart("2026-11-23")).toBe("2026-11-23"); // a Monday
    expect(weekStart("2026-11-22")).toBe("2026-11-16"); // Sunday belongs to the week before
    expect(timeBuckets("2026-11-20", "2026-12-02", "week")).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(timeBuckets("2026-11-20", "2027-01-02", "month")).toEqual(["2026-11", "2026-12", "2027-01"]);
  });
});
