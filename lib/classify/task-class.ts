/**
 * Task classes and model tiers: the vocabulary shared by classification, recommendations and the what-if presets.
 * Values match the strings stored in workloads.task_class and models.tier.
 */
export const TASK_CLASSES = [
  "classification",
  "extraction",
  "summarisation",
  "drafting",
  "support_reply",
  "coding",
  "agentic",
  "long_context",
  "complex_reasoning",
  "other",
] as const;
export type TaskClass = (typeof TASK_CLASSES)[number];

export const MODEL_TIERS = ["small", "mid", "frontier"] as const;
export type ModelTier = (typeof MODEL_TIERS)[number];

/**
 * Routine classes are the ones smaller models do well on published evals and in practice; running them on a
 * frontier model is the usual over-specification.
 */
const ROUTINE: ReadonlySet<string> = new Set(["classification", "extraction", "summarisation", "support_reply", "drafting"]);

export function isTaskClass(value: unknown): value is TaskClass {
  return typeof value === "string" && (TASK_CLASSES as readonly string[]).includes(value);
}

export function isRoutineClass(taskClass: string | null | undefined): boolean {
  return taskClass != null && ROUTINE.has(taskClass);
}

/** small 0 < mid 1 < frontier 2; unknown tiers rank -1 so they never count as "cheaper" or "pricier". */
export function tierRank(tier: string | null | undefined): number {
  return tier == null ? -1 : (MODEL_TIERS as readonly string[]).indexOf(tier);
}

/**
 * Without eval evidence, the lowest tier we suggest for a routine class. Label-like outputs (classification,
 * extraction) go to the small tier; free text that customers or colleagues read (summaries, replies, drafts)
 * stays at mid tier. Null for non-routine classes: no suggestion without evidence.
 */
export function guidanceTier(taskClass: string | null | undefined): ModelTier | null {
  if (taskClass === "classification" || taskClass === "extraction") return "small";
  if (isRoutineClass(taskClass)) return "mid";
  return null;
}
