/**
 * Idempotency keys for records that carry no id of their own. The key is the sha256 of the value's
 * canonical JSON (object keys sorted at every level), so re-sending or re-importing the same content in
 * any key order gives the same key, on any machine, in any run.
 */
import { hash } from "node:crypto";

// Event keys repeat across millions of events: their quoted form is computed once. Bounded, because tag
// keys are user data and must not grow memory without limit.
const quotedKeys = new Map<string, string>();
const MAX_CACHED_KEYS = 10_000;

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < MAX_CACHED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    // undefined/functions have no JSON form; as object members they are dropped below.
    return value === undefined ? "null" : (JSON.stringify(value) ?? "null");
  }
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + canonicalJson(value[i]);
    return out + "]";
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const member = obj[key];
    if (member === undefined || typeof member === "function") continue;
    out += (first ? "" : ",") + quoteKey(key) + ":" + canonicalJson(member);
    first = false;
  }
  return out + "}";
}

/** sha256 hex of the canonical JSON: a stable identity for content without an id. */
export function stableKey(value: unknown): string {
  return hash("sha256", canonicalJson(value), "hex");
}
