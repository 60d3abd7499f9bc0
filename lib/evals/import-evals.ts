import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { audit } from "@/lib/audit";
import { prisma } from "@/lib/db/prisma";
import { badRequest, forbidden, notFound } from "@/lib/errors";
import { parseEvalFile, type EvalFileFormat } from "./parse-eval-file";
import { EvalImportError } from "./parse-eval-rows";
import { storeEvalResults } from "./store-eval-results";

export interface ImportEvalsInput {
  text: string;
  format: EvalFileFormat;
  /** Eval set every row belongs to (rows naming another set are refused). */
  set: string;
  /** Link the set to this workload (slug) once imported. */
  workload?: string | null;
  threshold?: number;
  actor: string;
}

export interface ImportEvalsResult {
  evalSet: string;
  rows: number;
  tasks: number;
  models: { model: string; tasks: number; passed: number; passRate: number }[];
  linkedWorkload: string | null;
}

/**
 * Imports an eval-results file into one eval set, all or nothing (store-eval-results.ts runs one transaction):
 * the file is validated first (EvalImportError -> 400 naming the missing columns or bad lines), the workload to
 * link is checked against the caller's teams, and only then is anything written. Shared by the API and the CLI
 * (principal null = the CLI, which runs with database access and no team scope).
 */
export async function importEvals(input: ImportEvalsInput, principal: Pick<Principal, "teamIds"> | null): Promise<ImportEvalsResult> {
  const set = input.set.trim();
  if (!set) throw badRequest("set: name the eval set to import into");
  let workload: { slug: string } | null = null;
  if (input.workload) {
    const w = await prisma().workload.findUnique({ where: { slug: input.workload } });
    if (!w || (principal && !inScope(principal, w.teamId))) throw notFound(`workload "${input.workload}"`);
    workload = w;
  }
  if (principal && principal.teamIds !== null) await checkLeadMayWrite(principal.teamIds, set);
  let rows;
  try {
    rows = parseEvalFile(input.text, input.format, { evalSet: set, threshold: input.threshold });
  } catch (e) {
    if (e instanceof EvalImportError) {
      throw badRequest(e.message, { missingColumns: e.missingColumns, issues: e.issues.slice(0, 50) });
    }
    if (e instanceof RangeError) throw badRequest(e.message);
    throw e;
  }
  await storeEvalResults(rows, { workload: workload?.slug ?? null });
  const byModel = new Map<string, { tasks: number; passed: number }>();
  for (const r of rows) {
    const m = byModel.get(r.model) ?? { tasks: 0, passed: 0 };
    m.tasks++;
    if (r.passed) m.passed++;
    byModel.set(r.model, m);
  }
  const result: ImportEvalsResult = {
    evalSet: set,
    rows: rows.length,
    tasks: new Set(rows.map((r) => r.taskId)).size,
    models: [...byModel].map(([model, m]) => ({ model, ...m, passRate: m.passed / m.tasks })).sort((a, b) => b.passRate - a.passRate),
    linkedWorkload: workload?.slug ?? null,
  };
  await audit(input.actor, "eval_results_imported", set, { rows: result.rows, tasks: result.tasks, workload: result.linkedWorkload });
  return result;
}

function inScope(principal: Pick<Principal, "teamIds">, teamId: number | null): boolean {
  return principal.teamIds === null || (teamId !== null && principal.teamIds.includes(teamId));
}

/** A lead may add a new set, or re-import one that only their teams' workloads use: not rewrite another team's. */
async function checkLeadMayWrite(teamIds: number[], set: string): Promise<void> {
  const existing = await prisma().evalSet.findUnique({ where: { name: set }, include: { workloads: { select: { teamId: true } } } });
  if (existing && existing.workloads.some((w) => w.teamId === null || !teamIds.includes(w.teamId))) {
    throw forbidden(`eval set "${set}" is linked to workloads of other teams: import under a new name`);
  }
}
