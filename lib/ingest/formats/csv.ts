/**
 * Streaming RFC 4180 CSV reader: comma-separated fields, fields in double quotes may hold commas, quotes
 * (doubled: "") and line breaks; rows end with CRLF, LF or CR. Memory stays at one chunk plus the current
 * row. Each row carries the 1-based line it starts on (a quoted field can span lines, so rows and lines
 * differ). Blank lines are skipped. Lenient where RFC 4180 is silent: a quote inside an unquoted field, or
 * text after a closing quote, is kept as text rather than failing the file.
 */
import { MAX_RECORD_CHARS } from "./unreadable";

export interface CsvRow {
  line: number;
  fields: string[];
  error?: string;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

export async function* readCsvRows(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<CsvRow> {
  const decoder = new TextDecoder("utf-8");
  let fields: string[] = [];
  let field = "";
  let rowChars = 0;
  let inQuotes = false;
  let quoteInQuotes = false; // saw `"` inside a quoted field: either an escaped quote or the closing one
  let afterCR = false; // previous char was CR: a following LF belongs to the same line break
  let line = 1;
  let rowLine = 1;
  let first = true;

  const endRow = (): CsvRow | null => {
    fields.push(field);
    const row = fields;
    fields = [];
    field = "";
    rowChars = 0;
    const blank = row.length === 1 && row[0] === "";
    return blank ? null : { line: rowLine, fields: row };
  };

  for await (const chunk of chunks) {
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (afterCR) {
        afterCR = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (inQuotes) {
        if (quoteInQuotes) {
          quoteInQuotes = false;
          if (c === QUOTE) {
            field += '"';
            i++;
            continue;
          }
          inQuotes = false; // that quote closed the field; fall through to handle c unquoted
        } else {
          // Copy the run up to the next quote in one slice; count line breaks inside the field.
          const q = text.indexOf('"', i);
          const end = q === -1 ? n : q;
          const run = text.slice(i, end);
          for (let k = run.indexOf("\n"); k !== -1; k = run.indexOf("\n", k + 1)) line++;
          field += run;
          rowChars += run.length;
          i = end;
          if (q !== -1) {
            quoteInQuotes = true;
            i++;
          }
          continue;
        }
      }
      if (c === COMMA) {
        fields.push(field);
        field = "";
        i++;
      } else if (c === LF || c === CR) {
        const row = endRow();
        line++;
        rowLine = line;
        if (c === CR) afterCR = true;
        i++;
        if (row) yield row;
      } else if (c === QUOTE && field === "") {
        inQuotes = true;
        i++;
      } else {
        // Plain run up to the next delimiter.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === COMMA || d === LF || d === CR) break;
          j++;
        }
        field += text.slice(i, j);
        rowChars += j - i;
        i = j;
      }
      if (rowChars > MAX_RECORD_CHARS) {
        yield { line: rowLine, fields: [], error: `the CSV row starting on line ${rowLine} is larger than ${MAX_RECORD_CHARS} characters` };
        return;
      }
    }
  }
  const tail = decoder.decode();
  if (tail) field += tail;
  if (inQuotes && !quoteInQuotes) {
    yield { line: rowLine, fields: [], error: `the file ends inside a quoted field of the row starting on line ${rowLine}` };
    return;
  }
  if (field !== "" || fields.length > 0) {
    const row = endRow();
    if (row) yield row;
  }
}
