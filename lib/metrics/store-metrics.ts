import "server-only";
import { pool } from "@/lib/db/pool";
import type { Principal } from "@/lib/auth/principal";
import { badRequest, forbidden } from "@/lib/errors";
import type { MetricInput } from "./metric-schema";

/**
 * Stores business metrics, idempotently: one value per (day, name, team, workload), a resend replaces it (the
 * unique index is NULLS NOT DISTINCT, so "no team" is one key). All or nothing. Team and workload are slugs that
 * must exist; a team-bound caller (team key, lead) may only write metrics of its own teams.
 */
export async function storeMetrics(principal: Pick<Principal, "teamIds">, metrics: MetricInput[]): Promise<{ stored: number; replaced: number }> {
  const teams = await idsBySlug("teams", metrics.map((m) => m.team));
  const workloads = await idsBySlug("workloads", metrics.map((m) => m.workload));
  // Last value wins within one request (the same key twice would make one INSERT touch a row twice).
  const rows = new Map<string, { day: string; name: string; value: string; teamId: number | null; workloadId: number | null }>();
  for (const m of metrics) {
    const teamId = m.team ? teams.get(m.team)!.id : null;
    const workload = m.workload ? workloads.get(m.workload)! : null;
    if (principal.teamIds !== null) {
      const owner = teamId ?? workload?.teamId ?? null;
      if (owner === null) throw forbidden("A team-bound key or team lead can only send metrics for a team or workload of its teams");
      if (!principal.teamIds.includes(owner) || (workload && workload.teamId !== null && !principal.teamIds.includes(workload.teamId))) {
        throw forbidden(`Metric "${m.name}": team or workload outside your teams`);
      }
    }
    rows.set(JSON.stringify([m.date, m.name, teamId, workload?.id ?? null]), { day: m.date, name: m.name, value: m.value, teamId, workloadId: workload?.id ?? null });
  }
  const list = [...rows.values()];
  // Plain multi-row VALUES in chunks rather than INSERT ... SELECT unnest($1...): Citus (business_metrics is a
  // reference table there) does not type the parameters of an INSERT ... SELECT. The time is a parameter, not
  // now(): Citus accepts only immutable expressions in an upsert's SET.
  const updatedAt = new Date();
  let stored = 0;
  let replaced = 0;
  for (let at = 0; at < list.length; at += 1000) {
    const chunk = list.slice(at, at + 1000);
    const values = chunk.map((_, k) => `($${k * 5 + 2}::date, $${k * 5 + 3}::text, $${k * 5 + 4}::numeric, $${k * 5 + 5}::int, $${k * 5 + 6}::int)`);
    const result = await pool().query<{ inserted: boolean }>(
      `INSERT INTO business_metrics (day, name, value, team_id, workload_id) VALUES ${values.join(", ")}
       ON CONFLICT (day, name, team_id, workload_id) DO UPDATE SET value = EXCLUDED.value, updated_at = $1::timestamptz
       RETURNING (xmax = 0) AS inserted`,
      [updatedAt, ...chunk.flatMap((r) => [r.day, r.name, r.value, r.teamId, r.workloadId])],
    );
    stored += result.rowCount ?? 0;
    replaced += result.rows.filter((r) => !r.inserted).length;
  }
  return { stored, replaced };
}

async function idsBySlug(table: "teams" | "workloads", slugs: (string | null | undefined)[]): Promise<Map<string, { id: number; teamId: number | null }>> {
  const wanted = [...new Set(slugs.filter((s): s is string => Boolean(s)))];
  const map = new Map<string, { id: number; teamId: number | null }>();
  if (wanted.length === 0) return map;
  const teamColumn = table === "workloads" ? "team_id" : "id";
  const found = await pool().query<{ slug: string; id: number; team_id: number | null }>(`SELECT slug, id, ${teamColumn} AS team_id FROM ${table} WHERE slug = ANY($1::text[])`, [wanted]);
  for (const r of found.rows) map.set(r.slug, { id: r.id, teamId: r.team_id });
  const missing = wanted.filter((s) => !map.has(s));
  if (missing.length > 0) throw badRequest(`${table === "teams" ? "team" : "workload"}: no ${table === "teams" ? "team" : "workload"} ${missing.map((s) => `"${s}"`).join(", ")}`);
  return map;
}

/** The metric series there are (name x team x workload), those the caller may see. */
export async function listMetricSeries(principal: Pick<Principal, "teamIds">) {
  const rows = await pool().query<{ name: string; team: string | null; workload: string | null; days: number; first_day: string; last_day: string }>(
    `SELECT b.name, t.slug AS team, w.slug AS workload, count(*)::int AS days, min(b.day)::text AS first_day, max(b.day)::text AS last_day
     FROM business_metrics b LEFT JOIN teams t ON t.id = b.team_id LEFT JOIN workloads w ON w.id = b.workload_id
     WHERE $1::int[] IS NULL OR COALESCE(b.team_id, w.team_id) = ANY($1::int[])
     GROUP BY 1, 2, 3 ORDER BY 1, 2 NULLS FIRST, 3 NULLS FIRST`,
    [principal.teamIds],
  );
  return rows.rows.map((r) => ({ name: r.name, team: r.team, workload: r.workload, days: r.days, firstDay: r.first_day, lastDay: r.last_day }));
}
