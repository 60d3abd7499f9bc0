import { describe, expect, it } from "vitest";
import { carryFilters, carriesFilters } from "./carry-filters";

const params = (q: string) => new URLSearchParams(q);

describe("carryFilters", () => {
  it("adds the range and team of the current page and nothing else", () => {
    expect(carryFilters("/workloads", params("range=last-month&team=support&sort=cost&tier=frontier"))).toBe("/workloads?range=last-month&team=support");
    expect(carryFilters("/models", params("from=2026-11-01&to=2026-11-15"))).toBe("/models?from=2026-11-01&to=2026-11-15");
  });

  it("keeps what the link already says, and leaves a link alone when there is nothing to carry", () => {
    expect(carryFilters("/workloads?team=search", params("team=support&range=7d"))).toBe("/workloads?team=search&range=7d");
    expect(carryFilters("/teams", params(""))).toBe("/teams");
  });

  it("carries only to explorer pages", () => {
    expect(["/", "/teams", "/workloads", "/models"].every(carriesFilters)).toBe(true);
    expect(["/reports", "/settings", "/budgets", "/whatif", "/ingestion"].some(carriesFilters)).toBe(false);
  });
});
