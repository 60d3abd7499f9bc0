import { describe, expect, it } from "vitest";
import { parseTimestamp } from "./timestamps";

/** Texts in the canonical form read by the fast path; " " + text takes the general pattern (the text is trimmed). */
function canonical(): string[] {
  const out: string[] = [];
  const years = ["0000", "0004", "0099", "0100", "1900", "1999", "2000", "2024", "2026", "2100", "9999"];
  const parts = ["01-31", "02-28", "02-29", "02-30", "04-30", "04-31", "12-31", "13-01", "00-10", "06-00"];
  const times = ["00:00:00", "23:59:59", "23:59:60", "23:59:61", "24:00:00", "12:60:00", "1a:00:00"];
  for (const y of years) for (const p of parts) for (const t of times) {
    out.push(`${y}-${p}T${t}Z`, `${y}-${p}T${t}.123Z`, `${y}-${p}T${t}.9x9Z`);
  }
  for (let i = 0; i < 2000; i++) out.push(new Date(Date.UTC(1970, 0, 1) + i * 7_919_993_123).toISOString());
  return out;
}

describe("parseTimestamp", () => {
  it("reads the canonical form as the general pattern does, invalid dates and leap seconds included", () => {
    for (const text of canonical()) expect([text, parseTimestamp(text)]).toEqual([text, parseTimestamp(` ${text}`)]);
  });

  it("reads what toISOString writes back to the same instant", () => {
    const ms = Date.UTC(2026, 10, 23, 10, 15, 0, 123);
    expect(parseTimestamp(new Date(ms).toISOString())).toBe(ms);
    expect(parseTimestamp("2026-11-23T10:15:00Z")).toBe(ms - 123);
  });
});
