import "server-only";
import { badRequest, notFound } from "@/lib/errors";
import type { Queryable } from "./load-rules";
import type { RuleInput, RuleOut } from "./rule-schema";

/** attribution_rules reads and writes. Writers take a transaction's client so a change and its re-attribution commit together. */

interface RuleRow {
  id: number;
  position: number;
  name: string;
  match: RuleOut["match"];
  enabled: boolean;
  created_at: Date;
  team_slug: string | null;
  team_name: string | null;
  workload_slug: string | null;
  workload_name: string | null;
  workload_team: string | null;
}

export async function listRules(db: Queryable): Promise<RuleOut[]> {
  const rows = await db.query<RuleRow>(`
    SELECT r.id, r.position, r.name, r.match, r.enabled, r.created_at, t.slug AS team_slug, t.name AS team_name,
      w.slug AS workload_slug, w.name AS workload_name, wt.slug AS workload_team
    FROM attribution_rules r LEFT JOIN teams t ON t.id = r.team_id
    LEFT JOIN workloads w ON w.id = r.workload_id LEFT JOIN teams wt ON wt.id = w.team_id
    ORDER BY r.position, r.id`);
  return rows.rows.map((r) => ({
    id: r.id,
    position: r.position,
    name: r.name,
    match: r.match,
    enabled: r.enabled,
    createdAt: r.created_at.toISOString(),
    team: r.team_slug ? { slug: r.team_slug, name: r.team_name ?? r.team_slug } : null,
    workload: r.workload_slug ? { slug: r.workload_slug, name: r.workload_name ?? r.workload_slug, team: r.workload_team } : null,
  }));
}

/** Team and workload slugs -> ids; an unknown slug is a 400 naming what exists. */
export async function resolveTargets(db: Queryable, input: Pick<RuleInput, "team" | "workload">) {
  let teamId: number | null = null;
  let workloadId: number | null = null;
  let workloadTeamId: number | null = null;
  if (input.team) {
    const row = await db.query<{ id: number }>("SELECT id FROM teams WHERE slug = $1", [input.team]);
    if (!row.rows[0]) throw badRequest(`team: no team "${input.team}"; teams: ${await slugs(db, "teams")}`);
    teamId = row.rows[0].id;
  }
  if (input.workload) {
    const row = await db.query<{ id: number; team_id: number | null }>("SELECT id, team_id FROM workloads WHERE slug = $1", [input.workload]);
    if (!row.rows[0]) throw badRequest(`workload: no workload "${input.workload}"; workloads: ${await slugs(db, "workloads")}`);
    workloadId = row.rows[0].id;
    workloadTeamId = row.rows[0].team_id;
  }
  return { teamId, workloadId, workloadTeamId };
}

async function slugs(db: Queryable, table: "teams" | "workloads"): Promise<string> {
  const rows = await db.query<{ slug: string }>(`SELECT slug FROM ${table} ORDER BY slug LIMIT 41`);
  const list = rows.rows.slice(0, 40).map((r) => r.slug);
  return (list.join(", ") || "(none yet)") + (rows.rows.length > 40 ? ", ..." : "");
}

/** Ids in evaluation order. */
export async function ruleOrder(db: Queryable): Promise<number[]> {
  return (await db.query<{ id: number }>("SELECT id FROM attribution_rules ORDER BY position, id")).rows.map((r) => r.id);
}

/** Rewrites positions 1..n in the given order (rules are few; renumbering keeps positions dense and unique). */
export async function writeOrder(db: Queryable, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE attribution_rules r SET position = o.position FROM unnest($1::int[]) WITH ORDINALITY AS o(id, position) WHERE r.id = o.id`,
    [ids],
  );
}

/** Where `id` lands in `order` when asked for 1-based `position` (default: unchanged, or last for a new rule). */
export function placeAt(order: number[], id: number, position: number | undefined): number[] {
  const without = order.filter((x) => x !== id);
  const current = order.indexOf(id);
  const index = position === undefined ? (current >= 0 ? current : without.length) : Math.min(position - 1, without.length);
  return [...without.slice(0, index), id, ...without.slice(index)];
}

export async function insertRule(db: Queryable, input: RuleInput, targets: { teamId: number | null; workloadId: number | null }): Promise<number> {
  // The next position is read first, not as a subquery inside VALUES: Citus refuses subqueries in an INSERT.
  const last = await db.query<{ next: number }>(`SELECT COALESCE(max(position), 0)::int + 1 AS next FROM attribution_rules`);
  const row = await db.query<{ id: number }>(
    `INSERT INTO attribution_rules (position, name, match, team_id, workload_id, enabled) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [last.rows[0].next, input.name, JSON.stringify(input.match), targets.teamId, targets.workloadId, input.enabled],
  );
  return row.rows[0].id;
}

export async function updateRule(db: Queryable, id: number, input: RuleInput, targets: { teamId: number | null; workloadId: number | null }): Promise<void> {
  const row = await db.query(
    `UPDATE attribution_rules SET name = $2, match = $3, team_id = $4, workload_id = $5, enabled = $6 WHERE id = $1`,
    [id, input.name, JSON.stringify(input.match), targets.teamId, targets.workloadId, input.enabled],
  );
  if (row.rowCount === 0) throw notFound(`attribution rule ${id}`);
}

export async function deleteRule(db: Queryable, id: number): Promise<void> {
  const row = await db.query("DELETE FROM attribution_rules WHERE id = $1", [id]);
  if (row.rowCount === 0) throw notFound(`attribution rule ${id}`);
}
