import { csvCell, type CsvValue } from "@/lib/csv/cell";

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
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
