/**
 * The one CSV cell encoder (RFC 4180 + spreadsheet safety), used by every CSV Rightsize writes: report and FOCUS
 * exports (lib/reports/csv.ts) and table downloads in the browser (components/explorer/csv.ts). Pure: safe in
 * client components.
 *
 * - A text that starts with =, +, -, @ (or a tab / carriage return) would run as a formula when the file is
 *   opened in a spreadsheet (CSV injection: team, workload, model and tag names come from ingested data).
 *   Such text gets a leading ' so it shows as text. Plain numbers ("-3", "-0.12" for a credit) stay numbers.
 * - A field holding a comma, quote or line break is quoted, quotes doubled.
 */
export type CsvValue = string | number | bigint | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  const safe = FORMULA_START.test(text) && !isPlainNumber(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** "-3", "+1.5", "-1e-9": a number a spreadsheet reads as a number, nothing else (not "-1+cmd|..."). */
const isPlainNumber = (text: string) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",");
}
