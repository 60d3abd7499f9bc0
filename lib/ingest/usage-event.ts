/**
 * The one internal meaning of a usage record, whatever source it came from.
 *
 * Token semantics (sources differ, so every parser converts to this):
 * - inputTokens: ALL input tokens of the call: uncached + cache reads + cache writes.
 *   (OpenAI reports input including cached reads; Anthropic reports uncached input only, so its parser adds
 *   cache_read_input_tokens and cache_creation tokens to get this number.)
 * - cachedInputTokens: input tokens read from the prompt cache (subset of inputTokens).
 * - cacheWriteTokens: input tokens written to the prompt cache (subset of inputTokens).
 * - outputTokens: all output tokens, reasoning included; reasoningTokens is the reasoning subset.
 * What each source's own counts mean, and the rule that converts them, is the table in token-meaning.md beside this
 * file (sources/token-meaning.ts applies it; a last-resort heuristic marks its events guessedTokenMeaning).
 */
export const USAGE_SOURCES = ["api", "otlp", "openai", "anthropic", "litellm", "file", "langfuse", "helicone"] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];

export interface UsageEvent {
  source: UsageSource;
  /** Idempotency key, unique within its source (event id, span id, bucket key, request id...). */
  externalId: string;
  occurredAt: Date;
  /** Lower-case provider id as genai-prices knows it where possible: openai, anthropic, google, mistral, ... */
  provider: string;
  model: string;
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  /**
   * The 1-hour-TTL part of cacheWriteTokens (Anthropic bills 1-hour writes at 2x input, 5-minute writes at
   * 1.25x). A subset of cacheWriteTokens; absent = 0 (every write counted as 5-minute).
   */
  cacheWrite1hTokens?: number;
  outputTokens: number;
  reasoningTokens: number;
  /** Number of API requests this record stands for (usage exports aggregate many calls into one bucket). */
  requests: number;
  team: string | null;
  workload: string | null;
  user: string | null;
  /** The source's own key/project/workspace id, used by attribution rules. */
  sourceKey: string | null;
  batch: boolean;
  serviceTier: string | null;
  /** Cost the source itself reported, in integer nano-dollars (1e-9 USD), kept beside ours for reconciliation. */
  sourceCostNanos: bigint | null;
  latencyMs: number | null;
  status: string | null;
  /** Free-form string attributes (tags, OTel resource/span attributes such as service.name). Never message content. */
  tags: Record<string, string>;
  /**
   * Set when the source's own fields could not say whether input counted the cache (or output the reasoning)
   * and a last-resort heuristic decided it (token-meaning.md). Each such event is counted per import and shown
   * on the Ingestion page.
   */
  guessedTokenMeaning?: boolean;
  /**
   * The run this call belongs to (agent run, chat session or trace): calls sharing it roll up into one run
   * (lib/runs). Chosen by sources/run-id.ts: an explicit run id, else a session id, else a trace id. Absent = none.
   */
  run?: RunRef | null;
}

/** 1 = an explicit run id, 2 = a session/conversation id, 3 = a trace id (stored as usage_events.run_kind). */
export type RunKind = 1 | 2 | 3;
export interface RunRef {
  id: string;
  kind: RunKind;
}

/** A record a parser could not accept: where it was and what was wrong, in words a user can act on. */
export interface RejectedRecord {
  /** 0-based index in the batch (API) or 1-based line number (files); see `location`. */
  index: number;
  field: string;
  message: string;
}

export type ParseOutcome = { ok: true; event: UsageEvent } | { ok: false; error: RejectedRecord };
