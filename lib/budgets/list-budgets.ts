import "server-only";
import { can, type Principal } from "@/lib/auth/principal";
import { notFound } from "@/lib/errors";
import { dayOf } from "@/lib/forecast/utc-days";
import { canSeeBudget, loadBudget, loadBudgets } from "./budget-record";
import { budgetState } from "./budget-status";
import { toBudgetOut } from "./budget-out";
import type { BudgetOut, BudgetStatusName } from "./budget-schema";

const STATUS_ORDER: Record<BudgetStatusName, number> = { over: 0, at_risk: 1, on_track: 2 };

/** The budgets the caller can see, each with spend, forecast and status; riskiest first. */
export async function listBudgets(
  principal: Principal,
  opts: { includeSeries?: boolean; status?: BudgetStatusName; now?: Date } = {},
): Promise<{ today: string; budgets: BudgetOut[] }> {
  const now = opts.now ?? new Date();
  const visible = (await loadBudgets()).filter((b) => canSeeBudget(principal, b));
  const states = await Promise.all(visible.map((b) => budgetState(principal, b, now)));
  const canManage = can(principal, "manage_budgets");
  const budgets = states
    .map((s) => toBudgetOut(s, { canManage, includeSeries: opts.includeSeries ?? false }))
    .filter((b) => !opts.status || b.status === opts.status)
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.forecastShare - a.forecastShare || a.id - b.id);
  return { today: dayOf(now), budgets };
}

/** One budget with its burn-down; 404 when it does not exist or the caller cannot see it (existence is not leaked). */
export async function getBudget(principal: Principal, id: number, now = new Date()): Promise<BudgetOut> {
  const budget = await loadBudget(id);
  if (!budget || !canSeeBudget(principal, budget)) throw notFound(`budget ${id}`);
  const state = await budgetState(principal, budget, now);
  return toBudgetOut(state, { canManage: can(principal, "manage_budgets"), includeSeries: true });
}
