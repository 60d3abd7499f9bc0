import { describe, expect, it } from "vitest";
import { Rng, lognormalMu } from "./rng";

const draws = (rng: Rng, n: number, f: (r: Rng) => number) => Array.from({ length: n }, () => f(rng));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

describe("Rng", () => {
  it("is deterministic per seed and differs between seeds", () => {
    const a = draws(new Rng(1), 5, (r) => r.next());
    expect(draws(new Rng(1), 5, (r) => r.next())).toEqual(a);
    expect(draws(new Rng(2), 5, (r) => r.next())).not.toEqual(a);
  });

  it("works with seed 0 (no all-zero state)", () => {
    const xs = draws(new Rng(0), 100, (r) => r.next());
    expect(new Set(xs).size).toBe(100);
  });

  it("draws uniforms in [0, 1) with mean 1/2", () => {
    const xs = draws(new Rng(3), 100_000, (r) => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 2);
    const ints = draws(new Rng(3), 10_000, (r) => r.int(6));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  });

  it("draws standard normals", () => {
    const xs = draws(new Rng(4), 100_000, (r) => r.normal());
    expect(mean(xs)).toBeCloseTo(0, 1);
    expect(sd(xs)).toBeCloseTo(1, 1);
  });

  it("draws lognormals with the requested arithmetic mean", () => {
    const xs = draws(new Rng(5), 200_000, (r) => r.lognormal(lognormalMu(1000, 0.6), 0.6));
    expect(mean(xs) / 1000).toBeCloseTo(1, 1);
  });

  it("draws Poisson counts with mean and variance lambda (small and large lambda)", () => {
    for (const lambda of [0.5, 4, 80]) {
      const xs = draws(new Rng(6), 50_000, (r) => r.poisson(lambda));
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(mean(xs) / lambda).toBeCloseTo(1, 1);
      expect(sd(xs) ** 2 / lambda).toBeCloseTo(1, 1);
    }
    expect(new Rng(1).poisson(0)).toBe(0);
  });
});
