import { describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import { nativeRecords } from "./native-records";
import { UnreadableRecord } from "../formats/unreadable";

/** The body as a stream of small Uint8Array chunks, as a web request body arrives. */
const body = (text: string, size = 7) => {
  const bytes = new TextEncoder().encode(text);
  return Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));
};
async function read(text: string, type: string | null = "application/json") {
  const out: unknown[] = [];
  for await (const { index, value } of nativeRecords(body(text), type)) out.push([index, value instanceof UnreadableRecord ? "unreadable" : value]);
  return out;
}

describe("nativeRecords", () => {
  it("reads a JSON object, a pretty-printed object and an array", async () => {
    expect(await read('{"a":1}')).toEqual([[0, { a: 1 }]]);
    expect(await read('{\n  "a": 1\n}\n')).toEqual([[0, { a: 1 }]]);
    expect(await read('[{"a":1},\n {"a":2}, 3]')).toEqual([[0, { a: 1 }], [1, { a: 2 }], [2, 3]]);
  });

  it("reads NDJSON by content type or by sniffing, a broken line alone", async () => {
    const ndjson = '{"a":1}\n{broken\n\n{"a":3}\n';
    const expected = [[0, { a: 1 }], [1, "unreadable"], [2, { a: 3 }]];
    expect(await read(ndjson, "application/x-ndjson")).toEqual(expected);
    expect(await read(ndjson, "application/json")).toEqual(expected);
    expect(await read(ndjson, null)).toEqual(expected);
  });

  it("refuses an empty body and one that is not a JSON object or array", async () => {
    await expect(read("  \n")).rejects.toThrow("the request body is empty");
    await expect(read('"text"')).rejects.toThrow("must be a JSON object, a JSON array of objects, or NDJSON");
  });
});
