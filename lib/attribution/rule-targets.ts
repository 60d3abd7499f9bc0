import "server-only";
import { pool } from "@/lib/db/pool";
import { nanosToUsd } from "@/lib/money";
import type { RuleTargets } from "./rule-schema";

const SUGGESTION_DAYS = 7;

/** What the rule editor offers: teams and workloads to assign to, and the unattributed traffic worth claiming. */
export async function listRuleTargets(now = new Date()): Promise<RuleTargets> {
  const since = new Date(now.getTime() - SUGGESTION_DAYS * 86_400_000);
  const [teams, workloads, unattributed] = await Promise.all([
    pool().query<{ slug: string; name: string }>("SELECT slug, name FROM teams ORDER BY name"),
    pool().query<{ slug: string; name: string; team: string | null }>(
      "SELECT w.slug, w.name, t.slug AS team FROM workloads w LEFT JOIN teams t ON t.id = w.team_id ORDER BY w.name",
    ),
    // Bounded by time (the last partition or two, read through the key's b-tree on occurred_at): a recent week says what is still arriving untagged.
    pool().query<{ service_name: string | null; source_key: string | null; api_key: string | null; provider: string; events: number; cost: string }>(
      `SELECT e.tags->>'service.name' AS service_name, e.source_key, k.name AS api_key, m.provider,
         count(*)::int AS events, COALESCE(sum(e.cost_nanos), 0)::text AS cost
       FROM usage_events e JOIN models m ON m.id = e.model_id LEFT JOIN api_keys k ON k.id = e.api_key_id
       WHERE e.occurred_at >= $1 AND e.team_id IS NULL
       GROUP BY 1, 2, 3, 4 ORDER BY sum(e.cost_nanos) DESC NULLS LAST LIMIT 12`,
      [since],
    ),
  ]);
  return {
    teams: teams.rows,
    workloads: workloads.rows,
    unattributed: unattributed.rows.map((r) => ({
      serviceName: r.service_name,
      sourceKey: r.source_key,
      apiKey: r.api_key,
      provider: r.provider,
      events: r.events,
      costUsd: nanosToUsd(r.cost),
    })),
  };
}
