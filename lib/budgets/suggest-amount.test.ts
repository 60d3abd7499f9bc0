import { describe, expect, it } from "vitest";
import { suggestAmounts } from "./suggest-amount";

describe("suggestAmounts", () => {
  // Today is Dec 2: December is still filling and never a basis; Nov is the last full month; Sep–Nov the three.
  const months = [
    { bucket: "2026-08", costUsd: "9999.00" }, // outside the three months
    { bucket: "2026-09", costUsd: "100.00" },
    { bucket: "2026-10", costUsd: "200.50" },
    { bucket: "2026-11", costUsd: "310.20" },
    { bucket: "2026-12", costUsd: "50.00" }, // partial month
  ];

  it("offers last month and the 3-month average, rounded up to whole dollars", () => {
    // last: $310.20 -> $311; average: (100 + 200.50 + 310.20) / 3 = 610.70 / 3 = 203.5666… -> $204
    expect(suggestAmounts(months, "2026-12-02", "month")).toEqual([
      { label: "Last full month (Nov 2026)", amountUsd: "311", basisUsd: "310.20" },
      { label: "3-month average (Sep 2026–Nov 2026)", amountUsd: "204", basisUsd: "203.57" },
    ]);
  });

  it("scales to a quarter (three months) and a year (twelve)", () => {
    // quarter: 310.20 × 3 = 930.60 -> $931; 203.566666667 × 3 = 610.700000001 -> $611
    expect(suggestAmounts(months, "2026-12-02", "quarter").map((s) => s.amountUsd)).toEqual(["931", "611"]);
    // year: 310.20 × 12 = 3722.40 -> $3,723; 203.566666667 × 12 = 2442.800000004 -> $2,443
    expect(suggestAmounts(months, "2026-12-02", "year").map((s) => s.amountUsd)).toEqual(["3723", "2443"]);
  });

  it("counts months without spend as zero and suggests nothing for a scope that never spent", () => {
    // January: last full month is Dec 2025 (no spend) -> only the average of Oct–Dec: (0 + 0 + 90) / 3 = $30
    expect(suggestAmounts([{ bucket: "2025-10", costUsd: "90" }], "2026-01-15", "month")).toEqual([
      { label: "3-month average (Oct 2025–Dec 2025)", amountUsd: "30", basisUsd: "30.00" },
    ]);
    expect(suggestAmounts([{ bucket: "2026-12", costUsd: "5" }], "2026-12-10", "month")).toEqual([]);
  });
});
