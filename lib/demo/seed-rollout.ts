import "server-only";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { addDays, dayOf } from "@/lib/forecast/utc-days";
import { detectRollouts } from "@/lib/rollouts/server/detect-rollouts";
import { demoIncidents } from "./incidents";

export const DEMO_ROLLOUT_SCENARIO = "Ticket triage on gpt-5-nano, 10% escalated to gpt-5";

/**
 * The demo's closed loop: the scenario the company acted on (saved), its rollout marked applied on the day the
 * traffic moved (three weeks before the window ends), and the proposals Rightsize detects by itself (the sales call
 * summaries' switch). Idempotent: a second load adds nothing.
 */
export async function seedDemoRollout(endDate: Date, days: number): Promise<void> {
  const r = demoIncidents(endDate, days).rollout;
  const appliedFrom = dayOf(r.startsAt);
  const workload = await prisma().workload.findUnique({ where: { slug: r.workload }, select: { id: true } });
  if (!workload) return;
  let scenario = await prisma().scenario.findFirst({ where: { name: DEMO_ROLLOUT_SCENARIO } });
  scenario ??= await prisma().scenario.create({
    data: {
      name: DEMO_ROLLOUT_SCENARIO,
      definition: {
        from: addDays(appliedFrom, -14),
        to: addDays(appliedFrom, -1),
        rules: [
          {
            select: { workloads: [r.workload] },
            reroute: r.target,
            escalation: { ...r.escalation, mode: "rate", tokenShare: 1 },
            batchShare: 0,
            cachedShare: null,
            outputFactor: 1,
          },
        ],
      },
    },
  });
  const exists = await pool().query(`SELECT 1 FROM rollouts WHERE $1 = ANY(workload_ids) AND applied_from = $2::date`, [workload.id, appliedFrom]);
  if (exists.rowCount === 0) {
    await pool().query(
      `INSERT INTO rollouts (status, scenario_id, applied_from, workload_ids, source, created_by) VALUES ('applied', $1, $2::date, $3::int[], 'manual', 'demo')`,
      [scenario.id, appliedFrom, [workload.id]],
    );
  }
  await detectRollouts(endDate);
}
