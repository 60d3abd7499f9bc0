import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocateExactly } from "./allocate-exactly";

const w = (o: Record<string, bigint>) => new Map(Object.entries(o));

describe("allocateExactly (largest remainder)", () => {
  it("gives the leftover nano-dollars to the largest remainders", () => {
    // 100 over weights 1:1:1 -> 33.33 each: floors 33+33+33 = 99, 1 left; the remainders are all 1 (100 mod 3),
    // so the tie goes to the key first A->Z: "a".
    expect(Object.fromEntries(allocateExactly(100n, w({ c: 1n, a: 1n, b: 1n })))).toEqual({ a: 34n, b: 33n, c: 33n });
    // 10 over 3:3:1 (sum 7): 30/7 = 4 r2, 30/7 = 4 r2, 10/7 = 1 r3 -> floors 9, 1 left to the largest remainder "z" (3).
    expect(Object.fromEntries(allocateExactly(10n, w({ x: 3n, y: 3n, z: 1n })))).toEqual({ x: 4n, y: 4n, z: 2n });
  });

  it("splits a credit like its absolute value", () => {
    expect(Object.fromEntries(allocateExactly(-100n, w({ a: 1n, b: 1n, c: 1n })))).toEqual({ a: -34n, b: -33n, c: -33n });
  });

  it("gives nothing to a zero weight and refuses when every weight is zero", () => {
    expect(Object.fromEntries(allocateExactly(7n, w({ a: 0n, b: 5n })))).toEqual({ a: 0n, b: 7n });
    expect(() => allocateExactly(7n, w({ a: 0n }))).toThrow(/every weight is zero/);
  });

  it("always sums exactly to the total, each part within one nano-dollar of its exact share", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 12 }), (total, ws) => {
        fc.pre(ws.some((x) => x > 0n));
        const weights = new Map(ws.map((x, i) => [`k${String(i).padStart(2, "0")}`, x]));
        const parts = allocateExactly(total, weights);
        const sum = ws.reduce((s, x) => s + x, 0n);
        expect([...parts.values()].reduce((s, x) => s + x, 0n)).toBe(total);
        for (const [k, x] of weights) {
          const diff = parts.get(k)! * sum - total * x; // part - exact share, scaled by sum
          expect(diff < 0n ? -diff : diff).toBeLessThan(sum);
        }
      }),
    );
  });
});
