import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { audit } from "@/lib/audit";
import { pool } from "@/lib/db/pool";
import { badRequest, notFound } from "@/lib/errors";
import { getScenario } from "@/lib/scenarios/scenario-store";
import { buildRoutingTable } from "@/lib/routing-export/routing-table";
import { loadExportWorkloads } from "@/lib/routing-export/server/export-scenario";
import { WhatIfRequestSchema } from "@/lib/whatif/schema";
import type { CreateRollout, PatchRollout, RolloutOut } from "../rollout-schema";

type Caller = Pick<Principal, "kind" | "id" | "label" | "role" | "teamIds">;

/** A stored rollout with ids, for the savings computation. */
export interface RolloutRecord extends RolloutOut {
  workloadIds: number[];
}

const SELECT = `
  SELECT r.id, r.status, r.source, r.scenario_id, s.name AS scenario_name, to_char(r.applied_from, 'YYYY-MM-DD') AS applied_from,
         r.workload_ids, r.note, r.created_by, r.created_at, r.updated_at,
         fm.name AS from_model, tm.name AS to_model,
         ARRAY(SELECT w.slug FROM workloads w WHERE w.id = ANY(r.workload_ids) ORDER BY w.slug) AS workloads,
         ARRAY(SELECT DISTINCT w.team_id FROM workloads w WHERE w.id = ANY(r.workload_ids)) AS team_ids
  FROM rollouts r
  LEFT JOIN scenarios s ON s.id = r.scenario_id
  LEFT JOIN models fm ON fm.id = r.from_model_id
  LEFT JOIN models tm ON tm.id = r.to_model_id`;

/**
 * Rollouts the caller may see: a lead sees a rollout only when every workload it covers belongs to one of their
 * teams (like saved scenarios), so another team's change never shows. Newest change first.
 */
export async function listRollouts(principal: Pick<Principal, "teamIds">, status?: string): Promise<RolloutRecord[]> {
  const res = await pool().query(`${SELECT} ${status ? "WHERE r.status = $1" : ""} ORDER BY r.applied_from DESC, r.id DESC`, status ? [status] : []);
  return res.rows.filter((r) => visible(principal, r.team_ids)).map(out);
}

export async function getRollout(principal: Pick<Principal, "teamIds">, id: number): Promise<RolloutRecord> {
  const res = await pool().query(`${SELECT} WHERE r.id = $1`, [id]);
  const row = res.rows[0];
  if (!row || !visible(principal, row.team_ids)) throw notFound(`rollout ${id}`);
  return out(row);
}

/** POST /api/v1/rollouts: a scenario marked applied from a day, over the given workloads or those the scenario routes. */
export async function createRollout(principal: Caller, input: CreateRollout): Promise<RolloutRecord> {
  const scenario = await getScenario(principal, input.scenarioId);
  const slugs = input.workloads ?? (await scenarioWorkloads(principal, scenario));
  if (slugs.length === 0) throw badRequest(`scenario ${scenario.id} changes no workload with traffic: give workloads explicitly`);
  const ids = await workloadIds(principal, slugs);
  const res = await pool().query(
    `INSERT INTO rollouts (status, scenario_id, applied_from, workload_ids, source, created_by) VALUES ('applied', $1, $2::date, $3::int[], 'manual', $4) RETURNING id`,
    [scenario.id, input.appliedFrom, ids, principal.label],
  );
  const id = res.rows[0].id as number;
  await audit(actorOf(principal), "rollout_applied", `${id}`, { scenarioId: scenario.id, appliedFrom: input.appliedFrom, workloads: slugs });
  return getRollout(principal, id);
}

/** PATCH /api/v1/rollouts/{id}: confirm (applied) or dismiss a proposal, link or unlink a scenario, move the day. */
export async function patchRollout(principal: Caller, id: number, patch: PatchRollout): Promise<RolloutRecord> {
  const current = await getRollout(principal, id);
  if (patch.scenarioId !== undefined && patch.scenarioId !== null) await getScenario(principal, patch.scenarioId); // 404 if not visible
  await pool().query(
    `UPDATE rollouts SET status = COALESCE($2, status), scenario_id = CASE WHEN $3::boolean THEN $4::int ELSE scenario_id END,
       applied_from = COALESCE($5::date, applied_from), updated_at = now() WHERE id = $1`,
    [id, patch.status ?? null, patch.scenarioId !== undefined, patch.scenarioId ?? null, patch.appliedFrom ?? null],
  );
  await audit(actorOf(principal), "rollout_updated", `${id}`, { from: current.status, ...patch });
  return getRollout(principal, id);
}

async function scenarioWorkloads(principal: Caller, scenario: { id: number; name: string; definition: unknown }): Promise<string[]> {
  const definition = WhatIfRequestSchema.parse(scenario.definition);
  const workloads = await loadExportWorkloads(principal, definition.from, definition.to);
  return buildRoutingTable({ id: scenario.id, name: scenario.name, definition }, workloads).routes.map((r) => r.workload);
}

async function workloadIds(principal: Pick<Principal, "teamIds">, slugs: string[]): Promise<number[]> {
  const res = await pool().query<{ id: number; slug: string; team_id: number | null }>(`SELECT id, slug, team_id FROM workloads WHERE slug = ANY($1::text[])`, [slugs]);
  const found = new Map(res.rows.filter((r) => visible(principal, [r.team_id])).map((r) => [r.slug, r.id]));
  const missing = slugs.filter((s) => !found.has(s));
  if (missing.length) throw badRequest(`workloads: unknown workload${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}`);
  return [...new Set(slugs.map((s) => found.get(s)!))];
}

function visible(principal: Pick<Principal, "teamIds">, teamIds: (number | null)[]): boolean {
  if (principal.teamIds === null) return true;
  return teamIds.every((t) => t !== null && principal.teamIds!.includes(t));
}

function out(r: Record<string, unknown>): RolloutRecord {
  return {
    id: r.id as number,
    status: r.status as RolloutOut["status"],
    source: r.source as RolloutOut["source"],
    scenarioId: (r.scenario_id as number | null) ?? null,
    scenarioName: (r.scenario_name as string | null) ?? null,
    appliedFrom: r.applied_from as string,
    workloads: r.workloads as string[],
    workloadIds: r.workload_ids as number[],
    note: (r.note as string | null) ?? null,
    fromModel: (r.from_model as string | null) ?? null,
    toModel: (r.to_model as string | null) ?? null,
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
  };
}

function actorOf(principal: Caller): string {
  return `${principal.kind === "user" ? "user" : "key"}:${principal.label}`;
}
