import { formatUsd, usdToNanos } from "@/lib/money";
import type { UnitCostRow } from "@/lib/metrics/unit-cost-schema";
import { inCurrency } from "./in-currency";
import { CONTENT_WIDTH, sectionHeading, table, tableHeight, type Doc } from "./pdf-layout";

const unit = (s: string | null) => (s === null ? "n/a" : formatUsd(usdToNanos(s)));

/** Unit costs in the monthly report PDF: cost per unit of each business metric, and its change vs last month. */
export function unitCostsSection(doc: Doc, rows: UnitCostRow[], reporting = "USD"): void {
  if (rows.length === 0) return;
  // In the reporting currency when every row converted this month; else USD, said in the heading.
  const local = reporting !== "USD" && rows.every((r) => r.cost !== undefined && r.cost !== null) ? reporting : null;
  const per = (usd: string | null, converted: string | null | undefined) => (local ? (converted === null || converted === undefined ? "n/a" : inCurrency(converted, local)) : unit(usd));
  const change = (r: UnitCostRow) => {
    if (!local) return r.changePct;
    if (!r.costPerUnit || !r.previousCostPerUnit || usdToNanos(r.previousCostPerUnit) === 0n) return null;
    return Math.round((Number(usdToNanos(r.costPerUnit) - usdToNanos(r.previousCostPerUnit)) / Number(usdToNanos(r.previousCostPerUnit))) * 1000) / 10;
  };
  sectionHeading(doc, reporting === "USD" ? "Unit costs" : `Unit costs (${local ?? "USD"})`, "Spend of each metric's team/workload (or the organisation) on the days with a value, divided by the metric's total.", tableHeight(Math.min(rows.length, 15)));
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
      per(r.costPerUnitUsd, r.costPerUnit),
      per(r.previousCostPerUnitUsd, r.previousCostPerUnit),
      ((c) => (c === null ? "new" : `${c > 0 ? "+" : ""}${c.toFixed(1)}%`))(change(r)),
    ]),
    { rowHeight: 14 },
  );
}
