import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, usageEvent } from "./factories";
import type { Principal } from "@/lib/auth/principal";
import { queryOverview } from "@/lib/analytics/overview";
import { queryBreakdown } from "@/lib/analytics/query-breakdown";
import { buildMonthlyReport } from "@/lib/reports/monthly-report";
import { querySeries } from "@/lib/analytics/series";

/**
 * Issue 16.1/16.2: the Overview, the explorer tables and Reports compare by one rule, and a still-filling day is
 * compared with the same part of the earlier day. Every call below is gpt-4o with 1,000 input and 100 output
 * tokens: 1,000 x $2.50/M + 100 x $10/M = $0.0025 + $0.0010 = $0.0035 per call.
 */
useTestDatabase();

const NOW = new Date("2026-12-02T09:41:30Z");
const admin: Principal = { kind: "user", id: 1, label: "admin", role: "admin", teamIds: null, scopes: [] };
const calls = (n: number, at: string) => Array.from({ length: n }, () => usageEvent({ occurredAt: new Date(at), model: "gpt-4o", inputTokens: 1000, outputTokens: 100 }));

beforeAll(async () => {
  await ingest([
    ...calls(1, "2026-10-01T12:00:00Z"), // the 1st of October: outside "Oct 2-31", inside "October"
    ...calls(4, "2026-10-15T12:00:00Z"),
    ...calls(2, "2026-11-01T12:00:00Z"),
    ...calls(1, "2026-11-02T08:00:00Z"), // before 09:41 on Nov 2: inside "last month to the same point"
    ...calls(4, "2026-11-02T10:00:00Z"), // after 09:41 on Nov 2: outside it
    ...calls(3, "2026-11-20T12:00:00Z"),
    ...calls(2, "2026-12-01T10:00:00Z"),
    ...calls(1, "2026-12-02T08:00:00Z"),
  ]);
});

describe("one comparison rule across Overview, explorer and Reports", () => {
  it("November (over) compares with all of October on the Overview, the team table and the report", async () => {
    // November: 2 + 1 + 4 + 3 = 10 calls = $0.035. October: 1 + 4 = 5 calls = $0.0175. Change +100%.
    // (The old "30 days before" rule compared Oct 2-31: 4 calls, +150%.)
    const overview = await queryOverview(admin, { from: "2026-11-01", to: "2026-11-30" }, NOW);
    expect(overview.previous).toMatchObject({ from: "2026-10-01", to: "2026-10-31", until: null, rule: "calendar", label: "vs October 2026" });
    expect(overview.range.costUsd).toBe("0.035");
    expect(overview.range.previousCostUsd).toBe("0.0175");
    expect(overview.range.changeShare).toBe(1);

    const teams = await queryBreakdown(admin, { by: "team", from: "2026-11-01", to: "2026-11-30" }, NOW);
    expect(teams.previous).toEqual(overview.previous);
    expect(teams.rows.find((r) => r.key === "search")).toMatchObject({ costUsd: "0.035", previousCostUsd: "0.0175", changeShare: 1 });

    const report = await buildMonthlyReport(admin, "2026-11", NOW);
    expect(report.previous).toMatchObject({ month: "2026-10", from: "2026-10-01", to: "2026-10-31", label: "vs October 2026", costUsd: "0.0175", changeShare: 1 });
    expect(report.totals.costUsd).toBe("0.035");
  });

  it("month to date on Dec 2 09:41 compares with Nov 1 to Nov 2 09:41, everywhere", async () => {
    // December so far: 2 + 1 = 3 calls = $0.0105. Nov 1 00:00 – Nov 2 09:41: 2 + 1 = 3 calls = $0.0105. Change 0%.
    // (Whole days Nov 1-2 would be 7 calls, -57%: a partial day set against a complete one.)
    const overview = await queryOverview(admin, { from: "2026-12-01", to: "2026-12-02" }, NOW);
    expect(overview.previous).toMatchObject({ from: "2026-11-01", to: "2026-11-02", until: "2026-11-02T09:41:00.000Z", rule: "month-to-date" });
    expect(overview.range).toMatchObject({ costUsd: "0.0105", previousCostUsd: "0.0105", changeShare: 0 });
    expect(overview.month).toMatchObject({ monthToDateUsd: "0.0105", lastMonthToSameDayUsd: "0.0105", changeShare: 0, comparisonLabel: overview.previous.label });

    const report = await buildMonthlyReport(admin, "2026-12", NOW);
    expect(report.complete).toBe(false);
    expect(report.previous).toMatchObject({ until: "2026-11-02T09:41:00.000Z", costUsd: "0.0105", changeShare: 0, label: overview.previous.label });
  });

  it("the Overview's month block uses the same rule when the range is something else", async () => {
    // Range Nov 25..Dec 2 (rolling, 8 days, runs to today) vs Nov 17..Nov 24 cut at 09:41 on Nov 24:
    // current 3 calls ($0.0105), previous: the 3 calls of Nov 20 ($0.0105).
    const overview = await queryOverview(admin, { from: "2026-11-25", to: "2026-12-02" }, NOW);
    expect(overview.previous).toMatchObject({ from: "2026-11-17", to: "2026-11-24", until: "2026-11-24T09:41:00.000Z", rule: "rolling" });
    expect(overview.range).toMatchObject({ costUsd: "0.0105", previousCostUsd: "0.0105" });
    expect(overview.month).toMatchObject({ monthToDateUsd: "0.0105", lastMonthToSameDayUsd: "0.0105", changeShare: 0 });
  });
});

describe("partial days are marked", () => {
  it("the series names the bucket still filling, by interval, and none for a range that is over", async () => {
    const q = { from: "2026-11-25", to: "2026-12-02", stackBy: "none" as const, top: 8 };
    expect((await querySeries(admin, { ...q, interval: "day" }, NOW)).partialBucket).toBe("2026-12-02");
    // Dec 2 2026 is a Wednesday: its week starts on Monday Nov 30.
    expect((await querySeries(admin, { ...q, interval: "week" }, NOW)).partialBucket).toBe("2026-11-30");
    expect((await querySeries(admin, { ...q, interval: "month" }, NOW)).partialBucket).toBe("2026-12");
    expect((await querySeries(admin, { ...q, from: "2026-11-01", to: "2026-11-30", interval: "day" }, NOW)).partialBucket).toBeNull();
  });
});
