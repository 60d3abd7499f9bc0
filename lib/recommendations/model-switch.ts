import "server-only";
import { pool } from "@/lib/db/pool";
import { addDays } from "@/lib/forecast/utc-days";
import { BEFORE_DAYS, detectMixShifts, type MixShift, type WorkloadModelDay } from "@/lib/rollouts/detect-shift";

/**
 * Workloads that switched model inside the window (issue 16.8), by the same rule the Rollouts page uses to propose a
 * rollout (lib/rollouts/detect-shift.ts: most calls moved to another model, confirmed over 3 days). The latest switch
 * per workload; the 14 days before the window are read so a switch early in it can be seen.
 */
export async function recentSwitches(workloadIds: readonly number[], window: { from: string; to: string }): Promise<Map<number, MixShift>> {
  if (workloadIds.length === 0) return new Map();
  const res = await pool().query<{ workload_id: number; day: string; provider: string; name: string; calls: string }>(
    `SELECT d.workload_id, to_char(d.day, 'YYYY-MM-DD') AS day, m.provider, m.name, SUM(d.events)::bigint AS calls
       FROM usage_daily d JOIN models m ON m.id = d.model_id
      WHERE d.day BETWEEN $1::date AND $2::date AND d.workload_id = ANY($3::int[])
      GROUP BY 1, 2, 3, 4`,
    [addDays(window.from, -BEFORE_DAYS), window.to, [...workloadIds]],
  );
  const rows: WorkloadModelDay[] = res.rows.map((r) => ({ workloadId: r.workload_id, day: r.day, model: `${r.provider}/${r.name}`, calls: Number(r.calls) }));
  const out = new Map<number, MixShift>();
  for (const s of detectMixShifts(rows)) {
    if (s.day < window.from || s.day > window.to) continue;
    const seen = out.get(s.workloadId);
    if (!seen || s.day > seen.day) out.set(s.workloadId, s);
  }
  return out;
}

/** "openai/gpt-5-mini" -> { provider, model }. */
export function modelRef(key: string): { provider: string; model: string } {
  const i = key.indexOf("/");
  return { provider: key.slice(0, i), model: key.slice(i + 1) };
}
