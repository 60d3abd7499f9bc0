import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { EvalRow } from "./parse-eval-rows";

/**
 * Stores eval rows under their eval set(s), in one transaction: a file either lands whole or not at all.
 * Re-importing the same task/model replaces its outcome (the newest run of an eval is the evidence).
 */
export async function storeEvalResults(rows: EvalRow[], opts: { description?: string; workload?: string | null } = {}) {
  const bySet = new Map<string, EvalRow[]>();
  for (const row of rows) {
    const list = bySet.get(row.evalSet);
    if (list) list.push(row);
    else bySet.set(row.evalSet, [row]);
  }
  return prisma().$transaction(
    async (tx) => {
      const summary: { evalSet: string; id: number; tasks: number; models: string[] }[] = [];
      for (const [name, setRows] of bySet) {
        const set = await tx.evalSet.upsert({ where: { name }, create: { name, description: opts.description }, update: {} });
        // Upsert in chunks: a generated statement per row would be slow for thousands of tasks.
        for (let i = 0; i < setRows.length; i += 1000) {
          const chunk = setRows.slice(i, i + 1000);
          await tx.$executeRawUnsafe(
            `INSERT INTO eval_results (eval_set_id, task_id, model, passed, score, cost_nanos, input_tokens, output_tokens, judge_flagged)
             SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bool[], $5::numeric[], $6::bigint[], $7::int[], $8::int[], $9::bool[])
             ON CONFLICT (eval_set_id, task_id, model) DO UPDATE SET passed = EXCLUDED.passed, score = EXCLUDED.score,
               cost_nanos = EXCLUDED.cost_nanos, input_tokens = EXCLUDED.input_tokens, output_tokens = EXCLUDED.output_tokens,
               judge_flagged = EXCLUDED.judge_flagged`,
            set.id,
            chunk.map((r) => r.taskId),
            chunk.map((r) => r.model),
            chunk.map((r) => r.passed),
            chunk.map((r) => r.score),
            chunk.map((r) => (r.costNanos === null ? null : r.costNanos.toString())),
            chunk.map((r) => r.inputTokens),
            chunk.map((r) => r.outputTokens),
            chunk.map((r) => r.judgeFlagged ?? null),
          );
        }
        if (opts.workload) {
          const updated = await tx.workload.updateMany({ where: { slug: opts.workload }, data: { evalSetId: set.id } });
          if (updated.count === 0) throw new Error(`workload: no workload named "${opts.workload}"`);
        }
        summary.push({ evalSet: name, id: set.id, tasks: new Set(setRows.map((r) => r.taskId)).size, models: [...new Set(setRows.map((r) => r.model))] });
      }
      return summary;
    },
    { timeout: 120_000 },
  );
}
