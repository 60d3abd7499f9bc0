/**
 * Reads one span's model call, whichever instrumentation wrote it. Exporters name the same facts differently:
 *
 * | dialect | recognised by | model | tokens (input / output / cache read / cache write / reasoning) | input meaning |
 * |---|---|---|---|---|
 * | OTel GenAI semconv (OpenLIT, Pydantic AI, LiteLLM OTel, current OpenLLMetry) | gen_ai.* | gen_ai.response.model, else gen_ai.request.model | gen_ai.usage.input_tokens / output_tokens / cache_read.input_tokens / cache_creation.input_tokens / reasoning.output_tokens | all input (semconv: input_tokens SHOULD include cached tokens; for Anthropic the cache counts MUST be added to it) |
 * | OpenLLMetry (older names) | gen_ai.usage.prompt_tokens, cache_read_input_tokens | as above | gen_ai.usage.prompt_tokens / completion_tokens / cache_read_input_tokens / cache_creation_input_tokens / reasoning_tokens; cache_creation.ephemeral_1h_input_tokens | all input (its Anthropic instrumentation adds the cache counts into prompt_tokens) |
 * | OpenInference (Arize Phoenix) | openinference.span.kind, llm.token_count.* | llm.model_name | llm.token_count.prompt / completion / prompt_details.cache_read / prompt_details.cache_write / completion_details.reasoning | all input (prompt_details break the prompt count down) |
 * | Langfuse SDK v4/v5 (its OTel span processor) | langfuse.observation.type | langfuse.observation.model.name | langfuse.observation.usage_details (JSON: Langfuse usage types, read as in its observations export) | separate parts that add up to `total` (see langfuse.ts) |
 * | Vercel AI SDK | ai.operationId | ai.response.model, else ai.model.id | ai.usage.inputTokens or promptTokens / outputTokens or completionTokens / cachedInputTokens or providerMetadata / providerMetadata.anthropic.cacheCreationInputTokens / reasoningTokens | provider-shaped: Anthropic's input excludes the cache, others include it |
 *
 * Which spans are calls: a span is a model call when it carries token usage or names a model. Spans that only
 * SUM their children are skipped (counting both would double the spend): semconv agent/workflow/tool operations,
 * OpenInference AGENT/CHAIN/TOOL kinds, Vercel's outer ai.generateText/streamText/... spans (their
 * .doGenerate/.doStream children are the calls). A span with usage but no model name (Pydantic AI's agent-run
 * span in older versions) is such a total as well. Every skip carries a reason.
 */
import type { OtlpAttributes, OtlpAttributeValue } from "./otlp-model";
import { InvalidAttributeValue } from "./otlp-model";
import { SKIP } from "./outcome";
import type { InputMeaning, RawTokens } from "./token-meaning";
import { describeValue } from "./values";
import { readUsage as readLangfuseUsage } from "./langfuse";

export type SpanCall =
  | { kind: "call"; model: string; provider: string; raw: RawTokens; meaning: InputMeaning; dialect: string }
  | { kind: "skip"; reason: string }
  | { kind: "reject"; field: string; message: string };

const AGENT_OPERATIONS = new Set(["invoke_agent", "create_agent", "invoke_workflow", "execute_tool"]);

/** Token attributes per dialect, first present wins; every key here makes a span "carry usage". */
const SEMCONV = {
  input: ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"],
  output: ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"],
  cacheRead: ["gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"],
  cacheWrite: ["gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens"],
  cacheWrite1h: ["gen_ai.usage.cache_creation.ephemeral_1h_input_tokens"],
  reasoning: ["gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens"],
};
const OPENINFERENCE = {
  input: ["llm.token_count.prompt"],
  output: ["llm.token_count.completion"],
  cacheRead: ["llm.token_count.prompt_details.cache_read"],
  cacheWrite: ["llm.token_count.prompt_details.cache_write"],
  cacheWrite1h: [],
  reasoning: ["llm.token_count.completion_details.reasoning"],
};
const VERCEL = {
  input: ["ai.usage.inputTokens", "ai.usage.promptTokens", "gen_ai.usage.input_tokens"],
  output: ["ai.usage.outputTokens", "ai.usage.completionTokens", "gen_ai.usage.output_tokens"],
  cacheRead: ["ai.usage.cachedInputTokens"],
  cacheWrite: [],
  cacheWrite1h: [],
  reasoning: ["ai.usage.reasoningTokens"],
};
type Keys = typeof SEMCONV;
/** Totals some frameworks put on agent spans; never a call of their own. */
const AGGREGATE_KEYS = ["gen_ai.aggregated_usage.input_tokens", "gen_ai.aggregated_usage.output_tokens", "ai.usage.tokens"];

