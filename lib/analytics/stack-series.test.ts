import { describe, expect, it } from "vitest";
import { stackSeries } from "./stack-series";
import { OTHER_SERIES } from "./series-query";

const p = (bucket: string, key: string, cost: string) => ({ bucket, key, label: key, cost, requests: "1" });

describe("stackSeries", () => {
  it("keeps the top series, folds the rest, keeps unattributed, zero-fills buckets", () => {
    const raw = [p("2026-11-01", "a", "3000000000"), p("2026-11-01", "b", "2000000000"), p("2026-11-02", "c", "1000000000"), p("2026-11-02", "unattributed", "500000000"), p("2026-11-02", "d", "100000000")];
    const { series, points } = stackSeries(raw, ["2026-11-01", "2026-11-02", "2026-11-03"], 2);
    expect(series.map((s) => s.key)).toEqual(["a", "b", "unattributed", OTHER_SERIES]);
    expect(series.at(-1)).toMatchObject({ label: "Other (2)", costUsd: "1.10", requests: 2 });
    expect(points).toHaveLength(3);
    expect(points[1]).toMatchObject({ costUsd: "1.60", values: { a: "0.00", b: "0.00", unattributed: "0.50", [OTHER_SERIES]: "1.10" } });
    expect(points[2]).toMatchObject({ costUsd: "0.00", requests: 0 });
  });
});
