import { describe, expect, it } from "vitest";
import { usdAxis } from "./usd-axis";

describe("usdAxis", () => {
  it("keeps neighbouring small ticks apart and shortens large ones", () => {
    expect([0, 0.4, 0.8, 1.2, 1.6, 2].map(usdAxis)).toEqual(["$0", "$0.40", "$0.80", "$1.20", "$1.60", "$2.00"]);
    expect(usdAxis(25)).toBe("$25");
    expect(usdAxis(12_500)).toBe("$13k");
    expect(usdAxis(2_500)).toBe("$2.5k");
    expect(usdAxis(3_400_000)).toBe("$3.4M");
  });
});
