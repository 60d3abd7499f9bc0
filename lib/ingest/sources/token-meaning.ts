/**
 * Turns a source's raw token counts into UsageEvent's meaning (input counts ALL input, cache reads and writes
 * included; output counts all output, reasoning included), following what the source documents
 * (lib/ingest/token-meaning.md has the table). Only when the source cannot say, or its numbers contradict what it
 * documents, does a last-resort heuristic decide, and the event is marked `guessed` so the Ingestion page can
 * count it.
 */
import { MAX_COUNT } from "./values";

/**
 * What the source's input count holds:
 * - "all": every input token, cache reads and writes included (OpenAI, OTel semconv, LiteLLM, OpenInference);
 * - "uncached": fresh input only, cache reads and writes reported apart (Anthropic's own API, Vercel AI SDK v4/v5
 *   for Anthropic);
 * - "reads-only": fresh input + cache reads, writes apart (LiteLLM versions whose Anthropic adapter left writes out);
 * - "unknown": the source does not say; the heuristic decides.
 */
export type InputMeaning = "all" | "uncached" | "reads-only" | "unknown";

export interface RawTokens {
  input: number;
  cacheRead: number;
  cacheWrite: number;
  /** The 1-hour-TTL part of cacheWrite. */
  cacheWrite1h: number;
  output: number;
  reasoning: number;
}

export interface MeantTokens {
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  cacheWrite1hTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** A heuristic decided (the source did not say, or contradicted itself). */
  guessed: boolean;
}

/**
 * Applies the documented meaning. When the documented meaning is impossible for these numbers (an "all" input
 * smaller than its own cache parts), the source did not follow it (an older exporter version): the heuristic then
 * assumes the parts that do not fit were left out, adds them, and marks the result guessed. Output works the same
 * way: reasoning is part of output everywhere we read it; reasoning > output means it was reported apart.
 * Returns a message instead when a count would exceed what one record can hold.
 */
export function applyTokenMeaning(raw: RawTokens, meaning: InputMeaning): MeantTokens | string {
  const cacheWrite1h = Math.min(raw.cacheWrite1h, raw.cacheWrite);
  let input = raw.input;
  let guessed = false;
  const parts = raw.cacheRead + raw.cacheWrite;
  if (meaning === "uncached") input += parts;
  else if (meaning === "reads-only") input += raw.cacheWrite;
  else if (parts > 0) {
    // "all" or "unknown": fine when the parts fit inside input; otherwise decide from the numbers.
    if (parts > input) {
      guessed = true;
      // Reads fit but writes do not: the LiteLLM/Anthropic "reads-only" shape. Neither fits: fresh input only.
      input += raw.cacheRead <= input ? raw.cacheWrite : parts;
    } else if (meaning === "unknown") {
      guessed = true;
    }
  }
  let output = raw.output;
  if (raw.reasoning > output) {
    output += raw.reasoning;
    guessed = true;
  }
  if (input > MAX_COUNT) return `input tokens (${input}) exceed ${MAX_COUNT}`;
  if (output > MAX_COUNT) return `output tokens (${output}) exceed ${MAX_COUNT}`;
  return {
    inputTokens: input,
    cachedInputTokens: raw.cacheRead,
    cacheWriteTokens: raw.cacheWrite,
    cacheWrite1hTokens: cacheWrite1h,
    outputTokens: output,
    reasoningTokens: raw.reasoning,
    guessed,
  };
}

/** The UsageEvent token fields of a meant count (the `guessed` mark is set apart, only when true). */
export function tokenFields(tokens: MeantTokens) {
  const { guessed: _guessed, ...fields } = tokens;
  return fields;
}
