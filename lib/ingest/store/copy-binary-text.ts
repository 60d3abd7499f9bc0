/**
 * The text fields of a COPY BINARY row (copy-binary.ts) written straight into its buffer: labels as UTF-8 and the
 * tags as a jsonb field, without building a string per row (the ingestion hot path, issue 17.1).
 */
/**
 * Writes `s` as UTF-8 at `at`, returns the byte count. Labels are nearly always ASCII and short: a loop of byte
 * stores costs less than Buffer.write's call into C++; anything else goes through Buffer.write.
 */
export function writeUtf8(b: Buffer, at: number, s: string): number {
  const n = s.length;
  if (n > 64) return b.write(s, at, "utf8");
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return b.write(s, at, "utf8");
    b[at + i] = c;
  }
  return n;
}

/**
 * The tags as a jsonb field: NULL for none (keeps rows narrow), else the binary jsonb format, a version byte (1)
 * then JSON text. The text is what JSON.stringify(tags) gives, written piece by piece: each key and value as
 * JSON.stringify writes a string (quoted, escaped), so PostgreSQL parses the same jsonb, without building the
 * whole JSON string of every row (measured ~1.5 us an event). A value that is not a string (a parser's bug)
 * takes JSON.stringify itself, so it is stored as before.
 */
export function writeTags(b: Buffer, v: DataView, at: number, tags: Record<string, string>): number {
  let first = true;
  let p = at + 5;
  for (const key in tags) {
    const value = tags[key];
    if (typeof value !== "string") return writeJsonText(b, v, at, JSON.stringify(tags));
    b[p++] = first ? 0x7b : 0x2c; // { or ,
    first = false;
    p = jsonString(b, p, key);
    b[p++] = 0x3a; // :
    p = jsonString(b, p, value);
  }
  if (first) {
    v.setInt32(at, -1);
    return at + 4;
  }
  b[p++] = 0x7d; // }
  v.setInt32(at, p - at - 4);
  b[at + 4] = 1;
  return p;
}

function writeJsonText(b: Buffer, v: DataView, at: number, json: string): number {
  b[at + 4] = 1;
  const n = b.write(json, at + 5, "utf8");
  v.setInt32(at, n + 1);
  return at + 5 + n;
}

/** `s` as JSON.stringify writes it: plain printable ASCII copied between quotes, anything else through JSON.stringify. */
function jsonString(b: Buffer, at: number, s: string): number {
  const n = s.length;
  if (n <= 64) {
    b[at] = 0x22;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x5c) break;
      b[at + 1 + i] = c;
    }
    if (i === n) {
      b[at + 1 + n] = 0x22;
      return at + n + 2;
    }
  }
  return at + b.write(JSON.stringify(s), at, "utf8");
}

/** Bytes the tags' jsonb field may take at most: 6 per UTF-16 unit (a \uXXXX escape), quotes, separators, braces. */
export function tagsBound(tags: Record<string, string>): number {
  let n = 8;
  for (const key in tags) {
    const value = tags[key];
    if (typeof value !== "string") return 8 + Buffer.byteLength(JSON.stringify(tags), "utf8");
    n += (key.length + value.length) * 6 + 6;
  }
  return n;
}
