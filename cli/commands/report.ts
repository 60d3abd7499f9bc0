import { writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../database";
import { parse, required, UsageError } from "../args";
import { renderMonthlyReport } from "@/lib/reports/render-report";
import { REPORT_FORMATS, type ReportFormat } from "@/lib/reports/report-schema";
import { FOCUS_VERSIONS, type FocusVersion } from "@/lib/reports/focus/focus-columns";
import { MONTH_RE } from "@/lib/reports/report-month";
import { progressBar } from "@/lib/cli/progress";
import type { Principal } from "@/lib/auth/principal";
import { writeStatements } from "./report-statements";

export const help = `rightsize report --month YYYY-MM [--format csv|focus|pdf|json] [--focus-version 1.3|1.2] [--out FILE]
rightsize report --statements --month YYYY-MM --out DIR
Writes the monthly report of all teams:
  json   the report (totals, by team/workload/model/tier/provider, budgets, coverage, anomalies, ...)
  csv    one row per day x team x workload x model, with tokens and cost
  focus  FOCUS CSV (FinOps Open Cost and Usage Specification) for FinOps tools: 1.3 by default, --focus-version 1.2
  pdf    the printable report with charts
--format defaults to the --out file's extension (.json, .csv, .pdf); --out defaults to rightsize-<month>[-focus-<version>].<ext>
in the current directory. Progress goes to stderr. Exit code 1 when the month has no usage.
--statements writes a one-page statement PDF per team (charged, allocated share, budgets, top workloads and models)
into the directory --out.`;

/** The CLI acts for the operator of the installation: every team, like an admin. */
const OPERATOR: Principal = { kind: "user", id: 0, label: "cli", role: "admin", teamIds: null, scopes: ["read"] };

export async function run(argv: string[]) {
  const { values } = parse(argv, { month: { type: "string" }, format: { type: "string" }, out: { type: "string" }, "focus-version": { type: "string" }, statements: { type: "boolean" } });
  const focusVersion = (values["focus-version"] ?? "1.3") as FocusVersion;
  if (!FOCUS_VERSIONS.includes(focusVersion)) throw new UsageError(`--focus-version must be one of ${FOCUS_VERSIONS.join(", ")}, got "${focusVersion}"`);
  const month = required(values.month, "month");
  if (!MONTH_RE.test(month)) throw new UsageError(`--month must be YYYY-MM (e.g. 2026-10), got "${month}"`);
  if (values.statements) {
    if (values.format) throw new UsageError("--statements writes PDFs: leave out --format");
    const dir = required(values.out, "out");
    const db = await openDatabase();
    try {
      await writeStatements(month, dir);
    } finally {
      await db.close();
    }
    return;
  }
  const format = formatOf(values.format, values.out);
  const db = await openDatabase();
  try {
    let bar: ReturnType<typeof progressBar> | null = null;
    const report = await renderMonthlyReport(OPERATOR, month, format, {
      step: (name) => process.stderr.write(`${name}...\n`),
      rows: (done, total) => {
        bar ??= progressBar("Rows", total, "rows");
        bar.update(done);
        if (done === total) bar.stop();
      },
    }, new Date(), focusVersion);
    const out = path.resolve(values.out ?? report.filename);
    writeFileSync(out, report.body);
    const size = Buffer.byteLength(report.body);
    process.stderr.write(`Wrote ${out} (${size.toLocaleString("en-US")} bytes)\n`);
  } finally {
    await db.close();
  }
}

function formatOf(format: string | undefined, out: string | undefined): ReportFormat {
  if (format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(", ")}, got "${format}"`);
    return format as ReportFormat;
  }
  const ext = out ? path.extname(out).slice(1).toLowerCase() : "";
  if (ext === "json" || ext === "csv" || ext === "pdf") return ext;
  throw new UsageError(`give --format (${REPORT_FORMATS.join(", ")})${out ? ` or an --out file ending in .json, .csv or .pdf` : ""}`);
}
