import "server-only";
import { pool } from "@/lib/db/pool";
import type { Principal } from "@/lib/auth/principal";
import { badRequest } from "@/lib/errors";
import type { SpendFilters } from "./spend-query";

const MAX_LISTED = 40;

/**
 * Refuses filter values that name nothing (400 with the values the caller could use), so a typo never reads as
 * "no spend". A team that exists but is outside a lead's scope is NOT refused here: the team scope answers it
 * with no rows, and the error message never lists teams the caller cannot see.
 */
export async function checkFilterValues(principal: Pick<Principal, "teamIds">, f: SpendFilters): Promise<void> {
  const checks: Promise<void>[] = [];
  if (f.team && f.team !== "unattributed") checks.push(checkTeam(principal, f.team));
  if (f.workload && f.workload !== "unattributed") checks.push(checkWorkload(principal, f.workload));
  if (f.model) checks.push(checkModel(principal, f.model));
  if (f.provider) checks.push(checkProvider(principal, f.provider));
  await Promise.all(checks);
}

async function exists(sql: string, value: string): Promise<boolean> {
  return ((await pool().query(sql, [value])).rowCount ?? 0) > 0;
}

function listed(values: string[]): string {
  if (values.length === 0) return "(none yet)";
  const shown = values.slice(0, MAX_LISTED).join(", ");
  return values.length > MAX_LISTED ? `${shown}, and ${values.length - MAX_LISTED} more` : shown;
}

async function checkTeam(principal: Pick<Principal, "teamIds">, slug: string) {
  if (await exists("SELECT 1 FROM teams WHERE slug = $1", slug)) return;
  const visible = await pool().query<{ slug: string }>(
    "SELECT slug FROM teams WHERE $1::int[] IS NULL OR id = ANY($1::int[]) ORDER BY slug",
    [principal.teamIds],
  );
  const values = visible.rows.map((r) => r.slug);
  if (principal.teamIds === null) values.push("unattributed");
  throw badRequest(`team: no team "${slug}"; allowed: ${listed(values)}`);
}

async function checkWorkload(principal: Pick<Principal, "teamIds">, slug: string) {
  if (await exists("SELECT 1 FROM workloads WHERE slug = $1", slug)) return;
  const visible = await pool().query<{ slug: string }>(
    "SELECT slug FROM workloads WHERE $1::int[] IS NULL OR team_id = ANY($1::int[]) ORDER BY slug",
    [principal.teamIds],
  );
  const values = visible.rows.map((r) => r.slug);
  if (principal.teamIds === null) values.push("unattributed");
  throw badRequest(`workload: no workload "${slug}"; allowed: ${listed(values)}`);
}

/**
 * Models a team-scoped caller may name: those with spend in their teams (usage_daily). Listing every model would
 * tell a lead which models other teams use; an all-teams caller gets the whole catalogue.
 */
const MODELS_IN_SCOPE = `SELECT m.provider, m.name FROM models m
  WHERE $1::int[] IS NULL OR EXISTS (SELECT 1 FROM usage_daily d WHERE d.model_id = m.id AND d.team_id = ANY($1::int[]))`;

async function checkModel(principal: Pick<Principal, "teamIds">, model: string) {
  const match = model.includes("/") ? "provider || '/' || name = $2" : "name = $2";
  if (((await pool().query(`SELECT 1 FROM (${MODELS_IN_SCOPE}) v WHERE ${match}`, [principal.teamIds, model])).rowCount ?? 0) > 0) return;
  const all = await pool().query<{ key: string }>(`SELECT provider || '/' || name AS key FROM (${MODELS_IN_SCOPE}) v ORDER BY 1`, [principal.teamIds]);
  throw badRequest(`model: no model "${model}"; allowed: ${listed(all.rows.map((r) => r.key))}`);
}

async function checkProvider(principal: Pick<Principal, "teamIds">, provider: string) {
  if (((await pool().query(`SELECT 1 FROM (${MODELS_IN_SCOPE}) v WHERE provider = $2`, [principal.teamIds, provider])).rowCount ?? 0) > 0) return;
  const all = await pool().query<{ provider: string }>(`SELECT DISTINCT provider FROM (${MODELS_IN_SCOPE}) v ORDER BY 1`, [principal.teamIds]);
  throw badRequest(`provider: no provider "${provider}"; allowed: ${listed(all.rows.map((r) => r.provider))}`);
}
