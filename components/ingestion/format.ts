/** Small display helpers of the ingestion screens. */
import { saveBlob } from "@/components/ui/save-blob";
import { csvRow } from "@/lib/csv/cell";
export const n = (value: number) => value.toLocaleString("en-US");

export function bytes(value: number | null): string {
  if (value === null) return "";
  if (value >= 1024 ** 3) return `${(value / 1024 ** 3).toFixed(1)} GB`;
  if (value >= 1024 ** 2) return `${(value / 1024 ** 2).toFixed(1)} MB`;
  if (value >= 1024) return `${Math.round(value / 1024)} KB`;
  return `${value} B`;
}

/** "2026-11-23 15:04" in UTC (the app's days are UTC). */
export const when = (iso: string) => iso.slice(0, 16).replace("T", " ");

/**
 * Rejected records as CSV, for download, through the one cell encoder (lib/csv/cell.ts): a message quotes the
 * rejected value, which comes from the uploaded file and may start with "=" (CSV injection).
 */
export function errorsCsv(errors: { index: number; field: string; message: string }[], indexLabel = "line"): string {
  return [csvRow([indexLabel, "field", "message"]), ...errors.map((e) => csvRow([e.index, e.field, e.message]))].join("\r\n") + "\r\n";
}

export function download(filename: string, text: string, type = "text/csv") {
  saveBlob(new Blob([text], { type }), filename);
}
