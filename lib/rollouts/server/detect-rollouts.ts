import "server-only";
import { pool } from "@/lib/db/pool";
import { addDays, dayOf } from "@/lib/forecast/utc-days";
import { detectMixShifts, shiftNote, type WorkloadModelDay } from "../detect-shift";

/** How far back detection looks, and how close (days) an existing rollout of the workload must be to count as the same change. */
export const DETECT_DAYS = 90;
const SAME_CHANGE_DAYS = 3;

/**
 * Proposes a rollout for every model-mix shift of the last 90 days (detect-shift.ts) that no rollout of the same
 * workload already covers (applied, proposed or dismissed within 3 days of it), so a change made outside Rightsize
 * is tracked too. Idempotent: running it again proposes nothing new. Reads usage_daily (every team: proposals are
 * the organisation's); run by the alert scheduler every minute and after the demo is loaded.
 */
export async function detectRollouts(now = new Date()): Promise<number[]> {
  const to = dayOf(now);
  const from = addDays(to, -DETECT_DAYS);
  const res = await pool().query<{ workload_id: number; day: string; provider: string; name: string; calls: string }>(
    `SELECT d.workload_id, to_char(d.day, 'YYYY-MM-DD') AS day, m.provider, m.name, SUM(d.events)::bigint AS calls
     FROM usage_daily d JOIN models m ON m.id = d.model_id
     WHERE d.day BETWEEN $1::date AND $2::date AND d.workload_id <> 0
     GROUP BY 1, 2, 3, 4`,
    [from, to],
  );
  const rows: WorkloadModelDay[] = res.rows.map((r) => ({ workloadId: r.workload_id, day: r.day, model: `${r.provider}/${r.name}`, calls: Number(r.calls) }));
  const shifts = detectMixShifts(rows);
  if (shifts.length === 0) return [];
  const existing = await pool().query<{ workload_ids: number[]; applied_from: string }>(
    `SELECT workload_ids, to_char(applied_from, 'YYYY-MM-DD') AS applied_from FROM rollouts WHERE applied_from >= $1::date`,
    [addDays(from, -SAME_CHANGE_DAYS)],
  );
  const names = await pool().query<{ id: number; name: string }>(`SELECT id, name FROM workloads WHERE id = ANY($1::int[])`, [[...new Set(shifts.map((s) => s.workloadId))]]);
  const nameOf = new Map(names.rows.map((r) => [r.id, r.name]));
  const created: number[] = [];
  for (const s of shifts) {
    const covered = existing.rows.some(
      (e) => e.workload_ids.includes(s.workloadId) && e.applied_from >= addDays(s.day, -SAME_CHANGE_DAYS) && e.applied_from <= addDays(s.day, SAME_CHANGE_DAYS),
    );
    if (covered) continue;
    // Model ids looked up first, not as subqueries inside VALUES: Citus refuses subqueries in an INSERT.
    const [fromModelId, toModelId] = [await modelId(s.from), await modelId(s.to)];
    const ins = await pool().query<{ id: number }>(
      `INSERT INTO rollouts (status, applied_from, workload_ids, source, note, from_model_id, to_model_id, created_by)
       VALUES ('proposed', $1::date, $2::int[], 'detected', $3, $4, $5, 'rightsize')
       RETURNING id`,
      [s.day, [s.workloadId], shiftNote(nameOf.get(s.workloadId) ?? `Workload ${s.workloadId}`, s), fromModelId, toModelId],
    );
    created.push(ins.rows[0].id);
    existing.rows.push({ workload_ids: [s.workloadId], applied_from: s.day });
  }
  return created;
}

/** "provider/name" -> the models row's id, or null when that model is not stored. */
async function modelId(key: string): Promise<number | null> {
  const i = key.indexOf("/");
  const row = await pool().query<{ id: number }>(`SELECT id FROM models WHERE provider = $1 AND name = $2`, [key.slice(0, i), key.slice(i + 1)]);
  return row.rows[0]?.id ?? null;
}
