import "server-only";
import { can, type Principal } from "@/lib/auth/principal";
import { audit } from "@/lib/audit";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { badRequest, forbidden, notFound } from "@/lib/errors";
import { defaultWindow } from "@/lib/whatif/window";
import type { Classification, ClassificationPatch } from "./classification-schema";
import { measureShape } from "./shape-query";
import { suggestTaskClass } from "./suggest";
import { isTaskClass } from "./task-class";

type Caller = Pick<Principal, "teamIds" | "kind" | "role" | "scopes">;

function inScope(principal: Pick<Principal, "teamIds">, teamId: number | null): boolean {
  return principal.teamIds === null || (teamId !== null && principal.teamIds.includes(teamId));
}

/** A workload the caller may see, or 404 (another team's workload is as good as missing for a lead). */
async function findWorkload(principal: Pick<Principal, "teamIds">, slug: string) {
  const w = await prisma().workload.findUnique({ where: { slug }, include: { team: true, evalSet: true, evalModels: true } });
  if (!w || !inScope(principal, w.teamId)) throw notFound(`workload "${slug}"`);
  return w;
}

/**
 * The classification panel of a workload: stored class, floor and latency tolerance; the class its last 30 days
 * of usage suggest, with the reasons in words; the models it calls; the linked eval set with pass rates and the
 * model mapping (which eval model stands for which real model).
 */
export async function getClassification(principal: Caller, slug: string, now = new Date()): Promise<Classification> {
  const w = await findWorkload(principal, slug);
  const window = defaultWindow(now);
  const [shape, models, rates] = await Promise.all([
    measureShape(w.id, window, principal.teamIds),
    pool().query<{ provider: string; name: string; tier: string | null; cost: string }>(
      `SELECT m.provider, m.name, m.tier, sum(s.cost_nanos)::text AS cost FROM usage_shape_daily s JOIN models m ON m.id = s.model_id
       WHERE s.workload_id = $1 AND s.day BETWEEN $2::date AND $3::date AND ($4::int[] IS NULL OR s.team_id = ANY($4::int[]))
       GROUP BY 1, 2, 3 ORDER BY sum(s.cost_nanos) DESC, 1, 2`,
      [w.id, window.from, window.to, principal.teamIds],
    ),
    w.evalSetId === null
      ? { rows: [] }
      : pool().query<{ model: string; tasks: number; passed: number }>(
          `SELECT model, count(*)::int AS tasks, count(*) FILTER (WHERE passed)::int AS passed FROM eval_results
           WHERE eval_set_id = $1 GROUP BY model ORDER BY 1`,
          [w.evalSetId],
        ),
  ]);
  const totalCost = models.rows.reduce((s, m) => s + BigInt(m.cost), 0n);
  const suggestion = shape ? suggestTaskClass(shape) : null;
  return {
    workload: { slug: w.slug, name: w.name, team: w.team?.slug ?? null },
    taskClass: isTaskClass(w.taskClass) ? w.taskClass : null,
    taskClassConfirmed: w.taskClassConfirmed,
    qualityFloor: Number(w.qualityFloor),
    latencyTolerant: w.latencyTolerant,
    suggestion:
      suggestion && shape
        ? {
            ...suggestion,
            shape: {
              from: shape.from, to: shape.to, calls: shape.calls ?? 0, sampledCalls: shape.sampledCalls, callsPerDay: round(shape.callsPerDay),
              p50InputTokens: round(shape.p50InputTokens), p90InputTokens: round(shape.p90InputTokens),
              p50OutputTokens: round(shape.p50OutputTokens ?? shape.avgOutputTokens), p90OutputTokens: round(shape.p90OutputTokens),
              reasoningShare: round(shape.reasoningShare, 4), cachedShare: round(shape.cachedShare, 4),
            },
          }
        : null,
    models: models.rows.map((m) => ({
      provider: m.provider,
      model: m.name,
      tier: m.tier,
      costShare: totalCost > 0n ? Number((BigInt(m.cost) * 1_000_000n) / totalCost) / 1e6 : 0,
    })),
    evalSet: w.evalSet
      ? { name: w.evalSet.name, models: rates.rows.map((r) => ({ model: r.model, tasks: r.tasks, passRate: r.tasks ? r.passed / r.tasks : 0 })) }
      : null,
    evalModelMap: w.evalModels
      .map((m) => ({ provider: m.provider, model: m.model, evalModel: m.evalModel }))
      .sort((a, b) => `${a.provider}/${a.model}`.localeCompare(`${b.provider}/${b.model}`)),
    canEdit: can(principal as Principal, "edit_workloads") && inScope(principal, w.teamId),
  };
}

/**
 * Owner's changes, in one transaction. Setting a task class confirms it. Linking another eval set drops the
 * previous set's mapping (its eval model names mean nothing for the new set) unless a new mapping comes with it;
 * every mapped eval model must have results in the linked set.
 */
export async function patchClassification(principal: Caller, slug: string, patch: ClassificationPatch, actor: string): Promise<Classification> {
  if (!can(principal as Principal, "edit_workloads")) throw forbidden('This needs the "edit_workloads" permission');
  const w = await findWorkload(principal, slug);
  let evalSetId = w.evalSetId;
  if (patch.evalSet !== undefined) {
    if (patch.evalSet === null) evalSetId = null;
    else {
      const set = await prisma().evalSet.findUnique({ where: { name: patch.evalSet } });
      if (!set) throw badRequest(`evalSet: no eval set named "${patch.evalSet}" (import it first)`);
      evalSetId = set.id;
    }
  }
  let map = patch.evalModelMap;
  if (map !== undefined) {
    if (evalSetId === null && map.length > 0) throw badRequest("evalModelMap: link an eval set first");
    const seen = new Set<string>();
    for (const m of map) {
      const key = `${m.provider}/${m.model}`;
      if (seen.has(key)) throw badRequest(`evalModelMap: ${key} is mapped twice`);
      seen.add(key);
    }
    if (evalSetId !== null && map.length > 0) {
      const known = await pool().query<{ model: string }>("SELECT DISTINCT model FROM eval_results WHERE eval_set_id = $1", [evalSetId]);
      const names = new Set(known.rows.map((r) => r.model));
      const missing = [...new Set(map.map((m) => m.evalModel).filter((e) => !names.has(e)))];
      if (missing.length > 0) {
        throw badRequest(`evalModelMap: the eval set has no results for ${missing.map((m) => `"${m}"`).join(", ")} (it has: ${[...names].join(", ")})`);
      }
    }
  } else if (evalSetId !== w.evalSetId) {
    map = [];
  }
  await prisma().$transaction(async (tx) => {
    await tx.workload.update({
      where: { id: w.id },
      data: {
        ...(patch.taskClass !== undefined ? { taskClass: patch.taskClass, taskClassConfirmed: true } : {}),
        ...(patch.qualityFloor !== undefined ? { qualityFloor: patch.qualityFloor } : {}),
        ...(patch.latencyTolerant !== undefined ? { latencyTolerant: patch.latencyTolerant } : {}),
        ...(patch.evalSet !== undefined ? { evalSetId } : {}),
      },
    });
    if (map !== undefined) {
      await tx.workloadEvalModel.deleteMany({ where: { workloadId: w.id } });
      if (map.length > 0) await tx.workloadEvalModel.createMany({ data: map.map((m) => ({ workloadId: w.id, ...m })) });
    }
  });
  await audit(actor, "workload_classification_changed", slug, JSON.parse(JSON.stringify(patch)));
  return getClassification(principal, slug);
}

function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
