import "server-only";
import { loadBudgets } from "@/lib/budgets/budget-record";
import { budgetState } from "@/lib/budgets/budget-status";
import { raiseBudgetAlerts } from "./budget-alerts";
import { raiseAnomalyAlerts } from "./anomaly-alerts";
import { detectRollouts } from "@/lib/rollouts/server/detect-rollouts";
import { raiseRolloutAlerts } from "@/lib/rollouts/server/rollout-alerts";
import { checkCatalogueRelease } from "@/lib/recommendations/price-change-note";
import { runDueDeliveries, type DeliveryRunResult } from "./deliver-webhooks";
import type { RaisedAlert } from "./raise-alert";

export interface EvaluationResult {
  evaluatedAt: string;
  budgets: number;
  raised: RaisedAlert[];
  deliveries: DeliveryRunResult | null;
  errors: string[];
}

/** Background evaluation sees every team: alerts are about the organisation's money, not one reader's view. */
const SYSTEM = { teamIds: null };

/**
 * Checks every budget (thresholds reached, forecast over the amount), the last week's anomalies and applied rollouts (lib/rollouts), raises what is
 * new (each alert once per period, or per day and scope), then sends the webhook deliveries that are due. Run every
 * minute by the in-process scheduler (instrumentation.ts) and on demand by POST /api/v1/budgets/evaluate. Ingestion
 * does not call it: a batch every few seconds would be too hot a path, and a minute is soon enough for budgets.
 * One budget failing (e.g. a deleted team) does not stop the others; its error is returned and logged.
 */
export async function evaluateBudgets(opts: { now?: Date; deliver?: boolean } = {}): Promise<EvaluationResult> {
  const now = opts.now ?? new Date();
  const budgets = await loadBudgets();
  const raised: RaisedAlert[] = [];
  const errors: string[] = [];
  for (const budget of budgets) {
    try {
      raised.push(...(await raiseBudgetAlerts(await budgetState(SYSTEM, budget, now), now)));
    } catch (error) {
      errors.push(`budget ${budget.id}: ${(error as Error).message}`);
    }
  }
  try {
    raised.push(...(await raiseAnomalyAlerts(budgets, now)));
  } catch (error) {
    errors.push(`anomalies: ${(error as Error).message}`);
  }
  try {
    // Rollouts: propose detected model-mix shifts, then alert on applied ones delivering under plan.
    await detectRollouts(now);
    raised.push(...(await raiseRolloutAlerts(budgets, now)));
  } catch (error) {
    errors.push(`rollouts: ${(error as Error).message}`);
  }
  try {
    await checkCatalogueRelease(); // a new genai-prices release: note how recommendations moved
  } catch (error) {
    errors.push(`price catalogue: ${(error as Error).message}`);
  }
  for (const e of errors) console.error(`Budget evaluation: ${e}`);
  const deliveries = opts.deliver === false ? null : await runDueDeliveries({ now });
  return { evaluatedAt: now.toISOString(), budgets: budgets.length, raised, deliveries, errors };
}
