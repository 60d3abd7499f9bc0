/**
 * Small value checks shared by every source parser. They return plain messages ("must be a non-negative
 * integer, got -5") so a rejected record tells the user exactly what to fix.
 */

/**
 * Largest token/request count one record may carry. The usage_events columns are 32-bit integers, so a
 * larger value would fail the whole COPY batch later; rejecting it here names the record instead.
 */
export const MAX_COUNT = 2_147_483_647;

/** A short, readable rendering of a bad value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return "an array";
  return "an object";
}

export function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && value <= MAX_COUNT;
}

/** Message for a value that is not a valid count, or null when it is one. */
export function countError(value: unknown): string | null {
  if (isCount(value)) return null;
  if (typeof value === "number" && Number.isInteger(value) && value > MAX_COUNT) {
    return `is ${value}, more than one record can hold (${MAX_COUNT}); split the data into smaller records or buckets`;
  }
  return `must be a non-negative integer, got ${describeValue(value)}`;
}

/**
 * Counts from text sources (CSV cells, OTLP string attributes, JSON strings): "123" is accepted,
 * "12.5", "-1" and "abc" are not. Returns the number, or undefined when the text is not a count.
 */
export function countFromText(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,16}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return isCount(n) ? n : undefined;
}

/** Accepts a count as number or digit string (exports often stringify numbers). */
export function looseCount(value: unknown): number | undefined {
  if (isCount(value)) return value;
  if (typeof value === "string") return countFromText(value);
  return undefined;
}

/** Trimmed non-empty string, or null for absent/empty values. Non-strings become null. */
export function optionalText(value: unknown, maxLength = 256): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  return trimmed.length > maxLength ? trimmed.slice(0, maxLength) : trimmed;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
