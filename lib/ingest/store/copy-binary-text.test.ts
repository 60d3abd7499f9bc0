import { describe, expect, it } from "vitest";
import { tagsBound, writeTags, writeUtf8 } from "./copy-binary-text";

/** The jsonb field writeTags gives for `tags`: null for NULL, else its JSON text (after the version byte). */
function field(tags: Record<string, string>): string | null {
  const b = Buffer.alloc(tagsBound(tags) + 8);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const end = writeTags(b, v, 0, tags);
  const n = v.getInt32(0);
  if (n === -1) return null;
  expect([b[4], end]).toEqual([1, 4 + n]);
  expect(end).toBeLessThanOrEqual(tagsBound(tags));
  return b.toString("utf8", 5, end);
}

describe("COPY BINARY text fields", () => {
  it("writes the tags exactly as JSON.stringify does, escapes and non-ASCII included", () => {
    const cases: Record<string, string>[] = [
      { "service.name": "svc", env: "prod" },
      { "2": "integer-like keys come first", "1": "in order", k: "v" },
      { quote: '"q"', back: "a\\b", ctl: "tab\tnew\nline\u0001", del: "\u007f", "ünï": "ç😀", lone: "x" },
      { long: "y".repeat(200), ["k".repeat(100)]: "v", "": "" },
    ];
    cases.push(JSON.parse('{"__proto__":"p","a":"b"}'));
    for (const tags of cases) expect(field(tags)).toBe(JSON.stringify(tags));
  });

  it("writes no tags as NULL", () => {
    expect(field({})).toBeNull();
  });

  it("falls back to JSON.stringify for a value that is not a string", () => {
    const tags = { a: "b", n: 3, u: undefined } as unknown as Record<string, string>;
    expect(field(tags)).toBe(JSON.stringify(tags));
  });

  it("writes labels as UTF-8", () => {
    for (const s of ["team-a", "zoë ✓ 😀", "x".repeat(100), ""]) {
      const b = Buffer.alloc(s.length * 3 + 1);
      expect(b.toString("utf8", 0, writeUtf8(b, 0, s))).toBe(s);
    }
  });
});
