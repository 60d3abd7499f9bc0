/**
 * Names and facts of the RouteLLM eval sets, without file access, so that code which only needs the names
 * (the demo company links workloads to these sets) does not pull node:fs into a client bundle.
 */
export const ROUTELLM_STRONG_MODEL = "gpt-4-1106-preview";
export const ROUTELLM_WEAK_MODEL = "mistralai/Mixtral-8x7B-Instruct-v0.1";
export const ROUTELLM_MODELS = [ROUTELLM_STRONG_MODEL, ROUTELLM_WEAK_MODEL] as const;

export interface RouteLlmSetInfo {
  /** EvalSet.name in the database. */
  name: string;
  /** File in data/routellm (the repository's copy, see its NOTICE). */
  file: string;
  /** Prefix of task ids ("gsm8k-0001"). */
  taskPrefix: string;
  description: string;
  /** Whether the file has `<model>_response` text columns (output tokens can be estimated). */
  hasResponses: boolean;
}

export const ROUTELLM_GSM8K: RouteLlmSetInfo = {
  name: "routellm-gsm8k",
  file: "gsm8k_responses.csv",
  taskPrefix: "gsm8k",
  description:
    "GSM8K grade-school maths (1,319 prompts) answered by gpt-4-1106-preview and Mixtral-8x7B-Instruct; from lm-sys/RouteLLM (Apache-2.0).",
  hasResponses: true,
};

export const ROUTELLM_MMLU_LAW: RouteLlmSetInfo = {
  name: "routellm-mmlu-professional-law",
  file: "mmlu_professional_law.csv",
  taskPrefix: "mmlu-law",
  description:
    "MMLU professional law (1,534 multiple-choice prompts) answered by gpt-4-1106-preview and Mixtral-8x7B-Instruct; from lm-sys/RouteLLM (Apache-2.0).",
  hasResponses: false,
};

export const ROUTELLM_SETS: readonly RouteLlmSetInfo[] = [ROUTELLM_GSM8K, ROUTELLM_MMLU_LAW];
