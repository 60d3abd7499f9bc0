import { describe, expect, it } from "vitest";
import { nanosPer } from "./divide";

describe("nanosPer", () => {
  it("divides exactly and rounds half-up to the nano-dollar", () => {
    // $1 over 3 calls = 333,333,333.33 nanos -> 333,333,333
    expect(nanosPer(1_000_000_000n, 3n)).toBe(333_333_333n);
    // 5 nanos over 2 = 2.5 -> 3 (half-up)
    expect(nanosPer(5n, 2n)).toBe(3n);
  });
  it("takes decimal units", () => {
    // $10 over 2.5 units = $4 = 4,000,000,000 nanos
    expect(nanosPer(10_000_000_000n, "2.5")).toBe(4_000_000_000n);
  });
  it("has no answer for zero units", () => {
    expect(nanosPer(10n, 0n)).toBeNull();
    expect(nanosPer(10n, "0.000")).toBeNull();
  });
});
