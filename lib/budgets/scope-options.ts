import "server-only";
import { pool } from "@/lib/db/pool";
import type { Principal } from "@/lib/auth/principal";

/** Teams and workloads a budget can be set for (what the Budgets page's form offers), within the caller's teams. */
export interface ScopeOptions {
  teams: { slug: string; name: string }[];
  workloads: { slug: string; name: string; team: string | null }[];
}

export async function budgetScopeOptions(principal: Pick<Principal, "teamIds">): Promise<ScopeOptions> {
  const [teams, workloads] = await Promise.all([
    pool().query<{ slug: string; name: string }>("SELECT slug, name FROM teams WHERE $1::int[] IS NULL OR id = ANY($1::int[]) ORDER BY name", [principal.teamIds]),
    pool().query<{ slug: string; name: string; team: string | null }>(
      `SELECT w.slug, w.name, t.slug AS team FROM workloads w LEFT JOIN teams t ON t.id = w.team_id
       WHERE $1::int[] IS NULL OR w.team_id = ANY($1::int[]) ORDER BY w.name`,
      [principal.teamIds],
    ),
  ]);
  return { teams: teams.rows, workloads: workloads.rows };
}
