import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/auth/principal";
import { teamScope } from "@/lib/analytics/scope";
import { pool } from "@/lib/db/pool";
import { getScenario } from "@/lib/scenarios/scenario-store";
import { WhatIfRequestSchema } from "@/lib/whatif/schema";
import { exportFilename, FORMATS } from "../render";
import { buildRoutingTable, type ExportFormat, type ExportWorkload, type RoutingTable } from "../routing-table";

export interface ScenarioExport {
  filename: string;
  contentType: string;
  body: string;
  table: RoutingTable;
}

/**
 * GET /api/v1/scenarios/{id}/export and `rightsize scenario export`: the saved scenario resolved per workload the
 * caller may see (team scope), each with the model carrying most of its calls in the scenario window.
 */
export async function exportScenario(principal: Principal, id: number, format: ExportFormat): Promise<ScenarioExport> {
  const scenario = await getScenario(principal, id);
  const definition = WhatIfRequestSchema.parse(scenario.definition);
  const workloads = await loadExportWorkloads(principal, definition.from, definition.to);
  const table = buildRoutingTable({ id: scenario.id, name: scenario.name, definition }, workloads);
  const f = FORMATS[format];
  return { filename: exportFilename(format, scenario.name), contentType: f.contentType, body: f.render(table), table };
}

/** Visible workloads with their main model (most calls in the window) and call count; workloads without traffic have none. */
export async function loadExportWorkloads(principal: Pick<Principal, "teamIds">, from: string, to: string): Promise<ExportWorkload[]> {
  const q = Prisma.sql`
    WITH calls AS (
      SELECT d.workload_id, d.model_id, SUM(d.events)::bigint AS calls
      FROM usage_daily d
      WHERE d.day BETWEEN ${from}::date AND ${to}::date AND d.workload_id <> 0 AND ${teamScope(principal, Prisma.raw("d.team_id"))}
      GROUP BY d.workload_id, d.model_id
    ), ranked AS (
      SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.workload_id ORDER BY c.calls DESC, c.model_id) AS rank,
             SUM(c.calls) OVER (PARTITION BY c.workload_id)::bigint AS total
      FROM calls c
    )
    SELECT w.slug, t.slug AS team_slug, w.task_class, m.provider, m.name AS model, COALESCE(r.total, 0)::bigint AS total
    FROM workloads w
    LEFT JOIN teams t ON t.id = w.team_id
    LEFT JOIN ranked r ON r.workload_id = w.id AND r.rank = 1
    LEFT JOIN models m ON m.id = r.model_id
    WHERE ${teamScope(principal, Prisma.raw("w.team_id"))}
    ORDER BY w.slug`;
  const res = await pool().query(q.text, q.values);
  return res.rows.map((r) => ({
    slug: r.slug,
    teamSlug: r.team_slug,
    taskClass: r.task_class,
    currentModel: r.provider ? { provider: r.provider, model: r.model } : null,
    calls: Number(r.total),
  }));
}
