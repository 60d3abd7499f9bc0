import { describe, expect, it } from "vitest";
import { currentSlot, keyAfterEdit, nextRunDay, sendNowSlot } from "./schedule-slots";

const monthly = { kind: "monthly_report" as const, dayOfMonth: 3, weekday: null };
const mondays = { kind: "weekly_digest" as const, dayOfMonth: null, weekday: 1 };
const at = (iso: string) => new Date(iso);

describe("schedule slots (UTC)", () => {
  it("monthly on day 3: nothing on the 2nd, November's report from Dec 3 to Dec 31", () => {
    expect(currentSlot(monthly, at("2026-12-02T23:59:59Z"))).toBeNull();
    expect(currentSlot(monthly, at("2026-12-03T00:00:00Z"))).toEqual({ key: "2026-11", period: { kind: "month", month: "2026-11" } });
    expect(currentSlot(monthly, at("2026-12-31T12:00:00Z"))?.key).toBe("2026-11");
    // January 3rd reports December of the year before.
    expect(currentSlot(monthly, at("2027-01-03T08:00:00Z"))?.key).toBe("2026-12");
  });

  it("weekly on Monday: the latest Monday on or before today, about the Monday-Sunday before it", () => {
    // 2026-12-02 is a Wednesday; the latest Monday is Nov 30, about Nov 23 (Mon) .. Nov 29 (Sun).
    expect(currentSlot(mondays, at("2026-12-02T10:00:00Z"))).toEqual({ key: "2026-11-30", period: { kind: "week", from: "2026-11-23", to: "2026-11-29" } });
    expect(currentSlot(mondays, at("2026-11-30T00:00:00Z"))?.key).toBe("2026-11-30");
    expect(currentSlot(mondays, at("2026-11-29T23:00:00Z"))?.key).toBe("2026-11-23");
  });

  it("next run: due today, else the next day N or weekday", () => {
    expect(nextRunDay({ ...monthly, lastPeriodKey: "2026-10" }, at("2026-12-05T00:00:00Z"))).toBe("2026-12-05");
    expect(nextRunDay({ ...monthly, lastPeriodKey: "2026-11" }, at("2026-12-05T00:00:00Z"))).toBe("2027-01-03");
    expect(nextRunDay({ ...monthly, lastPeriodKey: "2026-10" }, at("2026-12-01T00:00:00Z"))).toBe("2026-12-03");
    expect(nextRunDay({ ...mondays, lastPeriodKey: "2026-11-30" }, at("2026-12-02T00:00:00Z"))).toBe("2026-12-07");
  });

  it("send now: last month, or the 7 days up to yesterday", () => {
    expect(sendNowSlot("monthly_report", at("2026-12-02T10:00:00Z")).period).toEqual({ kind: "month", month: "2026-11" });
    expect(sendNowSlot("weekly_digest", at("2026-12-02T10:00:00Z")).period).toEqual({ kind: "week", from: "2026-11-25", to: "2026-12-01" });
  });

  it("an edited timing never re-sends what was sent, and its current slot counts as sent (as at create)", () => {
    // Day 3 sent November's report on Dec 3; moved to day 10 on Dec 5: day 10's slot is not due yet (null), so the
    // key stays "2026-11" and Dec 10 does not send November again.
    expect(keyAfterEdit({ ...monthly, lastPeriodKey: "2026-11" }, { ...monthly, dayOfMonth: 10 }, at("2026-12-05T00:00:00Z"))).toBe("2026-11");
    // Moved to day 1 on Dec 5: day 1's slot (November) is the one already sent: "2026-11".
    expect(keyAfterEdit({ ...monthly, lastPeriodKey: "2026-10" }, { ...monthly, dayOfMonth: 1 }, at("2026-12-05T00:00:00Z"))).toBe("2026-11");
    // Mondays -> Tuesdays on Wednesday Dec 2: Tuesday Dec 1 is later than Monday Nov 30 and counts as sent.
    expect(keyAfterEdit({ ...mondays, lastPeriodKey: "2026-11-30" }, { ...mondays, weekday: 2 }, at("2026-12-02T10:00:00Z"))).toBe("2026-12-01");
    // Monthly -> weekly: the keys mean other things; only the new current slot counts.
    expect(keyAfterEdit({ ...monthly, lastPeriodKey: "2026-11" }, mondays, at("2026-12-02T10:00:00Z"))).toBe("2026-11-30");
  });
});
