import { firstMatchExpression, type CompiledRule } from "./rule-sql";

/**
 * "rule-candidates": only events that did not carry both their own team and workload, the only ones a rule can
 * touch (an event naming both never reaches the rules), i.e. exactly what a rule change can move, in a fraction
 * of the time on a mostly-tagged history. "all": every event (repairs attribution after teams/workloads changed).
 */
export type AttributionScope = "rule-candidates" | "all";
/** What an event adds to the roll-ups besides its keys (see lib/ingest/store/columns.ts). */
export const MEASURE_COLUMNS = [
  "occurred_at", "model_id", "batch", "service_tier", "user_name", "requests", "input_tokens", "cached_input_tokens", "cache_write_tokens",
  "output_tokens", "reasoning_tokens", "cost_nanos", "source_cost_nanos",
  // The shape roll-up's input bucket of a usage-export row reads its context-window tag (shape-rollup.ts).
  "tags", "tool_cost_nanos",
  // The run roll-up's key and its ok/error counts (lib/ingest/store/run-rollup.ts).
  "run_id", "run_kind", "status",
] as const;

const RULE_CANDIDATE = "(e.source_team IS NULL OR e.source_workload IS NULL)";

/**
 * SQL that recomputes every event's team and workload from what it carried when ingested, with the precedence
 * ingestion uses (lib/ingest/ingest-session.ts + store/write-batch.ts):
 *   team:     the event's own team (source_team) > its API key's team > its own workload's owner team
 *   workload: the event's own workload (source_workload)
 *   then, if either is still missing, the first enabled rule that matches fills it (first match wins, for both),
 *   and a workload's owner team fills a team that is still missing.
 * Returns a SELECT with columns tid (the row's ctid), dedup_key, day, old_team, old_workload, new_team, new_workload, the event's
 * measures (MEASURE_COLUMNS, for roll-up deltas) and `flag` (the boolean `opts.flag`, over `e` = usage_events and `m` = models; FALSE when not given). Rule patterns
 * are bound parameters appended to `params`.
 */
export function attributionSelect(rules: CompiledRule[], params: unknown[], opts: { flag?: string; scope?: AttributionScope } = {}): string {
  const firstMatch = firstMatchExpression(rules, params);
  params.push(rules.map((r) => r.teamId));
  const ruleTeams = `$${params.length}::int[]`;
  params.push(rules.map((r) => r.workloadId));
  const ruleWorkloads = `$${params.length}::int[]`;
  // The inner query is fenced (OFFSET 0) so the planner cannot inline the rule CASE into every expression that
  // uses its result: each pattern is evaluated once per event, not once per derived column.
  return `
    SELECT x.tid, x.dedup_key, x.day, x.old_team, x.old_workload, ${MEASURE_COLUMNS.map((c) => `x.${c}`).join(", ")}, x.workload2 AS new_workload,
      COALESCE(x.team2, fw.team_id) AS new_team, x.flag
    FROM (
      SELECT b.*, COALESCE(b.team1, (${ruleTeams})[b.rule_no]) AS team2, COALESCE(b.workload1, (${ruleWorkloads})[b.rule_no]) AS workload2
      FROM (
        SELECT e.ctid AS tid, e.dedup_key, (e.occurred_at AT TIME ZONE 'UTC')::date AS day, e.team_id AS old_team, e.workload_id AS old_workload,
          ${MEASURE_COLUMNS.map((c) => `e.${c}`).join(", ")}, COALESCE(st.id, k.team_id, sw.team_id) AS team1, sw.id AS workload1,
          CASE WHEN COALESCE(st.id, k.team_id, sw.team_id) IS NULL OR sw.id IS NULL THEN ${firstMatch} END AS rule_no,
          ${opts.flag ?? "FALSE"} AS flag
        FROM usage_events e
        JOIN models m ON m.id = e.model_id
        LEFT JOIN teams st ON st.slug = e.source_team
        LEFT JOIN workloads sw ON sw.slug = e.source_workload
        LEFT JOIN api_keys k ON k.id = e.api_key_id
        ${opts.scope === "all" ? "" : `WHERE ${RULE_CANDIDATE}`}
        OFFSET 0
      ) b
    ) x
    LEFT JOIN workloads fw ON fw.id = x.workload2`;
}

/** Events whose stored attribution differs from the recomputed one (over an attributionSelect aliased `a`). */
export const CHANGED = `(a.old_team IS DISTINCT FROM a.new_team OR a.old_workload IS DISTINCT FROM a.new_workload)`;
