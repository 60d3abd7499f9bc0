import "server-only";
import { prisma } from "@/lib/db/prisma";
import { ROUTELLM_GSM8K, ROUTELLM_MMLU_LAW, ROUTELLM_STRONG_MODEL, ROUTELLM_WEAK_MODEL } from "./routellm-sets";

/**
 * The demo's eval-set links with their model mapping (workload_eval_models). RouteLLM compares GPT-4 with
 * Mixtral-8x7B, not the models Acme runs, so each link says which eval model stands for which real model:
 * GPT-4's results for the workload's current frontier models, Mixtral's for the cheaper candidate. A stand-in
 * is an assumption the owner can see and edit on the workload; Mixtral is weaker than the candidates it stands
 * for, so the evidence errs on the cautious side.
 */
const DEMO_MAPPINGS: Record<string, { set: string; standIns: [provider: string, model: string, evalModel: string][] }> = {
  "math-tutor": {
    set: ROUTELLM_GSM8K.name,
    standIns: [
      ["openai", "o3", ROUTELLM_STRONG_MODEL],
      ["openai", "gpt-5.1", ROUTELLM_STRONG_MODEL],
      ["openai", "gpt-5-mini", ROUTELLM_WEAK_MODEL],
    ],
  },
  "contract-review": {
    set: ROUTELLM_MMLU_LAW.name,
    standIns: [
      ["anthropic", "claude-sonnet-4-5", ROUTELLM_STRONG_MODEL],
      ["google", "gemini-2.5-pro", ROUTELLM_STRONG_MODEL],
      ["google", "gemini-2.5-flash", ROUTELLM_WEAK_MODEL],
    ],
  },
};

/** Adds the demo mappings where a workload is linked to its set and has no mapping yet (an owner's edit wins). */
export async function linkDemoEvalModels(): Promise<void> {
  for (const [slug, m] of Object.entries(DEMO_MAPPINGS)) {
    const w = await prisma().workload.findUnique({ where: { slug }, include: { evalSet: true, evalModels: true } });
    if (!w || w.evalSet?.name !== m.set || w.evalModels.length > 0) continue;
    await prisma().workloadEvalModel.createMany({
      data: m.standIns.map(([provider, model, evalModel]) => ({ workloadId: w.id, provider, model, evalModel })),
    });
  }
}
