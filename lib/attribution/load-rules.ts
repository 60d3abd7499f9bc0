import type pg from "pg";
import { RuleMatchSchema, type CompiledRule } from "./rule-sql";

/** Enabled rules in order (position), with a workload's owner team filled in when the rule names no team. */
export async function loadCompiledRules(db: pg.Pool): Promise<CompiledRule[]> {
  const rows = await db.query<{ match: unknown; team_id: number | null; workload_id: number | null; workload_team: number | null }>(
    `SELECT r.match, r.team_id, r.workload_id, w.team_id AS workload_team
     FROM attribution_rules r LEFT JOIN workloads w ON w.id = r.workload_id
     WHERE r.enabled ORDER BY r.position, r.id`,
  );
  return rows.rows.flatMap((r) => {
    const match = RuleMatchSchema.safeParse(r.match);
    // A stored rule is validated when saved; an unreadable one is skipped rather than breaking ingestion.
    return match.success ? [{ match: match.data, teamId: r.team_id ?? r.workload_team, workloadId: r.workload_id }] : [];
  });
}