export const USAGE_ATTRIBUTE_KEYS: readonly string[] = [SEMCONV, OPENINFERENCE, VERCEL].flatMap((k) => Object.values(k).flat());

export function readSpanCall(attrs: OtlpAttributes): SpanCall {
  const operationId = text(attrs.get("ai.operationId"));
  if (operationId !== null) return vercel(attrs, operationId);
  if (attrs.has("openinference.span.kind") || hasAny(attrs, OPENINFERENCE)) return openInference(attrs);
  if (attrs.has(LANGFUSE_TYPE)) return langfuse(attrs);
  return semconv(attrs);
}

const LANGFUSE_TYPE = "langfuse.observation.type";
export const LANGFUSE_USAGE = "langfuse.observation.usage_details";

/**
 * Langfuse's own spans: a generation (or embedding) observation is a call; its spans, events, agents, tools and
 * chains are not. Usage is a JSON object of Langfuse usage types, the same as in its observations export, so the
 * export's reader decides what the numbers mean.
 */
function langfuse(attrs: OtlpAttributes): SpanCall {
  const type = text(attrs.get(LANGFUSE_TYPE))?.toLowerCase() ?? "";
  const details = jsonObject(attrs.get(LANGFUSE_USAGE));
  if (type !== "generation" && type !== "embedding") return { kind: "skip", reason: details ? SKIP.aggregate : SKIP.noUsage };
  const model = text(attrs.get("langfuse.observation.model.name")) ?? text(attrs.get("gen_ai.response.model")) ?? text(attrs.get("gen_ai.request.model"));
  if (details === null && model === null) return { kind: "skip", reason: SKIP.noUsage };
  if (model === null) return { kind: "skip", reason: SKIP.noModel };
  if (details === null && attrs.has(LANGFUSE_USAGE)) return { kind: "reject", field: LANGFUSE_USAGE, message: "must be a JSON object of token counts" };
  const usage = readLangfuseUsage({ usageDetails: details ?? {} });
  if (typeof usage === "string") return { kind: "reject", field: LANGFUSE_USAGE, message: usage };
  const provider = text(attrs.get("gen_ai.provider.name")) ?? text(attrs.get("gen_ai.system")) ?? "";
  return { kind: "call", model, provider, raw: usage.raw, meaning: usage.summed ? "all" : "unknown", dialect: "langfuse" };
}

function semconv(attrs: OtlpAttributes): SpanCall {
  const usage = hasAny(attrs, SEMCONV);
  const model = text(attrs.get("gen_ai.response.model")) ?? text(attrs.get("gen_ai.request.model"));
  if (!usage && model === null) return { kind: "skip", reason: AGGREGATE_KEYS.some((k) => attrs.has(k)) ? SKIP.aggregate : SKIP.noUsage };
  const operation = text(attrs.get("gen_ai.operation.name"));
  if (operation !== null && AGENT_OPERATIONS.has(operation)) return { kind: "skip", reason: SKIP.aggregate };
  const spanKind = text(attrs.get("traceloop.span.kind"));
  if (spanKind !== null && spanKind !== "llm" && model === null) return { kind: "skip", reason: SKIP.aggregate };
  if (model === null) return { kind: "skip", reason: SKIP.noModel };
  const provider = text(attrs.get("gen_ai.provider.name")) ?? text(attrs.get("gen_ai.system")) ?? "";
  return withTokens(attrs, SEMCONV, { model, provider, meaning: "all", dialect: "semconv" });
}

