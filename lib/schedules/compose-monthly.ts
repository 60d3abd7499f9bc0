import "server-only";
import { AppError } from "@/lib/errors";
import { formatUsd, usdToNanos } from "@/lib/money";
import type { Principal } from "@/lib/auth/principal";
import { buildMonthlyReport } from "@/lib/reports/monthly-report";
import { monthName } from "@/lib/reports/report-month";
import { appLink, type ReportMessage } from "./report-message";

/** Schedules act for the organisation, like the CLI: every team. */
export const SCHEDULE_PRINCIPAL: Principal = { kind: "user", id: 0, label: "report-schedule", role: "admin", teamIds: null, scopes: ["read"] };

const usd = (s: string) => formatUsd(usdToNanos(s));

/** The monthly report's email / post: headline numbers, teams by total charged, budgets; the files are attached. */
export async function composeMonthly(month: string, attachment: "csv" | "focus", now = new Date()): Promise<ReportMessage> {
  const name = monthName(month);
  let r;
  try {
    r = await buildMonthlyReport(SCHEDULE_PRINCIPAL, month, now);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "not_found")) throw error;
    // Say so rather than send nothing: a silent month usually means ingestion stopped.
    return {
      type: "report.monthly",
      subject: `AI spend report ${name}: no usage recorded`,
      heading: `AI spend report: ${name}`,
      lines: [`No AI usage was recorded in ${name}. If that is unexpected, check ingestion.`],
      facts: [],
      link: appLink("/ingestion"),
      attachments: [],
    };
  }
  const change = r.previous.changeShare;
  const changeText = change === null ? "no spend the month before" : `${change >= 0 ? "+" : ""}${(change * 100).toFixed(1)}% vs ${monthName(r.previous.month)}`;
  const over = r.budgets.filter((b) => b.status === "over").length;
  const atRisk = r.budgets.filter((b) => b.status === "at_risk").length;
  const teams = r.chargeback.teams.slice(0, 5).map((t) => `${t.label}: ${usd(t.totalUsd)} (direct ${usd(t.directUsd)} + allocated ${usd(t.allocatedUsd)})`);
  return {
    type: "report.monthly",
    subject: `AI spend report ${name}: ${usd(r.totals.costUsd)} (${changeText})`,
    heading: `AI spend report: ${name}`,
    lines: [
      `Total AI spend in ${name} was ${usd(r.totals.costUsd)} over ${r.totals.requests.toLocaleString("en-US")} requests, ${changeText}.`,
      ...(teams.length ? [`Teams by total charged: ${teams.join("; ")}.`] : []),
    ],
    facts: [
      ["Total spend", usd(r.totals.costUsd)],
      [`${monthName(r.previous.month)}`, usd(r.previous.costUsd)],
      ["Budgets", r.budgets.length ? `${over} over, ${atRisk} at risk of ${r.budgets.length}` : "none set"],
      ["Unattributed", usd(r.coverage.unattributedCostUsd)],
      ["Anomalies", String(r.anomalies.length)],
    ],
    link: appLink(`/reports?month=${month}`),
    attachments: [{ month, format: "pdf" }, { month, format: attachment }],
  };
}
