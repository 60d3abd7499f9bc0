/**
 * Inputs of the what-if engine. The engine is pure: the database layer loads traffic and eval results, the
 * pricing module supplies a PriceFn, and nothing here touches I/O.
 */

/** One call as the pricer sees it (same shape as lib/pricing's `price` argument). */
export interface PriceCall {
  provider: string;
  model: string;
  occurredAt: Date;
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
  batch: boolean;
  serviceTier: string | null;
  /** One call's input size for the context-length tier, when the group knows it (its input-size bucket). */
  tierInputTokens?: number;
}

/** 0 unpriced, 1 catalogue (genai-prices), 2 price override; costNanos null when the model has no price. */
export interface PriceResult {
  costNanos: bigint | null;
  priceSource: 0 | 1 | 2;
  overrideId: number | null;
}

/**
 * Prices one call. With lib/pricing: `priceFnOf(createPricer(overrides))` (pricing-adapter.ts).
 * Must price per call (tiered prices depend on one call's size), deterministically.
 */
export type PriceFn = (call: PriceCall) => PriceResult;

export interface ModelRef {
  provider: string;
  model: string;
}

/**
 * Historical traffic, aggregated: `calls` calls of one (day, workload, team, model, batch, size bucket) with their
 * token SUMS and recorded cost. A single call is a group with calls = 1. Token sums are plain numbers (exact below
 * 2^53, i.e. far beyond any realistic bucket).
 */
export interface CallGroup {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  workloadSlug: string | null;
  teamSlug: string | null;
  taskClass: string | null;
  provider: string;
  model: string;
  calls: number;
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
  /** Recorded cost of the group; null when (part of) it was unpriced: such groups are left out and reported. */
  baselineCostNanos: bigint | null;
  /**
   * The part of the baseline that is server-side tool calls (web/file search), priced per call. A rerouted group
   * keeps it: the target model is asked the same questions and makes the same searches (default 0).
   */
  toolCostNanos?: bigint;
  /** Default false. */
  batch?: boolean;
  serviceTier?: string | null;
  /** Exact time for single calls; otherwise the group is priced at 00:00 UTC of its day. */
  occurredAt?: Date;
  /** Input-size bucket of the roll-up: groups of different buckets are never merged (merge-days.ts). */
  sizeBucket?: number;
  /**
   * Input tokens of ONE call of the group, to pick context-length price tiers with. Set from the roll-up bucket
   * (load-groups.ts), which never straddles a tier; needed where the calls' count is unknown (usage-export rows
   * without a request count), so the group's average would be one giant call. Default: the group's average call.
   */
  tierInputTokens?: number;
}

/** One eval result row (eval set import): did `model` pass task `taskId`? */
export interface EvalResultRow {
  taskId: string;
  model: string;
  passed: boolean;
  /** The eval file's judge column: did the detector flag this answer for escalation (null: no verdict). */
  judgeFlagged?: boolean | null;
}

/**
 * An eval set linked to a workload. Eval sets usually test other models than the ones in production (RouteLLM
 * compares gpt-4-1106-preview with Mixtral-8x7B), so the link carries a mapping: `standIns` says, per real model
 * ("provider/model"), which eval model's results stand for it. A model without an entry matches results of the
 * same name (eval-models.ts).
 */
export interface LinkedEvalSet {
  name: string;
  results: readonly EvalResultRow[];
  standIns?: ReadonlyMap<string, string>;
}

/** What the engine knows about a workload beyond its traffic. */
export interface WorkloadInfo {
  slug: string;
  /** Minimum pass rate, 0-1. */
  qualityFloor: number;
  /** The linked eval set, if any, with its per-task per-model results. */
  evalSet?: LinkedEvalSet | null;
}
