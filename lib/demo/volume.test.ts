import { describe, expect, it } from "vitest";
import { apportion } from "./volume";

const sum = (xs: Uint32Array) => xs.reduce((a, b) => a + b, 0);

describe("apportion", () => {
  it("hands out exactly the total, each cell floor or ceil of its share", () => {
    const weights = Float64Array.from({ length: 1000 }, (_, i) => 1 + Math.sin(i) ** 2 * 7);
    const wsum = weights.reduce((a, b) => a + b, 0);
    for (const total of [0, 1, 7, 999, 1000, 123_457, 10_000_000]) {
      for (const offset of [0, 0.37, 0.999]) {
        const counts = apportion(weights, total, offset);
        expect(sum(counts)).toBe(total);
        for (let i = 0; i < weights.length; i++) {
          const expected = (weights[i] * total) / wsum;
          expect(counts[i]).toBeGreaterThanOrEqual(Math.floor(expected) - 1);
          expect(counts[i]).toBeLessThanOrEqual(Math.ceil(expected) + 1);
        }
      }
    }
  });

  it("never gives anything to zero-weight cells, trailing ones included", () => {
    const weights = Float64Array.from([0, 3, 0, 1e-9, 5, 0, 0]);
    for (const total of [1, 2, 11, 1_000_003]) {
      const counts = apportion(weights, total, 0.999);
      expect(sum(counts)).toBe(total);
      expect([counts[0], counts[2], counts[5], counts[6]]).toEqual([0, 0, 0, 0]);
    }
  });

  it("rejects all-zero or negative weights", () => {
    expect(() => apportion(Float64Array.from([0, 0]), 5, 0.5)).toThrow(/zero/);
    expect(() => apportion(Float64Array.from([1, -1]), 5, 0.5)).toThrow(/bad weight/);
  });
});
