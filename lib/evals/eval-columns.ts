/**
 * The eval results columns: the one list the importer reads (parse-eval-rows.ts) and the downloadable template
 * (GET /api/v1/evals/template) is written from, so the template cannot drift from what an import accepts.
 */
export const EVAL_COLUMNS = [
  { name: "eval_set", required: "unless given with the import (--set / the form's name)", example: ["support-evals", "support-evals", "support-evals"] },
  { name: "task_id", required: "yes", example: ["t-001", "t-001", "t-002"] },
  { name: "model", required: "yes", example: ["gpt-5-mini", "gpt-5", "gpt-5-mini"] },
  { name: "passed", required: "passed or score", example: ["true", "true", "false"] },
  { name: "score", required: "passed or score (0..1; passed = score >= 0.5)", example: ["", "", "0.3"] },
  { name: "cost_usd", required: "no", example: ["0.0012", "0.0094", "0.0011"] },
  { name: "input_tokens", required: "no", example: ["812", "812", "640"] },
  { name: "output_tokens", required: "no", example: ["95", "102", "88"] },
  { name: "judge_flagged", required: "no (your escalation detector flagged the answer)", example: ["false", "false", "true"] },
] as const;

export type EvalColumn = (typeof EVAL_COLUMNS)[number]["name"];
