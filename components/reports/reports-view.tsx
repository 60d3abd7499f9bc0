"use client";
import { PendingDownload } from "@/components/ui/pending-download";
import "@/components/budgets/budgets.css";
import "./reports.css";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { monthLabel } from "./month-label";
import { downloadUrl } from "./api";
import { MonthlyReportView } from "./monthly-report-view";
import { ReconciliationView } from "./reconciliation-view";
import { StatementsView } from "./statements-view";
import { SchedulesView } from "./schedules-view";

/**
 * The Reports page: pick a month (kept in the URL), read the report, download it (CSV, FOCUS 1.2, PDF, JSON), and
 * for those who see every team, reconcile it with the providers' bills.
 */
export function ReportsView({ months, defaultMonth, canReconcile, canImport, teams }: { months: string[]; defaultMonth: string; canReconcile: boolean; canImport: boolean; teams: { slug: string; name: string }[] }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const month = params.get("month") ?? defaultMonth;
  const tabs = [
    { id: "report", label: "Monthly report" },
    { id: "statements", label: "Team statements" },
    ...(canImport ? [{ id: "schedules", label: "Schedules" }] : []),
    ...(canReconcile ? [{ id: "reconciliation", label: "Reconciliation with bills" }] : []),
  ];
  const tab = tabs.find((t) => t.id === params.get("tab"))?.id ?? "report";
  const go = (next: { month?: string; tab?: string }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    router.replace(`${pathname}?${p}`, { scroll: false });
  };
  const options = months.includes(month) ? months : [month, ...months];

  return (
    <>
      <PageHeader
        title="Reports"
        subtitle="The month's AI spend for finance: by team, workload and model, against budgets, with anomalies. UTC months."
        actions={
          <div className="rp-toolbar">
            <label className="field">
              Month
              <select value={month} onChange={(e) => go({ month: e.target.value })} aria-label="Month">
                {options.map((m) => <option key={m} value={m}>{monthLabel(m)}</option>)}
              </select>
            </label>
            {months.includes(month) ? (
              <div className="rp-downloads" aria-label="Downloads">
                <PendingDownload href={downloadUrl(month, "csv")}>CSV</PendingDownload>
                <PendingDownload href={downloadUrl(month, "focus")} title="FinOps Open Cost and Usage Specification 1.2">FOCUS 1.2</PendingDownload>
                <PendingDownload className="btn primary" href={downloadUrl(month, "pdf")}>PDF</PendingDownload>
                <PendingDownload href={downloadUrl(month, "json")}>JSON</PendingDownload>
              </div>
            ) : (
              <div className="rp-downloads" aria-label="Downloads" title="No usage this month: nothing to download">
                {["CSV", "FOCUS 1.2", "PDF", "JSON"].map((label) => <button key={label} type="button" className="btn" disabled>{label}</button>)}
              </div>
            )}
          </div>
        }
      />
      <div className="tabs rp-tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={`tab${tab === t.id ? " active" : ""}`} onClick={() => go({ tab: t.id })}>{t.label}</button>
        ))}
      </div>
      {tab === "report" && <MonthlyReportView month={month} canClose={canImport} />}
      {tab === "statements" && <StatementsView month={month} teams={teams} />}
      {tab === "schedules" && <SchedulesView teams={teams} />}
      {tab === "reconciliation" && <ReconciliationView month={month} canImport={canImport} />}
    </>
  );
}
