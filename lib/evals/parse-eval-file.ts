/**
 * An uploaded eval-results file (CSV, a JSON array of rows, or {"rows": [...]}) -> validated rows. The format is
 * taken from the caller when known (content type, file extension), else sniffed from the first character.
 * Problems come back as EvalImportError (missing columns named, bad lines located), never as a partial import.
 */
import { parseEvalCsv } from "./eval-csv";
import { EvalImportError, parseEvalRows, type EvalRow, type ParseEvalOptions } from "./parse-eval-rows";

export type EvalFileFormat = "csv" | "json";

export function detectEvalFormat(text: string, hint?: string | null): EvalFileFormat {
  const h = (hint ?? "").toLowerCase();
  if (h.includes("json")) return "json";
  if (h.includes("csv")) return "csv";
  const first = text.replace(/^\uFEFF/, "").trimStart()[0];
  return first === "[" || first === "{" ? "json" : "csv";
}

export function parseEvalFile(text: string, format: EvalFileFormat, options: Omit<ParseEvalOptions, "lines"> = {}): EvalRow[] {
  if (text.trim() === "") throw new EvalImportError("the file is empty", []);
  const rows = format === "csv" ? parseEvalCsv(text, options) : parseEvalRows(jsonRows(text), options);
  if (rows.length === 0) throw new EvalImportError("the file holds no eval results (only a header?)", []);
  return rows;
}

function jsonRows(text: string): Record<string, unknown>[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new EvalImportError(`not valid JSON: ${(e as Error).message}`, []);
  }
  const rows = Array.isArray(data) ? data : data && typeof data === "object" && Array.isArray((data as { rows?: unknown }).rows) ? (data as { rows: unknown[] }).rows : null;
  if (!rows) throw new EvalImportError('expected a JSON array of rows, or {"rows": [...]}', []);
  const bad = rows.findIndex((r) => r === null || typeof r !== "object" || Array.isArray(r));
  if (bad >= 0) throw new EvalImportError(`row ${bad + 1} is not an object`, [{ row: bad + 1, line: null, field: null, message: "is not an object" }]);
  return rows as Record<string, unknown>[];
}
