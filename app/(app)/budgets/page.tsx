import { requirePagePrincipal } from "@/lib/auth/session";
import { can } from "@/lib/auth/principal";
import { budgetScopeOptions } from "@/lib/budgets/scope-options";
import { BudgetsView } from "@/components/budgets/budgets-view";
import { reportingCurrency } from "@/lib/currency/rates-store";

export const dynamic = "force-dynamic";

// Budgets: burn-down per budget, create/edit for admin and finance, alert history.
export default async function BudgetsPage() {
  const principal = await requirePagePrincipal();
  const canManage = can(principal, "manage_budgets");
  const options = canManage ? await budgetScopeOptions(principal) : { teams: [], workloads: [] };
  // Budgets can be set in USD or the reporting currency (the form offers both when one is set).
  return <BudgetsView canManage={canManage} options={options} reportingCurrency={await reportingCurrency()} />;
}
