import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { audit } from "@/lib/audit";
import { prisma } from "@/lib/db/prisma";
import { forbidden, notFound } from "@/lib/errors";
import type { WhatIfRequest } from "@/lib/whatif/schema";
import type { ScenarioInput, ScenarioOut } from "./scenario-schema";

type Caller = Pick<Principal, "kind" | "id" | "label" | "role" | "teamIds">;

/**
 * Saved scenarios. Anyone who can read may save one; its creator or an admin may change or delete it. Team scope:
 * a lead sees a scenario only when every workload and team its rules name is one of theirs (a rule over "all
 * traffic" is fine: running it covers their teams only), so a saved scenario never leaks another team's names.
 */
export async function listScenarios(principal: Caller): Promise<ScenarioOut[]> {
  const [rows, visible] = await Promise.all([
    prisma().scenario.findMany({ orderBy: [{ updatedAt: "desc" }, { id: "desc" }] }),
    visibleNames(principal),
  ]);
  const users = await creators(rows.map((r) => r.createdById));
  return rows.filter((r) => mayView(r.definition as WhatIfRequest, visible)).map((r) => out(r, principal, users));
}

export async function getScenario(principal: Caller, id: number): Promise<ScenarioOut> {
  const row = await prisma().scenario.findUnique({ where: { id } });
  if (!row || !mayView(row.definition as WhatIfRequest, await visibleNames(principal))) throw notFound(`scenario ${id}`);
  return out(row, principal, await creators([row.createdById]));
}

export async function createScenario(principal: Caller, input: ScenarioInput): Promise<ScenarioOut> {
  if (!mayView(input.definition, await visibleNames(principal))) throw notFound("a workload or team the scenario names");
  const row = await prisma().scenario.create({
    data: { name: input.name, definition: input.definition, createdById: principal.kind === "user" ? principal.id : null },
  });
  await audit(actorOf(principal), "scenario_saved", `${row.id}`, { name: row.name });
  return out(row, principal, await creators([row.createdById]));
}

export async function updateScenario(principal: Caller, id: number, input: ScenarioInput): Promise<ScenarioOut> {
  const row = await editable(principal, id);
  if (!mayView(input.definition, await visibleNames(principal))) throw notFound("a workload or team the scenario names");
  const updated = await prisma().scenario.update({
    where: { id: row.id },
    data: { name: input.name, definition: input.definition, updatedAt: new Date() },
  });
  await audit(actorOf(principal), "scenario_updated", `${id}`, { name: updated.name });
  return out(updated, principal, await creators([updated.createdById]));
}

export async function deleteScenario(principal: Caller, id: number): Promise<void> {
  await editable(principal, id);
  await prisma().scenario.delete({ where: { id } });
  await audit(actorOf(principal), "scenario_deleted", `${id}`);
}

async function editable(principal: Caller, id: number) {
  const row = await prisma().scenario.findUnique({ where: { id } });
  if (!row || !mayView(row.definition as WhatIfRequest, await visibleNames(principal))) throw notFound(`scenario ${id}`);
  if (!canEdit(row.createdById, principal)) throw forbidden("only the scenario's author or an admin may change it");
  return row;
}

function canEdit(createdById: number | null, principal: Caller): boolean {
  return principal.kind === "user" && (principal.role === "admin" || createdById === principal.id);
}

/** Workload and team slugs the caller may name; null = all (all-teams roles). */
async function visibleNames(principal: Caller): Promise<{ workloads: Set<string>; teams: Set<string> } | null> {
  if (principal.teamIds === null) return null;
  const [workloads, teams] = await Promise.all([
    prisma().workload.findMany({ where: { teamId: { in: principal.teamIds } }, select: { slug: true } }),
    prisma().team.findMany({ where: { id: { in: principal.teamIds } }, select: { slug: true } }),
  ]);
  return { workloads: new Set(workloads.map((w) => w.slug)), teams: new Set(teams.map((t) => t.slug)) };
}

function mayView(def: WhatIfRequest, visible: { workloads: Set<string>; teams: Set<string> } | null): boolean {
  if (visible === null) return true;
  return (def.rules ?? []).every(
    (r) => (r.select.workloads ?? []).every((w) => visible.workloads.has(w)) && (r.select.teams ?? []).every((t) => visible.teams.has(t)),
  );
}

async function creators(ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (wanted.length === 0) return new Map();
  const users = await prisma().user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}

function out(
  row: { id: number; name: string; definition: unknown; createdById: number | null; createdAt: Date; updatedAt: Date },
  principal: Caller,
  users: Map<number, string>,
): ScenarioOut {
  return {
    id: row.id,
    name: row.name,
    definition: row.definition,
    createdBy: row.createdById === null ? null : (users.get(row.createdById) ?? null),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit: canEdit(row.createdById, principal),
  };
}

function actorOf(principal: Caller): string {
  return `${principal.kind === "user" ? "user" : "key"}:${principal.label}`;
}
