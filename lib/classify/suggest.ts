/**
 * Suggests a task class from a workload's usage shape. The rules are deliberately simple and ordered (first match
 * wins) so the owner can read why and disagree: shape alone cannot see content, so every suggestion is a proposal
 * the owner confirms. Thresholds are the named constants below.
 */
import type { TaskClass } from "./task-class";

/**
 * Output figures are the VISIBLE answer (output minus reasoning tokens): how long the answer is says what the task
 * is, while how much a model thinks first is a setting (reasoning effort) that reasoningShare reports apart.
 */
export interface UsageShape {
  avgInputTokens: number;
  p50InputTokens: number;
  p90InputTokens: number;
  avgOutputTokens: number;
  /** Median output; falls back to the average when the caller has no percentiles. */
  p50OutputTokens?: number;
  p90OutputTokens: number;
  /** Reasoning tokens / output tokens, 0-1. */
  reasoningShare: number;
  /** Cached input tokens / input tokens, 0-1. */
  cachedShare: number;
  callsPerDay: number;
  /** Calls the shape was measured on; under MIN_CALLS the suggestion is low confidence. */
  calls?: number;
}

export type Confidence = "high" | "medium" | "low";

export interface ClassSuggestion {
  taskClass: TaskClass;
  confidence: Confidence;
  reasons: string[];
}

const MIN_CALLS = 50;
const LONG_CONTEXT_INPUT = 50_000; // median input at which the context itself is the job
const AGENT_CACHE_SHARE = 0.5; // agent loops re-send their growing context, mostly from the cache
const AGENT_GROWTH = 3; // p90/p50 input: context grows during a run
const REASONING_SHARE = 0.75; // thinking three times longer than answering: the reasoning is the work
const LABEL_OUTPUT = 32; // a label, a score, a yes/no, a small JSON verdict
const LABEL_OUTPUT_P90 = 64;
const FIELDS_OUTPUT = 150; // a handful of extracted fields
const SUMMARY_OUTPUT = 1_000;
const SUMMARY_RATIO = 0.25; // a summary is much shorter than its source
const DRAFT_OUTPUT = 250;
const DRAFT_RATIO = 0.5; // drafts are long relative to their prompt

export function suggestTaskClass(shape: UsageShape): ClassSuggestion {
  const inMed = shape.p50InputTokens;
  const outMed = shape.p50OutputTokens ?? shape.avgOutputTokens;
  const ratio = inMed > 0 ? outMed / inMed : Infinity;
  const outs = `outputs (median ${fmt(outMed)} tokens)`;
  const ins = `${sizeWord(inMed)} inputs (median ${fmt(inMed)} tokens)`;

  const pick = (taskClass: TaskClass, confidence: Confidence, ...reasons: string[]): ClassSuggestion => {
    if (shape.calls !== undefined && shape.calls < MIN_CALLS) {
      return { taskClass, confidence: "low", reasons: [reasons[0], `only ${fmt(shape.calls)} calls observed: low confidence`, ...reasons.slice(1)] };
    }
    return { taskClass, confidence, reasons };
  };

  if (shape.cachedShare >= AGENT_CACHE_SHARE && inMed > 0 && shape.p90InputTokens / inMed >= AGENT_GROWTH && outMed <= 600) {
    return pick(
      "agentic",
      "medium",
      `${pct(shape.cachedShare)} of input read from cache and input growing from median ${fmt(inMed)} to p90 ${fmt(shape.p90InputTokens)} tokens (a loop re-sending its context) → agentic`,
    );
  }
  if (inMed >= LONG_CONTEXT_INPUT) {
    return pick("long_context", "medium", `very long inputs (median ${fmt(inMed)} tokens) → long_context`);
  }
  // A label is a label however long the model thought first: heavy reasoning on it is a setting to question.
  if (outMed <= LABEL_OUTPUT) {
    const confidence = shape.p90OutputTokens <= 32 ? "high" : shape.p90OutputTokens <= LABEL_OUTPUT_P90 ? "medium" : "low";
    const notes = [
      ...(shape.p90OutputTokens > LABEL_OUTPUT_P90
        ? [`but one call in ten answers with ${fmt(shape.p90OutputTokens)}+ tokens (models that hide their reasoning count it as output): check`]
        : []),
      ...(shape.reasoningShare >= 0.5
        ? [`reasoning is ${pct(shape.reasoningShare)} of output tokens: the model thinks far longer than it answers (a lower reasoning effort or a smaller model may do)`]
        : []),
    ];
    return pick("classification", confidence, `short ${outs} on ${ins} → classification`, ...notes);
  }
  if (shape.reasoningShare >= REASONING_SHARE) {
    return pick("complex_reasoning", "medium", `reasoning is ${pct(shape.reasoningShare)} of output tokens → complex_reasoning`);
  }
  if (outMed <= FIELDS_OUTPUT && inMed >= 1_000) {
    return pick("extraction", "low", `short ${outs} from ${ins} (a few fields out of a document) → extraction`);
  }
  if (outMed <= SUMMARY_OUTPUT && inMed >= 2_000 && ratio <= SUMMARY_RATIO) {
    return pick("summarisation", "medium", `${outs} about ${pct(ratio)} of ${ins} → summarisation`);
  }
  if (outMed >= 400 && inMed >= 4_000 && shape.cachedShare >= 0.3) {
    return pick("coding", "low", `long ${outs} on ${ins} with ${pct(shape.cachedShare)} cached (a shared code context) → coding`);
  }
  if (outMed >= DRAFT_OUTPUT && ratio >= DRAFT_RATIO) {
    return pick("drafting", "medium", `long ${outs} from ${ins} → drafting`);
  }
  if (outMed >= 60 && outMed <= 400 && inMed >= 300 && inMed <= 8_000) {
    return pick("support_reply", "low", `medium-length ${outs} answering ${ins} → support_reply`);
  }
  return pick("other", "low", `${outs} on ${ins} match no routine pattern → other`);
}

function sizeWord(tokens: number): string {
  return tokens < 500 ? "short" : tokens < 8_000 ? "medium" : tokens < LONG_CONTEXT_INPUT ? "long" : "very long";
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
