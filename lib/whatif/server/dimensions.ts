import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { pool } from "@/lib/db/pool";

/**
 * The names a what-if works with. Every workload and team is loaded (an event's team decides its scope, and it
 * may be attributed to a workload another team owns, as in the analytics views), but only those the caller may
 * see are `visible`: their teams' workloads (all for all-teams roles, who also see workloads without a team).
 * Rules naming anything invisible are refused as unknown, so a lead cannot learn another team's names by probing.
 */
export interface WorkloadDim {
  id: number;
  slug: string;
  name: string;
  teamId: number | null;
  teamSlug: string | null;
  taskClass: string | null;
  taskClassConfirmed: boolean;
  qualityFloor: number;
  latencyTolerant: boolean;
  evalSetId: number | null;
  evalSetName: string | null;
  visible: boolean;
}

export interface ModelDim {
  id: number;
  provider: string;
  name: string;
  tier: string | null;
  unpriced: boolean;
}

export interface WhatIfDims {
  workloads: Map<number, WorkloadDim>;
  teams: Map<number, { id: number; slug: string; name: string; visible: boolean }>;
  models: Map<number, ModelDim>;
}

export async function loadDims(principal: Pick<Principal, "teamIds">): Promise<WhatIfDims> {
  const w = Prisma.sql`SELECT ${teamScope(principal, Prisma.raw("w.team_id"))} AS visible, w.id, w.slug, w.name, w.team_id, t.slug AS team_slug, w.task_class, w.task_class_confirmed,
      w.quality_floor::float8 AS quality_floor, w.latency_tolerant, w.eval_set_id, s.name AS eval_set_name
    FROM workloads w LEFT JOIN teams t ON t.id = w.team_id LEFT JOIN eval_sets s ON s.id = w.eval_set_id ORDER BY w.slug`;
  const t = Prisma.sql`SELECT ${teamScope(principal, Prisma.raw("t.id"))} AS visible, t.id, t.slug, t.name FROM teams t ORDER BY t.slug`;
  const [workloads, teams, models] = await Promise.all([
    pool().query(w.text, w.values),
    pool().query(t.text, t.values),
    pool().query("SELECT id, provider, name, tier, unpriced FROM models ORDER BY provider, name"),
  ]);
  return {
    workloads: new Map(
      workloads.rows.map((r) => [
        r.id,
        {
          id: r.id, slug: r.slug, name: r.name, teamId: r.team_id, teamSlug: r.team_slug, taskClass: r.task_class,
          taskClassConfirmed: r.task_class_confirmed, qualityFloor: r.quality_floor, latencyTolerant: r.latency_tolerant,
          evalSetId: r.eval_set_id, evalSetName: r.eval_set_name, visible: r.visible === true,
        },
      ]),
    ),
    teams: new Map(teams.rows.map((r) => [r.id, { id: r.id, slug: r.slug, name: r.name, visible: r.visible === true }])),
    models: new Map(models.rows.map((r) => [r.id, { id: r.id, provider: r.provider, name: r.name, tier: r.tier, unpriced: r.unpriced }])),
  };
}

/** A workload the caller may see, by slug. */
export function visibleWorkload(dims: WhatIfDims, slug: string): WorkloadDim | undefined {
  for (const w of dims.workloads.values()) if (w.slug === slug && w.visible) return w;
  return undefined;
}

export function visibleWorkloads(dims: WhatIfDims): WorkloadDim[] {
  return [...dims.workloads.values()].filter((w) => w.visible);
}
