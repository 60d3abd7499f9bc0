import { describe, expect, it } from "vitest";
import { csvLine } from "./csv";

// Issue 10 item 8: names from ingested data cannot become spreadsheet formulas in a report CSV or FOCUS export.
// Both write every line through csvLine (lib/reports/focus/focus-export.ts, report-csv.ts).
describe("report and FOCUS CSV lines", () => {
  it("neutralise names starting with = + - @", () => {
    const text = csvLine(["2026-10-05", "=cmd", "@SUM(A1)", "+x", "-2+3", "gpt-4o", 0.04]);
    expect(text).not.toMatch(/(^|,)"?[=+@]/m);
    expect(text).toContain("'@SUM(A1)");
    expect(text).toContain("'-2+3");
    expect(text).toContain("'=cmd");
  });
});
