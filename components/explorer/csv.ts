import { csvCell, type CsvValue } from "@/lib/csv/cell";
import { saveBlob } from "@/components/ui/save-blob";

/**
 * CSV for spreadsheets (RFC 4180): every cell goes through the one shared encoder (lib/csv/cell.ts: quoting and
 * formula neutralisation). Money goes out as the API's decimal strings, so Excel sums to the same cent as the dashboard.
 */
export type { CsvValue };
export const csvField = csvCell;

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** Offers the text as a file download (browser only). */
export function downloadCsv(filename: string, text: string): void {
  saveBlob(new Blob([text], { type: "text/csv;charset=utf-8" }), filename);
}
