/** Eval results from CSV text: CSV reading plus parseEvalRows, with problems located by file line. */
import { CsvSyntaxError, parseCsv } from "./csv";
import { EvalImportError, parseEvalRows, type EvalRow, type EvalRowIssue, type ParseEvalOptions } from "./parse-eval-rows";

export function parseEvalCsv(text: string, options: Omit<ParseEvalOptions, "lines"> = {}): EvalRow[] {
  let table;
  try {
    table = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      throw new EvalImportError(`not valid CSV: ${e.message}`, [{ row: 0, line: e.line, field: null, message: e.message }]);
    }
    throw e;
  }
  const { header, records } = table;
  // A record with the wrong number of fields usually means an unquoted comma: say where instead of misreading it.
  const ragged: EvalRowIssue[] = records
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.values.length !== header.length)
    .slice(0, 50)
    .map(({ r, i }) => ({
      row: i + 1,
      line: r.line,
      field: null,
      message: `has ${r.values.length} fields, the header has ${header.length} (a comma inside a value needs quotes)`,
    }));
  if (ragged.length > 0) {
    throw new EvalImportError(`${ragged.length} malformed line(s): line ${ragged.map((p) => p.line).slice(0, 10).join(", ")}`, ragged);
  }
  const rows = records.map((r) => Object.fromEntries(header.map((h, j) => [h, r.values[j]])));
  return parseEvalRows(rows, { ...options, lines: records.map((r) => r.line) });
}
