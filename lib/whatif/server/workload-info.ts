import "server-only";
import { pool } from "@/lib/db/pool";
import type { EvalResultRow, LinkedEvalSet, WorkloadInfo } from "../types";
import type { WorkloadDim } from "./dimensions";

/**
 * Floors and eval evidence of workloads, as the engine takes them: each workload's linked eval set with its
 * per-task results and the link's model mapping (workload_eval_models: which eval model stands for which real
 * model). Results are read once per set, however many workloads share it.
 */
export async function loadWorkloadInfo(workloads: readonly WorkloadDim[]): Promise<Map<string, WorkloadInfo>> {
  const setIds = [...new Set(workloads.map((w) => w.evalSetId).filter((id): id is number => id !== null))];
  const withSet = workloads.filter((w) => w.evalSetId !== null).map((w) => w.id);
  const [results, mappings] = await Promise.all([
    setIds.length === 0
      ? { rows: [] }
      : pool().query<{ eval_set_id: number; task_id: string; model: string; passed: boolean; judge_flagged: boolean | null }>(
          "SELECT eval_set_id, task_id, model, passed, judge_flagged FROM eval_results WHERE eval_set_id = ANY($1::int[])",
          [setIds],
        ),
    withSet.length === 0
      ? { rows: [] }
      : pool().query<{ workload_id: number; provider: string; model: string; eval_model: string }>(
          "SELECT workload_id, provider, model, eval_model FROM workload_eval_models WHERE workload_id = ANY($1::int[])",
          [withSet],
        ),
  ]);
  const bySet = new Map<number, EvalResultRow[]>();
  for (const r of results.rows) {
    let list = bySet.get(r.eval_set_id);
    if (!list) bySet.set(r.eval_set_id, (list = []));
    list.push({ taskId: r.task_id, model: r.model, passed: r.passed, judgeFlagged: r.judge_flagged });
  }
  const standIns = new Map<number, Map<string, string>>();
  for (const m of mappings.rows) {
    let map = standIns.get(m.workload_id);
    if (!map) standIns.set(m.workload_id, (map = new Map()));
    map.set(`${m.provider}/${m.model}`, m.eval_model);
  }
  const out = new Map<string, WorkloadInfo>();
  for (const w of workloads) {
    const evalSet: LinkedEvalSet | null =
      w.evalSetId === null
        ? null
        : { name: w.evalSetName ?? String(w.evalSetId), results: bySet.get(w.evalSetId) ?? [], standIns: standIns.get(w.id) ?? new Map() };
    out.set(w.slug, { slug: w.slug, qualityFloor: w.qualityFloor, evalSet });
  }
  return out;
}
