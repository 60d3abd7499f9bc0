import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./cell";

// Issue 10 item 8: CSV cells that start with = + - @ are neutralised (one helper for every CSV we write).
describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x\",\"y\")", `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
  ])("neutralises %s", (input, expected) => expect(csvCell(input)).toBe(expected));

  it("leaves numbers, including negative credits, as numbers", () => {
    expect(csvRow(["-3", "-0.12", "+1.5", "-1e-9", 42, -7n, "plain"])).toBe("-3,-0.12,+1.5,-1e-9,42,-7,plain");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvRow(["x,y", 'say "hi"', "a\nb", null, undefined, true])).toBe('"x,y","say ""hi""","a\nb",,,true');
  });
});
