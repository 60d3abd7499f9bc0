import { csvLine } from "@/lib/reports/csv";
import type { UnitCostRow } from "./unit-cost-schema";

export const UNIT_COST_CSV_COLUMNS = ["metric", "team", "workload", "units", "cost_usd", "cost_per_unit_usd", "previous_cost_per_unit_usd", "change_pct"] as const;

/** The monthly report's unit costs as CSV (format=unit-costs): exact USD decimals, change in percent. */
export function unitCostsCsv(rows: readonly UnitCostRow[]): string {
  return [
    csvLine(UNIT_COST_CSV_COLUMNS),
    ...rows.map((r) => csvLine([r.name, r.team ?? "", r.workload ?? "", r.units, r.costUsd, r.costPerUnitUsd ?? "", r.previousCostPerUnitUsd ?? "", r.changePct ?? ""])),
  ].join("");
}