function openInference(attrs: OtlpAttributes): SpanCall {
  const spanKind = text(attrs.get("openinference.span.kind"))?.toUpperCase() ?? null;
  const usage = hasAny(attrs, OPENINFERENCE);
  if (spanKind !== null && spanKind !== "LLM" && spanKind !== "EMBEDDING") return { kind: "skip", reason: usage ? SKIP.aggregate : SKIP.noUsage };
  const model = text(attrs.get("llm.model_name")) ?? text(attrs.get("embedding.model_name"));
  if (!usage && model === null) return { kind: "skip", reason: SKIP.noUsage };
  if (model === null) return { kind: "skip", reason: SKIP.noModel };
  const provider = text(attrs.get("llm.provider")) ?? text(attrs.get("llm.system")) ?? "";
  return withTokens(attrs, OPENINFERENCE, { model, provider, meaning: "all", dialect: "openinference" });
}

const VERCEL_CALLS = /\.(doGenerate|doStream|doEmbed)$/;

function vercel(attrs: OtlpAttributes, operationId: string): SpanCall {
  const usage = hasAny(attrs, VERCEL);
  if (!VERCEL_CALLS.test(operationId)) return { kind: "skip", reason: usage ? SKIP.aggregate : SKIP.noUsage };
  const model = text(attrs.get("ai.response.model")) ?? text(attrs.get("ai.model.id")) ?? text(attrs.get("gen_ai.response.model"));
  if (model === null) return { kind: "skip", reason: usage ? SKIP.noModel : SKIP.noUsage };
  // "openai.chat", "anthropic.messages", "google.generative-ai": the SDK's provider id, then the API.
  const provider = (text(attrs.get("gen_ai.system")) ?? text(attrs.get("ai.model.provider")) ?? "").split(".")[0];
  const call = withTokens(attrs, VERCEL, { model, provider, meaning: provider.toLowerCase() === "anthropic" ? "uncached" : "all", dialect: "vercel" });
  if (call.kind !== "call") return call;
  // Cache counts the SDK reports only in provider metadata (AI SDK 4 and 5).
  const metadata = providerMetadata(attrs.get("ai.response.providerMetadata"));
  if (call.raw.cacheRead === 0) call.raw.cacheRead = count(metadata?.openai?.cachedPromptTokens) ?? count(metadata?.anthropic?.cacheReadInputTokens) ?? 0;
  if (call.raw.cacheWrite === 0) call.raw.cacheWrite = count(metadata?.anthropic?.cacheCreationInputTokens) ?? 0;
  return call;
}

function withTokens(attrs: OtlpAttributes, keys: Keys, base: { model: string; provider: string; meaning: InputMeaning; dialect: string }): SpanCall {
  const raw: RawTokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 };
  for (const part of Object.keys(keys) as (keyof Keys)[]) {
    for (const key of keys[part]) {
      const read = readCount(attrs.get(key));
      if (read === undefined) continue;
      if (typeof read === "string") return { kind: "reject", field: key, message: read };
      raw[part] = read;
      break;
    }
  }
  return { kind: "call", ...base, raw };
}

function hasAny(attrs: OtlpAttributes, keys: Keys): boolean {
  for (const list of Object.values(keys)) for (const key of list) if (attrs.has(key)) return true;
  return false;
}

/** A token count from an attribute: number, or an error message, or undefined when absent. */
export function readCount(value: OtlpAttributeValue | undefined): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof InvalidAttributeValue) return value.reason;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  // Some SDKs send counts as strings ("120"); accept plain digits only.
  if (typeof value === "string" && /^\d{1,15}$/.test(value.trim())) return Number(value.trim());
  if (typeof value === "bigint") return `is ${value}, more than one record can hold`;
  return `must be a non-negative integer, got ${describeValue(value)}`;
}

export function text(value: OtlpAttributeValue | undefined): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

type Metadata = Record<string, Record<string, unknown> | undefined>;

function jsonObject(value: OtlpAttributeValue | undefined): Record<string, unknown> | null {
  if (typeof value !== "string" || value.length > 64 * 1024) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function providerMetadata(value: OtlpAttributeValue | undefined): Metadata | null {
  if (typeof value !== "string" || value.length > 64 * 1024) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "object" && parsed !== null ? (parsed as Metadata) : null;
  } catch {
    return null;
  }
}

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
