import "server-only";
import { pool } from "@/lib/db/pool";
import { audit } from "@/lib/audit";
import { AppError, badRequest, notFound } from "@/lib/errors";
import { percentToBasisPoints, type AllocationMethod, type AllocationRuleOut, type CreateAllocationRule } from "./chargeback-schema";

/** An allocation rule as the allocator uses it: ids, and basis points for fixed splits. */
export interface AllocationRuleRecord {
  id: number;
  name: string;
  sourceType: "unattributed" | "team" | "workload";
  sourceTeamId: number | null;
  sourceWorkloadId: number | null;
  sourceKey: string | null;
  sourceLabel: string;
  method: AllocationMethod;
  targets: { teamId: number; basisPoints?: number }[];
}

interface RawRule {
  id: number;
  name: string;
  source_type: AllocationRuleRecord["sourceType"];
  source_team_id: number | null;
  source_workload_id: number | null;
  source_key: string | null;
  source_label: string | null;
  method: AllocationMethod;
  targets: { teamId: number; basisPoints?: number }[];
}

export async function loadAllocationRules(): Promise<AllocationRuleRecord[]> {
  const rows = await pool().query<RawRule>(
    `SELECT r.id, r.name, r.source_type, r.source_team_id, r.source_workload_id, r.method, r.targets,
            COALESCE(t.slug, w.slug) AS source_key, COALESCE(t.name, w.name) AS source_label
     FROM allocation_rules r LEFT JOIN teams t ON t.id = r.source_team_id LEFT JOIN workloads w ON w.id = r.source_workload_id
     ORDER BY r.id`,
  );
  return rows.rows.map((r) => ({
    id: r.id,
    name: r.name,
    sourceType: r.source_type,
    sourceTeamId: r.source_team_id,
    sourceWorkloadId: r.source_workload_id,
    sourceKey: r.source_key,
    sourceLabel: r.source_type === "unattributed" ? "Unattributed spend" : (r.source_label ?? "?"),
    method: r.method,
    targets: r.targets,
  }));
}

export async function listAllocationRules(): Promise<AllocationRuleOut[]> {
  const [rules, teams] = await Promise.all([loadAllocationRules(), teamSlugsById()]);
  return rules.map((r) => ruleOut(r, teams));
}

export function ruleOut(r: AllocationRuleRecord, teams: Map<number, string>): AllocationRuleOut {
  return {
    id: r.id,
    name: r.name,
    source: { type: r.sourceType, key: r.sourceKey, label: r.sourceLabel },
    method: r.method,
    targets: r.targets.map((t) => ({ team: teams.get(t.teamId) ?? `#${t.teamId}`, percentage: t.basisPoints === undefined ? null : (t.basisPoints / 100).toString() })),
  };
}

/** Creates a rule; every slug must exist (the error names it) and a pool can have only one rule (409). */
export async function createAllocationRule(input: CreateAllocationRule, actor: string): Promise<AllocationRuleOut> {
  const teamIds = await teamIdsBySlug();
  const teamId = (slug: string, field: string) => {
    const id = teamIds.get(slug);
    if (id === undefined) throw badRequest(`${field}: no team "${slug}"`);
    return id;
  };
  let sourceType: AllocationRuleRecord["sourceType"] = "unattributed";
  let sourceTeamId: number | null = null;
  let sourceWorkloadId: number | null = null;
  if ("team" in input.source) {
    sourceType = "team";
    sourceTeamId = teamId(input.source.team, "source.team");
  } else if ("workload" in input.source) {
    sourceType = "workload";
    const w = await pool().query<{ id: number }>("SELECT id FROM workloads WHERE slug = $1", [input.source.workload]);
    if (!w.rows[0]) throw badRequest(`source.workload: no workload "${input.source.workload}"`);
    sourceWorkloadId = w.rows[0].id;
  }
  const targets =
    input.method === "fixed"
      ? Object.entries(input.percentages!).map(([slug, p]) => ({ teamId: teamId(slug, `percentages.${slug}`), basisPoints: percentToBasisPoints(p) }))
      : (input.teams ?? []).map((slug, i) => ({ teamId: teamId(slug, `teams[${i}]`) }));
  if (sourceTeamId !== null && targets.some((t) => t.teamId === sourceTeamId)) throw badRequest("teams: the source team cannot share its own pool");
  try {
    const row = await pool().query<{ id: number }>(
      `INSERT INTO allocation_rules (name, source_type, source_team_id, source_workload_id, method, targets) VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
      [input.name, sourceType, sourceTeamId, sourceWorkloadId, input.method, JSON.stringify(targets)],
    );
    await audit(actor, "allocation_rule.create", `allocation_rule:${row.rows[0].id}`, { ...input } as never);
    const created = (await listAllocationRules()).find((r) => r.id === row.rows[0].id)!;
    return created;
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw new AppError("conflict", "this pool already has an allocation rule: delete it first");
    throw error;
  }
}

export async function deleteAllocationRule(id: number, actor: string): Promise<void> {
  const deleted = await pool().query("DELETE FROM allocation_rules WHERE id = $1", [id]);
  if (!deleted.rowCount) throw notFound(`allocation rule ${id}`);
  await audit(actor, "allocation_rule.delete", `allocation_rule:${id}`);
}

async function teamIdsBySlug(): Promise<Map<string, number>> {
  const rows = await pool().query<{ id: number; slug: string }>("SELECT id, slug FROM teams");
  return new Map(rows.rows.map((r) => [r.slug, r.id]));
}

export async function teamSlugsById(): Promise<Map<number, string>> {
  const rows = await pool().query<{ id: number; slug: string }>("SELECT id, slug FROM teams");
  return new Map(rows.rows.map((r) => [r.id, r.slug]));
}
