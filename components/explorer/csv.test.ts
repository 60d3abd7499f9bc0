import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";
import { usdUnit, signedPct, compact } from "./format";

describe("CSV", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"'], [null, 1.5], ["-3", "=SUM(A1)"]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n,1.5\r\n-3,\'=SUM(A1)\r\n');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("@evil")).toBe("'@evil");
  });
});

describe("formatting", () => {
  it("shows unit costs with the precision they need", () => {
    expect(usdUnit("12.3456")).toBe("$12.35");
    expect(usdUnit("0.0598")).toBe("$0.0598");
    expect(usdUnit("0.000052")).toBe("$0.000052");
    expect(usdUnit(null)).toBe("—");
    expect(signedPct(0.041)).toBe("+4.1%");
    expect(signedPct(-0.02)).toBe("−2.0%");
    expect(compact(14_900_000_000)).toBe("14.9B");
  });
});
