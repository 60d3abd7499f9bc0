import { Suspense } from "react";
import { requirePagePrincipal } from "@/lib/auth/session";
import { can } from "@/lib/auth/principal";
import { reportMonths } from "@/lib/reports/report-months";
import { ReportsView } from "@/components/reports/reports-view";
import { budgetScopeOptions } from "@/lib/budgets/scope-options";

export const dynamic = "force-dynamic";

// Reports: the monthly report (on screen and as CSV / FOCUS / PDF / JSON), team statements, report schedules and
// reconciliation with provider bills.
export default async function ReportsPage() {
  const principal = await requirePagePrincipal();
  const [months, { teams }] = await Promise.all([reportMonths(principal), budgetScopeOptions(principal)]);
  const thisMonth = new Date().toISOString().slice(0, 7);
  // The last finished month is what finance reports on; the month in progress when it is all there is.
  const defaultMonth = months.find((m) => m < thisMonth) ?? months[0] ?? thisMonth;
  return (
    <Suspense>
      <ReportsView months={months} defaultMonth={defaultMonth} canReconcile={principal.teamIds === null} canImport={can(principal, "manage_budgets")} teams={teams} />
    </Suspense>
  );
}
