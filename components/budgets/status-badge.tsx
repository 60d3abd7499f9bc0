import type { BudgetStatusName } from "@/lib/budgets/budget-schema";
import { STATUS_CLASS, STATUS_LABEL } from "./format";

export function StatusBadge({ status }: { status: BudgetStatusName }) {
  return <span className={`badge ${STATUS_CLASS[status]}`} data-testid="budget-status">{STATUS_LABEL[status]}</span>;
}
