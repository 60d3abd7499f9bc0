import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields, escaped quotes and embedded newlines, keeping each record's start line", () => {
    const text = '\ufeffa,b,c\n1,"two, three","say ""hi"""\n"multi\nline",x,\n\n4,5,6';
    const { header, records } = parseCsv(text);
    expect(header).toEqual(["a", "b", "c"]);
    expect(records).toEqual([
      { line: 2, values: ["1", "two, three", 'say "hi"'] },
      { line: 3, values: ["multi\nline", "x", ""] },
      { line: 6, values: ["4", "5", "6"] },
    ]);
  });

  it("accepts CRLF line ends and a trailing newline", () => {
    expect(parseCsv("a,b\r\n1,2\r\n").records).toEqual([{ line: 2, values: ["1", "2"] }]);
  });

  it("returns an empty table for empty text", () => {
    expect(parseCsv("")).toEqual({ header: [], records: [] });
  });

  it("reports unclosed quotes and stray characters with a line", () => {
    expect(() => parseCsv('a\n"open\n\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open\n\n')).toThrow(/line 2: a quoted field is never closed/);
    expect(() => parseCsv('a,b\n"x"y,1')).toThrow(/line 2: unexpected character after a closing quote/);
  });
});
