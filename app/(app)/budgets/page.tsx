import { requirePagePrincipal } from "@/lib/auth/session";
import { can } from "@/lib/auth/principal";
import { budgetScopeOptions } from "@/lib/budgets/scope-options";
import { BudgetsView } from "@/components/budgets/budgets-view";

export const dynamic = "force-dynamic";

// Budgets: burn-down per budget, create/edit for admin and finance, alert history.
export default async function BudgetsPage() {
  const principal = await requirePagePrincipal();
  const canManage = can(principal, "manage_budgets");
  const options = canManage ? await budgetScopeOptions(principal) : { teams: [], workloads: [] };
  return <BudgetsView canManage={canManage} options={options} />;
}
