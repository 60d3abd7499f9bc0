/**
 * A small RFC 4180 CSV reader for eval-result files: quoted fields with "" escapes and embedded newlines,
 * LF or CRLF, optional UTF-8 BOM. Records remember the line they start on, so errors can name a line a user can
 * find in their editor even when earlier fields span several lines (the RouteLLM response texts do).
 * Written here rather than taken from a package: ~60 lines, and import needs nothing more.
 */
export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  values: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

/** Parses the whole text; the first record is the header. Blank lines between records are skipped. */
export function parseCsv(text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const values: string[] = [];
    let field = "";
    let atFieldStart = true;
    let quoted = false;
    let endOfRecord = false;
    while (i < n && !endOfRecord) {
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
            const next = text[i];
            if (i < n && next !== "," && next !== "\n" && next !== "\r") {
              throw new CsvSyntaxError("unexpected character after a closing quote", line);
            }
          }
        } else {
          if (c === "\n") line++;
          field += c;
          i++;
        }
      } else if (c === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
        i++;
      } else if (c === ",") {
        values.push(field);
        field = "";
        atFieldStart = true;
        i++;
      } else if (c === "\n" || c === "\r") {
        i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        endOfRecord = true;
      } else {
        field += c;
        atFieldStart = false;
        i++;
      }
    }
    if (quoted) throw new CsvSyntaxError("a quoted field is never closed", startLine);
    values.push(field);
    if (values.length === 1 && values[0] === "") continue; // blank line
    records.push({ line: startLine, values });
  }
  const [head, ...rest] = records;
  return { header: head ? head.values.map((h) => h.trim()) : [], records: rest };
}
