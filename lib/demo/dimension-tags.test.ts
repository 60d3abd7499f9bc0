import { describe, expect, it } from "vitest";
import { CUSTOMERS, demoDimensionTags, FEATURES } from "./dimension-tags";

describe("demo customer and feature tags", () => {
  const calls = Array.from({ length: 20_000 }, (_, i) => demoDimensionTags("ticket-triage", `demo-42-${i}`));

  it("are deterministic and absent on unattributed traffic", () => {
    expect(demoDimensionTags("ticket-triage", "demo-42-7")).toEqual(demoDimensionTags("ticket-triage", "demo-42-7"));
    expect(demoDimensionTags(null, "demo-42-7")).toEqual({});
  });

  it("leave ~15% of calls without a customer and skew the rest towards the first customers", () => {
    const none = calls.filter((t) => !t.customer).length / calls.length;
    expect(none).toBeGreaterThan(0.13);
    expect(none).toBeLessThan(0.17);
    const count = (c: string) => calls.filter((t) => t.customer === c).length;
    expect(count(CUSTOMERS[0])).toBeGreaterThan(count(CUSTOMERS[10]) * 3);
    expect(calls.every((t) => t.customer === undefined || (CUSTOMERS as readonly string[]).includes(t.customer))).toBe(true);
  });

  it("give each workload two features", () => {
    const features = new Set(calls.map((t) => t.feature));
    expect(features.size).toBe(2);
    for (const f of features) expect(FEATURES as readonly string[]).toContain(f);
  });
});
