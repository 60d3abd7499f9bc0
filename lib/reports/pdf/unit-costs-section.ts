import { formatUsd, usdToNanos } from "@/lib/money";
import type { UnitCostRow } from "@/lib/metrics/unit-cost-schema";
import { CONTENT_WIDTH, sectionHeading, table, tableHeight, type Doc } from "./pdf-layout";

const unit = (s: string | null) => (s === null ? "n/a" : formatUsd(usdToNanos(s)));

/** Unit costs in the monthly report PDF: cost per unit of each business metric, and its change vs last month. */
export function unitCostsSection(doc: Doc, rows: UnitCostRow[], reporting = "USD"): void {
  if (rows.length === 0) return;
  sectionHeading(doc, reporting === "USD" ? "Unit costs" : "Unit costs (USD)", "Spend of each metric's team/workload (or the organisation) on the days with a value, divided by the metric's total.", tableHeight(Math.min(rows.length, 15)));
  table(
    doc,
    [
      { header: "Metric", width: CONTENT_WIDTH - 390 },
      { header: "Scope", width: 100 },
      { header: "Units", width: 70, align: "right" },
      { header: "Per unit", width: 75, align: "right" },
      { header: "Last month", width: 75, align: "right" },
      { header: "Change", width: 70, align: "right" },
    ],
    rows.slice(0, 15).map((r) => [
      r.name,
      r.workload ?? r.team ?? "organisation",
      Number(r.units).toLocaleString("en-US"),
      unit(r.costPerUnitUsd),
      unit(r.previousCostPerUnitUsd),
      r.changePct === null ? "new" : `${r.changePct > 0 ? "+" : ""}${r.changePct.toFixed(1)}%`,
    ]),
    { rowHeight: 14 },
  );
}
