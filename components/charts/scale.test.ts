import { describe, expect, it } from "vitest";
import { niceTicks, tickEvery } from "./scale";

describe("niceTicks", () => {
  it("rounds the top up to a round step", () => {
    expect(niceTicks(1540)).toEqual([0, 400, 800, 1200, 1600]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(37_102.73)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
  });
  it("keeps small amounts exact", () => {
    expect(niceTicks(0.3)).toEqual([0, 0.08, 0.16, 0.24, 0.32]);
    expect(niceTicks(0.0042)).toEqual([0, 0.002, 0.004, 0.006]);
  });
  it("has an axis when there is nothing to draw", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
  it("always reaches the maximum", () => {
    for (const max of [1, 3, 7, 9.99, 12, 99, 101, 250, 999, 1001, 123_456]) expect(niceTicks(max).at(-1)!).toBeGreaterThanOrEqual(max);
  });
});

describe("tickEvery", () => {
  it("labels every bucket of a short range and thins long ones", () => {
    expect(tickEvery(3)).toBe(1);
    expect(tickEvery(12)).toBe(1);
    expect(tickEvery(31)).toBe(3);
    expect(tickEvery(90)).toBe(8);
    expect(tickEvery(0)).toBe(1);
  });
});
