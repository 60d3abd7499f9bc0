import { expect } from "vitest";
import type { ColumnRule } from "./focus-spec";

/** A FOCUS CSV (RFC 4180, CRLF) -> one object per row keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split("\r\n").filter(Boolean);
  const split = (line: string) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]));
  const header = split(lines[0]);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i], v])));
}

/** Every rule the specification text gives a column, checked on every row. */
export function checkColumnRules(header: string[], rows: Record<string, string>[], spec: Map<string, ColumnRule>) {
  // Mandatory columns present (Feature level: Mandatory).
  for (const rule of spec.values()) if (rule.featureLevel === "Mandatory") expect(header, `${rule.id} is mandatory`).toContain(rule.id);
  // Every other column is a column of this version, or a custom one with the x_ prefix.
  for (const h of header) expect(spec.has(h) || h.startsWith("x_"), `${h} is not a FOCUS column and has no x_ prefix`).toBe(true);
  for (const row of rows) {
    for (const h of header.filter((c) => spec.has(c))) {
      const rule = spec.get(h)!;
      const value = row[h];
      if (value === "") {
        // Allows nulls: False -> never empty.
        expect(rule.allowsNulls, `${h} is null but the specification does not allow nulls`).toBe(true);
        continue;
      }
      if (rule.dataType === "Decimal") expect(value, h).toMatch(/^-?\d+(\.\d+)?$/);
      if (rule.dataType === "Date/Time") expect(value, h).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      if (rule.dataType === "JSON") expect(() => JSON.parse(value), h).not.toThrow();
      if (rule.allowedValues) expect(rule.allowedValues, `${h}="${value}" is not an allowed value`).toContain(value);
    }
  }
}
