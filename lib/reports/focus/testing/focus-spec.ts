import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { FocusVersion } from "../focus-columns";

/**
 * The rules of each FOCUS column, read from the specification's own text (../spec): its Column ID and the
 * "Content Constraints" table (feature level, whether nulls are allowed, data type, allowed values). Tests check
 * the export against these, so a rule comes from the specification, not from a list typed into the test.
 */
export interface ColumnRule {
  id: string;
  featureLevel: string;
  allowsNulls: boolean;
  dataType: string;
  allowedValues: string[] | null;
  deprecated: boolean;
  /** The column's requirement lines ("* X MUST ..."), for rules checked one by one. */
  requirements: string[];
}

const SPEC_DIR = path.join(import.meta.dirname, "..", "spec");

export function focusSpec(version: FocusVersion): Map<string, ColumnRule> {
  const files = new Map<string, string>();
  const read = (dir: string) => {
    for (const f of readdirSync(dir)) if (f.endsWith(".md")) files.set(f, readFileSync(path.join(dir, f), "utf8"));
  };
  read(path.join(SPEC_DIR, "v1.2"));
  if (version === "1.3") {
    // 1.3 renames the files of the columns it deprecates or renames (provider.md -> providername.md, ...).
    for (const old of ["provider.md", "publisher.md", "invoiceissuer.md"]) files.delete(old);
    read(path.join(SPEC_DIR, "v1.3"));
  }
  const rules = new Map<string, ColumnRule>();
  for (const text of files.values()) {
    const rule = parseColumn(text);
    if (rule) rules.set(rule.id, rule);
  }
  return rules;
}

export function parseColumn(text: string): ColumnRule | null {
  const id = /## Column ID\s+(\S+)/.exec(text)?.[1];
  if (!id) return null;
  const cell = (name: string) => new RegExp(`\\|\\s*${name}\\s*\\|\\s*([^|]+?)\\s*\\|`, "i").exec(text)?.[1] ?? "";
  return {
    id,
    featureLevel: cell("Feature level"),
    allowsNulls: cell("Allows nulls").toLowerCase() === "true",
    dataType: cell("Data type"),
    allowedValues: /Value format\s*\|\s*Allowed values/i.test(text) ? allowedValues(text, id) : null,
    deprecated: /DEPRECATED|## Deprecated/.test(text),
    requirements: text.split("\n").filter((l) => /^\s*\* .*\b(MUST|SHOULD|MAY)\b/.test(l)).map((l) => l.trim().slice(2)),
  };
}

/** The values of the "Allowed values" table: the column headed "Value" or named like the column. */
function allowedValues(text: string, id: string): string[] {
  const after = text.slice(text.search(/Allowed values:?\s*\n/i));
  const lines = after.split("\n").filter((l) => l.trim().startsWith("|"));
  const cells = (l: string) => l.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
  const header = cells(lines[0]).map((h) => h.replace(/\s+/g, "").toLowerCase());
  let col = header.findIndex((h) => h === "value" || h === id.toLowerCase());
  if (col < 0) col = 0;
  return lines.slice(2).map((l) => cells(l)[col]).filter((v) => v && !/^:?-+:?$/.test(v));
}
