/**
 * Attribution patterns: case-insensitive, `*` matches any run of characters, everything else is literal.
 * Compiled to SQL ILIKE patterns so matching runs inside Postgres (ingestion and re-attribution share it).
 */
export function validatePattern(pattern: unknown, field: string): string {
  if (typeof pattern !== "string" || pattern.trim() === "") throw new Error(`${field}: pattern must be a non-empty string`);
  if (pattern.length > 200) throw new Error(`${field}: pattern is longer than 200 characters`);
  if (/^\*+$/.test(pattern.trim())) throw new Error(`${field}: pattern "${pattern}" matches everything; remove the condition instead`);
  return pattern.trim();
}

export function toIlike(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, "%");
}

export function matchesPattern(pattern: string, value: string | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  const regex = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "i");
  return regex.test(value);
}
