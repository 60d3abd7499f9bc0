import { describe, expect, it } from "vitest";
import { compareWith } from "./comparison";

// Expected periods worked out on a calendar by hand.
const at = (iso: string) => new Date(iso);

describe("compareWith: the one comparison rule", () => {
  it("a whole calendar month that is over compares with the calendar month before, whatever its length", () => {
    // November has 30 days, October 31: the previous period is all of October, not Oct 2-31.
    const c = compareWith("2026-11-01", "2026-11-30", at("2026-12-02T09:41:30Z"));
    expect(c).toEqual({ rule: "calendar", partial: false, previous: { from: "2026-10-01", to: "2026-10-31" }, label: "vs October 2026" });
    // March (31 days) compares with February 2026 (28 days).
    expect(compareWith("2026-03-01", "2026-03-31", at("2026-12-02T00:00:00Z")).previous).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });

  it("several whole months compare with as many months before", () => {
    const c = compareWith("2026-07-01", "2026-09-30", at("2026-12-02T09:41:00Z"));
    expect(c.previous).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(c.label).toBe("vs April 2026 – June 2026 (previous 3 months)");
  });

  it("month to date compares with last month to the same day and time of day", () => {
    // Dec 1 00:00 – Dec 2 09:41 vs Nov 1 00:00 – Nov 2 09:41: on the 2nd, today is partial on both sides.
    const c = compareWith("2026-12-01", "2026-12-02", at("2026-12-02T09:41:30Z"));
    expect(c).toEqual({
      rule: "month-to-date",
      partial: true,
      previous: { from: "2026-11-01", to: "2026-11-02", until: "2026-11-02T09:41:00.000Z" },
      label: "vs Nov 1–2, to 09:41 UTC (same point last month)",
    });
  });

  it("month to date on the 31st compares with all of a shorter previous month", () => {
    // March 31: February 2026 has no 31st, so the whole of February is the comparison (no time cut).
    const c = compareWith("2026-03-01", "2026-03-31", at("2026-03-31T15:00:00Z"));
    expect(c.previous).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(c.label).toBe("vs February 2026 (all of last month)");
  });

  it("a range running to the end of the month in progress is month to date", () => {
    // The explorer's custom range Dec 1..Dec 31 on Dec 2 holds the same data as Dec 1..today.
    expect(compareWith("2026-12-01", "2026-12-31", at("2026-12-02T09:41:00Z")).rule).toBe("month-to-date");
  });

  it("a rolling range that runs to today stops the previous one at the same time of day", () => {
    // 30 days Nov 3..Dec 2 (today). The 30 days before: Oct 4..Nov 2, cut at 09:41 on Nov 2.
    const c = compareWith("2026-11-03", "2026-12-02", at("2026-12-02T09:41:59Z"));
    expect(c.rule).toBe("rolling");
    expect(c.previous).toEqual({ from: "2026-10-04", to: "2026-11-02", until: "2026-11-02T09:41:00.000Z" });
    expect(c.label).toBe("vs Oct 4 – Nov 2, to 09:41 UTC (previous 30 days, same time of day)");
  });

  it("a past range that is not whole months compares with the same number of days before, whole days", () => {
    // Nov 10..Nov 16 is 7 days; the 7 days before are Nov 3..Nov 9.
    const c = compareWith("2026-11-10", "2026-11-16", at("2026-12-02T09:41:00Z"));
    expect(c).toEqual({ rule: "rolling", partial: false, previous: { from: "2026-11-03", to: "2026-11-09" }, label: "vs Nov 3–9 (previous 7 days)" });
    // Across a year: Jan 1..Jan 10 2026 (10 days) vs Dec 22..Dec 31 2025; across a year boundary the years are named.
    expect(compareWith("2026-01-01", "2026-01-10", at("2026-12-02T00:00:00Z")).previous).toEqual({ from: "2025-12-22", to: "2025-12-31" });
  });
});

describe("compareWith labels across years", () => {
  it("names both years when the previous period spans a year boundary", () => {
    // Jan 5..Jan 14 2026 (10 days) vs Dec 26 2025..Jan 4 2026.
    expect(compareWith("2026-01-05", "2026-01-14", new Date("2026-12-02T00:00:00Z")).label).toBe("vs Dec 26, 2025 – Jan 4, 2026 (previous 10 days)");
  });
});
