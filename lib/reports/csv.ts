/** CSV per RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
export type CsvValue = string | number | bigint | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
