import { describe, expect, it } from "vitest";
import { lineOfPath } from "./line-of-path";

// A pretty-printed usage page as it sits in a file, starting on line 10 of that file. Lines counted by hand:
const PAGE = `{
  "object": "page",
  "data": [
    {
      "start_time": 1730419200,
      "results": [
        { "input_tokens": 1, "output_tokens": 2 },
        {
          "input_tokens": 5,
          "output_tokens": -3
        }
      ]
    }
  ]
}`;
// line 10: {   11: "object"   12: "data": [   13: {   14: "start_time"   15: "results": [
// 16: first result (one line)   17: {   18: "input_tokens": 5   19: "output_tokens": -3

describe("lineOfPath (issue 15 item 7: errors in pretty-printed JSON name their own line, not line 1)", () => {
  it("finds the line of a field deep inside the record", () => {
    expect(lineOfPath(PAGE, 10, "data[0].results[1].output_tokens")).toBe(19);
    expect(lineOfPath(PAGE, 10, "data[0].results[1]")).toBe(17);
    expect(lineOfPath(PAGE, 10, "data[0].results[0].input_tokens")).toBe(16);
    expect(lineOfPath(PAGE, 10, "data[0].start_time")).toBe(14);
  });

  it("falls back to the deepest part that exists, then to the record's own line", () => {
    expect(lineOfPath(PAGE, 10, "data[0].results[7].output_tokens")).toBe(15);
    expect(lineOfPath(PAGE, 10, "nothing")).toBe(10);
    expect(lineOfPath(PAGE, 10, "")).toBe(10);
  });

  it("is not fooled by brackets and escaped quotes inside strings", () => {
    const text = `{\n  "a": "x \\" ] } [ {",\n  "b": [\n    "[",\n    7\n  ]\n}`;
    // line 1: {   2: "a"   3: "b": [   4: "["   5: 7
    expect(lineOfPath(text, 1, "b[1]")).toBe(5);
  });
});
