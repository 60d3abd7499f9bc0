import { csvCell, type CsvValue } from "@/lib/csv/cell";

/** CSV per RFC 4180 with CRLF line ends; every cell goes through the one shared encoder (lib/csv/cell.ts). */
export type { CsvValue };
export const csvField = csvCell;

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
