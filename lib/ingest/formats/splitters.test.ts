import { describe, expect, it } from "vitest";
import { readCsvRows } from "./csv";
import { readJsonValues } from "./json-values";
import { readLines } from "./ndjson";

/** Feeds text as bytes in chunks of `size`, so every boundary case (mid-quote, mid-CRLF, mid-UTF-8) occurs. */
async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
async function collect<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of gen) out.push(item);
  return out;
}
const SIZES = [1, 2, 3, 7, 64, 65536];

describe("readCsvRows (RFC 4180)", () => {
  const csv =
    '\uFEFFrequest_id,metadata,model\r\n' +
    'a,"{""team"": ""search, eu""}",gpt-4o\r\n' +
    '\r\n' +
    'b,"line one\r\nline two",claude\r\n' +
    'c,,"quoted ""name"""\n' +
    'd,"",\r' +
    'é,"ünïcode ✓",x';

  it.each(SIZES)("parses quoted commas, doubled quotes, embedded newlines and CRLF/LF/CR (chunks of %i bytes)", async (size) => {
    const rows = await collect(readCsvRows(chunked(csv, size)));
    expect(rows).toEqual([
      { line: 1, fields: ["request_id", "metadata", "model"] },
      { line: 2, fields: ["a", '{"team": "search, eu"}', "gpt-4o"] },
      { line: 4, fields: ["b", "line one\r\nline two", "claude"] },
      { line: 6, fields: ["c", "", 'quoted "name"'] },
      { line: 7, fields: ["d", "", ""] },
      { line: 8, fields: ["é", "ünïcode ✓", "x"] },
    ]);
  });

  it("reports a file that ends inside a quoted field", async () => {
    const rows = await collect(readCsvRows(chunked('a,b\n1,"never closed\n2,3\n', 4)));
    expect(rows.at(-1)).toEqual({ line: 2, fields: [], error: "the file ends inside a quoted field of the row starting on line 2" });
  });

  it("streams: yields rows from an endless source without reading it all", async () => {
    async function* endless() {
      yield new TextEncoder().encode("request_id,model\n");
      for (let i = 0; ; i++) yield new TextEncoder().encode(`r${i},"m,${i}"\n`);
    }
    let count = 0;
    for await (const row of readCsvRows(endless())) if (++count === 1000) {
      expect(row.fields).toEqual(["r998", "m,998"]);
      break;
    }
  });
});

describe("readLines (NDJSON)", () => {
  it.each(SIZES)("numbers lines from 1, skips blanks, handles CRLF, BOM and split UTF-8 (chunks of %i)", async (size) => {
    const text = '\uFEFF{"a":"ü"}\r\n\n  \n{"b":"✓"}\n{"c":3}';
    expect(await collect(readLines(chunked(text, size)))).toEqual([
      { line: 1, text: '{"a":"ü"}' },
      { line: 4, text: '{"b":"✓"}' },
      { line: 5, text: '{"c":3}' },
    ]);
  });
});

describe("readLines on raw bytes", () => {
  /** What the lines are: the whole input decoded at once (a leading byte-order mark dropped), split at "\n". */
  function expected(bytes: Uint8Array) {
    let text = new TextDecoder().decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.split("\n").flatMap((t, i) => {
      const line = t.endsWith("\r") ? t.slice(0, -1) : t;
      return line.trim() === "" ? [] : [{ line: i + 1, text: line }];
    });
  }
  const pieces = [[0x61, 0x62], [0x0a], [0xc3, 0xbc], [0xe2, 0x9c, 0x93], [0xf0, 0x9f, 0x98, 0x80], [0xff], [0xe2, 0x9c], [0xef, 0xbb, 0xbf], [0x0d, 0x0a], [0x7b, 0x7d]];

  it("gives what decoding the whole input gives, for ASCII and non-ASCII chunks, split and invalid sequences", async () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n);
    for (let round = 0; round < 300; round++) {
      const bytes = Uint8Array.from(Array.from({ length: 1 + random(40) }, () => pieces[random(pieces.length)]).flat());
      const size = 1 + random(9);
      const chunks = async function* () {
        for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
      };
      expect(await collect(readLines(chunks()))).toEqual(expected(bytes));
    }
  });
});

describe("readJsonValues", () => {
  it.each(SIZES)("streams the elements of a top-level array with their start lines (chunks of %i)", async (size) => {
    const text = '[\n  {"id": "a", "s": "brackets ] } [ { and \\"quotes\\""},\n  {"id": "b",\n   "n": [1, {"x": 2}]},\n  42, "str", null\n]\n';
    const pieces = await collect(readJsonValues(chunked(text, size)));
    expect(pieces.map((p) => [p.line, JSON.parse(p.text)])).toEqual([
      [2, { id: "a", s: 'brackets ] } [ { and "quotes"' }],
      [3, { id: "b", n: [1, { x: 2 }] }],
      [5, 42],
      [5, "str"],
      [5, null],
    ]);
  });

  it("yields whole documents for a single object and for one document per line", async () => {
    const single = await collect(readJsonValues(chunked('{\n "data": [{"results": []}],\n "has_more": false\n}\n', 5)));
    expect(single.map((p) => JSON.parse(p.text))).toEqual([{ data: [{ results: [] }], has_more: false }]);
    const lines = await collect(readJsonValues(chunked('{"page":1}\n{"page":2}\r\n\n{"page":3}', 3)));
    expect(lines.map((p) => [p.line, JSON.parse(p.text).page])).toEqual([
      [1, 1],
      [2, 2],
      [4, 3],
    ]);
  });

  it("reports a truncated document", async () => {
    const pieces = await collect(readJsonValues(chunked('[{"a":1},\n{"b":', 4)));
    expect(pieces).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: "", error: "the file ends inside a JSON value that starts on line 2" },
    ]);
  });

  it("streams: yields elements of an endless array without reading it all", async () => {
    async function* endless() {
      yield "[";
      for (let i = 0; ; i++) yield `{"i":${i}},`;
    }
    let count = 0;
    for await (const piece of readJsonValues(endless())) if (++count === 1000) {
      expect(JSON.parse(piece.text)).toEqual({ i: 999 });
      break;
    }
  });
});
