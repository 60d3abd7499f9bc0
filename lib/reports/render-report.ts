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
    const report = await buildMonthlyReport(principal, month, now);
    if (format === "json") return { contentType: "application/json", filename: `${base}.json`, body: JSON.stringify(report, null, 2) };
    progress.step?.("Drawing the PDF");
    return { contentType: "application/pdf", filename: `${base}.pdf`, body: await renderReportPdf(report) };
  }
  const m = reportMonth(month, now);
  await assertMonthHasUsage(principal, m);
  progress.step?.("Reading usage");
  if (format === "focus") {
    progress.step?.(`Writing FOCUS ${focusVersion} CSV`);
    const lines = await focusCsv(principal, m, focusVersion, progress.rows);
    return { contentType: "text/csv; charset=utf-8", filename: `${base}-focus-${focusVersion}.csv`, body: lines.join("") };
  }
  const [rows, rates] = await Promise.all([usageRows(principal, m.from, m.to), reportingCurrency().then((c) => loadRateSeries(c, m.to))]);
  progress.step?.("Writing CSV");
  const lines = [...usageCsv(rows, (done: number) => progress.rows?.(done, rows.length), rates)];
  return { contentType: "text/csv; charset=utf-8", filename: `${base}.csv`, body: lines.join("") };
}
