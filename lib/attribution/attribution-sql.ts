import { ruleCaseExpressions, type CompiledRule } from "./rule-sql";

/**
 * SQL that recomputes every event's team and workload from what it carried when ingested, with the precedence
 * ingestion uses (lib/ingest/ingest-session.ts + store/write-batch.ts):
 *   team:     the event's own team (source_team) > its API key's team > its own workload's owner team
 *   workload: the event's own workload (source_workload)
 *   then, if either is still missing, the first enabled rule that matches fills it (first match wins, for both),
 *   and a workload's owner team fills a team that is still missing.
 * Returns a SELECT over `usage_events e` (joined to `models m`) with columns dedup_key, day, old_team, old_workload,
 * new_team, new_workload and cost_nanos. Rule patterns are bound parameters appended to `params`.
 */
export function attributionSelect(rules: CompiledRule[], params: unknown[], extraColumns = ""): string {
  const cases = ruleCaseExpressions(rules, params);
  return `
    SELECT e.dedup_key, (e.occurred_at AT TIME ZONE 'UTC')::date AS day, e.team_id AS old_team, e.workload_id AS old_workload,
      COALESCE(c.team2, fw.team_id) AS new_team, c.workload2 AS new_workload, e.cost_nanos${extraColumns}
    FROM usage_events e
    JOIN models m ON m.id = e.model_id
    LEFT JOIN teams st ON st.slug = e.source_team
    LEFT JOIN workloads sw ON sw.slug = e.source_workload
    LEFT JOIN api_keys k ON k.id = e.api_key_id
    CROSS JOIN LATERAL (SELECT COALESCE(st.id, k.team_id, sw.team_id) AS team1, sw.id AS workload1) b
    CROSS JOIN LATERAL (
      SELECT
        CASE WHEN b.team1 IS NULL OR b.workload1 IS NULL THEN ${cases.team} END AS rule_team,
        CASE WHEN b.team1 IS NULL OR b.workload1 IS NULL THEN ${cases.workload} END AS rule_workload
    ) r
    CROSS JOIN LATERAL (SELECT COALESCE(b.team1, r.rule_team) AS team2, COALESCE(b.workload1, r.rule_workload) AS workload2) c
    LEFT JOIN workloads fw ON fw.id = c.workload2`;
}

/** Events whose stored attribution differs from the recomputed one. */
export const CHANGED = `(a.old_team IS DISTINCT FROM a.new_team OR a.old_workload IS DISTINCT FROM a.new_workload)`;
