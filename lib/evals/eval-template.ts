/** The eval results template: the importer's columns (eval-columns.ts) as a CSV header with three example rows. */
import { csvLine } from "@/lib/reports/csv";
import { EVAL_COLUMNS } from "./eval-columns";

export function evalTemplateCsv(): string {
  const rows = EVAL_COLUMNS[0].example.map((_, i) => EVAL_COLUMNS.map((c) => c.example[i]));
  return [csvLine(EVAL_COLUMNS.map((c) => c.name)), ...rows.map((r) => csvLine(r))].join("");
}
