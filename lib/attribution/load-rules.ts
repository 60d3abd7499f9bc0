import type pg from "pg";
import { RuleMatchSchema, type CompiledRule } from "./rule-sql";

export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** A stored rule as ingestion and re-attribution need it (ordered by position). */
export interface StoredRule {
  id: number;
  enabled: boolean;
  match: unknown;
  teamId: number | null;
  workloadId: number | null;
  /** Owner team of the rule's workload, which fills the team when the rule names none. */
  workloadTeamId: number | null;
}

export async function loadRuleRows(db: Queryable): Promise<StoredRule[]> {
  const rows = await db.query<{ id: number; enabled: boolean; match: unknown; team_id: number | null; workload_id: number | null; workload_team: number | null }>(
    `SELECT r.id, r.enabled, r.match, r.team_id, r.workload_id, w.team_id AS workload_team
     FROM attribution_rules r LEFT JOIN workloads w ON w.id = r.workload_id
     ORDER BY r.position, r.id`,
  );
  return rows.rows.map((r) => ({ id: r.id, enabled: r.enabled, match: r.match, teamId: r.team_id, workloadId: r.workload_id, workloadTeamId: r.workload_team }));
}

/** Enabled rules in order, with a workload's owner team filled in when the rule names no team. */
export function compileRules(rules: StoredRule[]): CompiledRule[] {
  return rules.flatMap((r) => {
    if (!r.enabled) return [];
    const match = RuleMatchSchema.safeParse(r.match);
    // A stored rule is validated when saved; an unreadable one is skipped rather than breaking ingestion.
    return match.success ? [{ match: match.data, teamId: r.teamId ?? r.workloadTeamId, workloadId: r.workloadId }] : [];
  });
}

export async function loadCompiledRules(db: Queryable): Promise<CompiledRule[]> {
  return compileRules(await loadRuleRows(db));
}
