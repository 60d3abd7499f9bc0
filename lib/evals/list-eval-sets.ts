import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { pool } from "@/lib/db/pool";

export interface EvalSetSummary {
  name: string;
  description: string | null;
  createdAt: string;
  tasks: number;
  models: { model: string; tasks: number; passed: number; passRate: number }[];
  /** Workloads linked to the set that the caller may see. */
  workloads: string[];
}

/**
 * Every eval set with each model's pass rate (passed / tasks with a result for that model), best first, and the
 * caller's workloads linked to it. Eval sets are evidence shared by the organisation; which workloads use them
 * follows team scope.
 */
export async function listEvalSets(principal: Pick<Principal, "teamIds">): Promise<EvalSetSummary[]> {
  const [sets, rates, links] = await Promise.all([
    pool().query<{ id: number; name: string; description: string | null; created_at: Date; tasks: number }>(
      `SELECT s.id, s.name, s.description, s.created_at, (SELECT count(DISTINCT task_id)::int FROM eval_results r WHERE r.eval_set_id = s.id) AS tasks
       FROM eval_sets s ORDER BY s.name`,
    ),
    pool().query<{ eval_set_id: number; model: string; tasks: number; passed: number }>(
      `SELECT eval_set_id, model, count(*)::int AS tasks, count(*) FILTER (WHERE passed)::int AS passed FROM eval_results GROUP BY 1, 2`,
    ),
    pool().query<{ eval_set_id: number; slug: string }>(
      `SELECT eval_set_id, slug FROM workloads WHERE eval_set_id IS NOT NULL
         AND ($1::int[] IS NULL OR team_id = ANY($1::int[])) ORDER BY slug`,
      [principal.teamIds],
    ),
  ]);
  return sets.rows.map((s) => ({
    name: s.name,
    description: s.description,
    createdAt: s.created_at.toISOString(),
    tasks: s.tasks,
    models: rates.rows
      .filter((r) => r.eval_set_id === s.id)
      .map((r) => ({ model: r.model, tasks: r.tasks, passed: r.passed, passRate: r.tasks === 0 ? 0 : r.passed / r.tasks }))
      .sort((a, b) => b.passRate - a.passRate || a.model.localeCompare(b.model)),
    workloads: links.rows.filter((l) => l.eval_set_id === s.id).map((l) => l.slug),
  }));
}
