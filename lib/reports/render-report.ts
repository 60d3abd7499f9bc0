import "server-only";
import { loadRateSeries, reportingCurrency } from "@/lib/currency/rates-store";
import type { Principal } from "@/lib/auth/principal";
import { buildMonthlyReport } from "./monthly-report";
import { reportMonth } from "./report-month";
import { assertMonthHasUsage } from "./month-has-usage";
import { usageRows } from "./usage-rows";
import { usageCsv } from "./report-csv";
import { focusCsv } from "./focus/focus-export";
import type { FocusVersion } from "./focus/focus-columns";
import { renderReportPdf } from "./pdf/report-pdf";
import type { ReportFormat } from "./report-schema";
import { restatementForReport } from "./close/restatement";
import { adjustmentRows } from "./close/adjustment-rows";
import { splitAdjustments } from "./close/split-adjustments";
import { unitCostsForMonth } from "@/lib/metrics/unit-cost";
import { unitCostsCsv } from "@/lib/metrics/unit-costs-csv";

export interface RenderedReport {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

export interface RenderProgress {
  /** A step starts ("Reading usage", ...). */
  step?(name: string): void;
  /** Rows written so far out of `total` (CSV and FOCUS). */
  rows?(done: number, total: number): void;
}

/**
 * The monthly report in one of its formats, for the API and the CLI alike: json (the report), csv (usage rows),
 * focus (FOCUS 1.3 CSV, or 1.2) or pdf. A month without usage is a 404 in every format.
 */
export async function renderMonthlyReport(
  principal: Principal,
  month: string,
  format: ReportFormat,
  progress: RenderProgress = {},
  now = new Date(),
  focusVersion: FocusVersion = "1.3",
): Promise<RenderedReport> {
  const base = `rightsize-${month}`;
  if (format === "json" || format === "pdf") {
    progress.step?.("Building the report");
    // JSON is what the Reports page reads (a view); a PDF is handed out (an export).
    const report = await buildMonthlyReport(principal, month, now, format === "pdf" ? "export" : "view");
    if (format === "json") return { contentType: "application/json", filename: `${base}.json`, body: JSON.stringify(report, null, 2) };
    progress.step?.("Drawing the PDF");
    return { contentType: "application/pdf", filename: `${base}.pdf`, body: await renderReportPdf(report) };
  }
  const m = reportMonth(month, now);
  await assertMonthHasUsage(principal, m);
  if (format === "unit-costs") {
    progress.step?.("Computing unit costs");
    return { contentType: "text/csv; charset=utf-8", filename: `${base}-unit-costs.csv`, body: unitCostsCsv(await unitCostsForMonth(principal, m.month)) };
  }
  progress.step?.("Reading usage");
  if (format === "focus") {
    await restatementForReport(principal, m, "export");
    progress.step?.(`Writing FOCUS ${focusVersion} CSV`);
    const lines = await focusCsv(principal, m, focusVersion, progress.rows);
    return { contentType: "text/csv; charset=utf-8", filename: `${base}-focus-${focusVersion}.csv`, body: lines.join("") };
  }
  const { basis } = await restatementForReport(principal, m, "export");
  const [all, rates] = await Promise.all([usageRows(principal, m.from, m.to), reportingCurrency().then((c) => loadRateSeries(c, m.to))]);
  const { rows, adjustments } = splitAdjustments(all, basis ? await adjustmentRows(principal, m, basis.takenAt) : []);
  progress.step?.("Writing CSV");
  const lines = [...usageCsv(rows, (done: number) => progress.rows?.(done, rows.length), adjustments, rates)];
  return { contentType: "text/csv; charset=utf-8", filename: `${base}.csv`, body: lines.join("") };
}
