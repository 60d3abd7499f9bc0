import "server-only";
import { pool } from "@/lib/db/pool";
import { notFound } from "@/lib/errors";
import { nanosToUsd } from "@/lib/money";
import { attributionSelect, CHANGED } from "./attribution-sql";
import { compileRules, loadRuleRows, type StoredRule } from "./load-rules";
import { RuleMatchSchema, ruleCondition, type RuleMatch } from "./rule-sql";
import { placeAt, resolveTargets } from "./rules-store";
import type { PreviewInput, PreviewResult } from "./rule-schema";

const MAX_FLOWS = 25;

interface RawGroup {
  old_team: number | null;
  old_workload: number | null;
  new_team: number | null;
  new_workload: number | null;
  matched: string;
  matched_cost: string;
  moved: string;
  moved_cost: string;
}

/**
 * What saving a draft rule (or deleting one) would do, without writing anything: the rules as they would be,
 * applied to all of history exactly as the re-attribution on save applies them (same SQL), compared with the
 * attribution events have now. One scan of usage_events.
 */
export async function previewRuleChange(input: PreviewInput): Promise<PreviewResult> {
  const started = Date.now();
  const db = pool();
  const stored = await loadRuleRows(db);
  let proposed: StoredRule[] = stored;
  let match: RuleMatch | null = null;
  if (input.id !== undefined) {
    const existing = stored.find((r) => r.id === input.id);
    if (!existing) throw notFound(`attribution rule ${input.id}`);
    const parsed = RuleMatchSchema.safeParse(existing.match);
    if (parsed.success) match = parsed.data;
  }
  if (input.rule) {
    const draftId = input.id ?? -1;
    const targets = await resolveTargets(db, input.rule);
    const draft: StoredRule = { id: draftId, enabled: input.rule.enabled, match: input.rule.match, ...targets };
    const byId = new Map([...stored.filter((r) => r.id !== draftId), draft].map((r) => [r.id, r]));
    proposed = placeAt(stored.map((r) => r.id), draftId, input.rule.position).map((id) => byId.get(id)!);
    match = input.rule.match;
  } else if (input.id !== undefined) {
    proposed = stored.filter((r) => r.id !== input.id);
  }

  const params: unknown[] = [];
  const select = attributionSelect(compileRules(proposed), params, {
    flag: match ? ruleCondition(match, params) : "FALSE",
    scope: "rule-candidates",
  });
  const changedKey = (column: string) => `CASE WHEN ${CHANGED} THEN a.${column} END`;
  const groups = await db.query<RawGroup>(
    `SELECT ${changedKey("old_team")} AS old_team, ${changedKey("old_workload")} AS old_workload,
       ${changedKey("new_team")} AS new_team, ${changedKey("new_workload")} AS new_workload,
       count(*) FILTER (WHERE a.flag)::text AS matched, COALESCE(sum(a.cost_nanos) FILTER (WHERE a.flag), 0)::text AS matched_cost,
       count(*) FILTER (WHERE ${CHANGED})::text AS moved, COALESCE(sum(a.cost_nanos) FILTER (WHERE ${CHANGED}), 0)::text AS moved_cost
     FROM (${select}) a
     GROUP BY 1, 2, 3, 4`,
    params,
  );
  return summarise(groups.rows, await names(), Date.now() - started);
}

async function names() {
  const [teams, workloads] = await Promise.all([
    pool().query<{ id: number; slug: string; name: string }>("SELECT id, slug, name FROM teams"),
    pool().query<{ id: number; slug: string; name: string }>("SELECT id, slug, name FROM workloads"),
  ]);
  return { teams: new Map(teams.rows.map((t) => [t.id, t])), workloads: new Map(workloads.rows.map((w) => [w.id, w])) };
}

function summarise(rows: RawGroup[], dims: Awaited<ReturnType<typeof names>>, durationMs: number): PreviewResult {
  const side = (team: number | null, workload: number | null) => ({
    team: team === null ? null : (dims.teams.get(team)?.slug ?? null),
    teamName: team === null ? null : (dims.teams.get(team)?.name ?? null),
    workload: workload === null ? null : (dims.workloads.get(workload)?.slug ?? null),
    workloadName: workload === null ? null : (dims.workloads.get(workload)?.name ?? null),
  });
  let matched = 0;
  let matchedCost = 0n;
  let moved = 0;
  let movedCost = 0n;
  const flows = [];
  for (const r of rows) {
    matched += Number(r.matched);
    matchedCost += BigInt(r.matched_cost);
    if (Number(r.moved) === 0) continue;
    moved += Number(r.moved);
    movedCost += BigInt(r.moved_cost);
    flows.push({ from: side(r.old_team, r.old_workload), to: side(r.new_team, r.new_workload), events: Number(r.moved), cost: BigInt(r.moved_cost) });
  }
  flows.sort((a, b) => (a.cost === b.cost ? b.events - a.events : a.cost > b.cost ? -1 : 1));
  return {
    matchedEvents: matched,
    matchedCostUsd: nanosToUsd(matchedCost),
    eventsMoved: moved,
    costMovedUsd: nanosToUsd(movedCost),
    flows: flows.slice(0, MAX_FLOWS).map(({ cost, ...f }) => ({ ...f, costUsd: nanosToUsd(cost) })),
    durationMs,
  };
}
