/**
 * OpenTelemetry GenAI spans (OTLP/HTTP, JSON or protobuf) -> UsageEvent.
 *
 * Which spans count (OTel GenAI semantic conventions, gen-ai-spans):
 * - A span is a model call when it carries a gen_ai usage attribute or a gen_ai request/response model.
 *   Every other span (HTTP, DB, framework internals) is an ordinary span: skipped, not rejected.
 * - Agent/workflow/tool spans (gen_ai.operation.name invoke_agent, create_agent, invoke_workflow,
 *   execute_tool) are skipped by default even when they carry usage: semconv lets them report usage
 *   aggregated over the model calls beneath them, which arrive as their own spans, so counting both would
 *   double the spend. Pass { includeAgentSpans: true } for remote agents whose inner calls are not traced.
 *
 * Token meaning. Per semconv, gen_ai.usage.input_tokens SHOULD include all input tokens, cached ones
 * included, and gen_ai.usage.cache_read.input_tokens / cache_creation.input_tokens SHOULD be included in
 * it; gen_ai.usage.reasoning.output_tokens SHOULD be included in output_tokens. That is exactly our
 * UsageEvent meaning, so values map one to one. Older Anthropic instrumentations reported input_tokens
 * without the cache (Anthropic's own API meaning); when the cache counts exceed input_tokens that must be
 * what happened, so they are added back instead of refusing the span (same for reasoning > output).
 * Deprecated gen_ai.usage.prompt_tokens / completion_tokens and gen_ai.system are read as fallbacks.
 *
 * Attribution inputs:
 * - team: rightsize.team, else team (span attribute first, then resource);
 * - workload: rightsize.workload only, else null. gen_ai.agent.name or service.name are not guessed as a
 *   workload: they stay in tags, where attribution rules can map them deliberately;
 * - user: user.id, else enduser.id (deprecated name);
 * - sourceKey: resource service.name;
 * - tags: every string attribute of the resource and the span (span wins on equal keys), keys as-is,
 *   except message/prompt content attributes and values longer than 256 characters (prompts must not
 *   leak into labels), at most 64.
 * externalId = traceId + spanId (hex); occurredAt = span start (end when start is absent);
 * latencyMs = end - start; status = "error" for STATUS_CODE_ERROR or an error.type attribute, else "ok".
 */
import type { RejectedRecord, UsageEvent } from "../usage-event";
import { usdToNanos } from "../../money";
import { InvalidAttributeValue, STATUS_CODE_ERROR, type OtlpAttributes, type OtlpAttributeValue, type OtlpSpan, type OtlpTraceRequest } from "./otlp-model";
import { reject, type SourceBatch } from "./outcome";
import { futureError, isRepresentable } from "./timestamps";
import { describeValue, MAX_COUNT } from "./values";

export { decodeOtlpJson } from "./otlp-json";
export { decodeOtlpProtobuf } from "./otlp-proto";
export { OtlpDecodeError, type OtlpTraceRequest } from "./otlp-model";

export const GEN_AI = {
  providerName: "gen_ai.provider.name",
  system: "gen_ai.system",
  operationName: "gen_ai.operation.name",
  requestModel: "gen_ai.request.model",
  responseModel: "gen_ai.response.model",
  inputTokens: "gen_ai.usage.input_tokens",
  outputTokens: "gen_ai.usage.output_tokens",
  cacheReadInputTokens: "gen_ai.usage.cache_read.input_tokens",
  cacheCreationInputTokens: "gen_ai.usage.cache_creation.input_tokens",
  reasoningOutputTokens: "gen_ai.usage.reasoning.output_tokens",
  promptTokens: "gen_ai.usage.prompt_tokens",
  completionTokens: "gen_ai.usage.completion_tokens",
  /** Not semconv, but emitted by OpenLIT and others: the call's cost in USD. */
  cost: "gen_ai.usage.cost",
} as const;

const USAGE_KEYS = [
  GEN_AI.inputTokens,
  GEN_AI.outputTokens,
  GEN_AI.cacheReadInputTokens,
  GEN_AI.cacheCreationInputTokens,
  GEN_AI.reasoningOutputTokens,
  GEN_AI.promptTokens,
  GEN_AI.completionTokens,
];

const AGENT_OPERATIONS = new Set(["invoke_agent", "create_agent", "invoke_workflow", "execute_tool"]);

/** Attributes holding prompts, completions or tool payloads: never copied into tags. */
const CONTENT_KEYS = new Set([
  "gen_ai.input.messages",
  "gen_ai.output.messages",
  "gen_ai.system_instructions",
  "gen_ai.prompt",
  "gen_ai.completion",
  "gen_ai.tool.definitions",
  "gen_ai.tool.call.arguments",
  "gen_ai.tool.call.result",
  "gen_ai.retrieval.documents",
  "gen_ai.retrieval.query.text",
]);
const MAX_TAGS = 64;
const MAX_TAG_VALUE = 256;

export interface OtlpOptions {
  /** Count invoke_agent/create_agent/invoke_workflow/execute_tool spans that carry usage (default false). */
  includeAgentSpans?: boolean;
}

/** Rejected records carry index = the span's ordinal in the request (0-based, across all resources/scopes). */
export function otlpToEvents(request: OtlpTraceRequest, now: Date, options: OtlpOptions = {}): SourceBatch {
  const batch: SourceBatch = { events: [], rejected: [], skipped: 0 };
  let ordinal = 0;
  for (const rs of request.resourceSpans) {
    for (const ss of rs.scopeSpans) {
      for (const span of ss.spans) {
        const index = ordinal++;
        if (!isGenAiSpan(span.attributes)) {
          batch.skipped++;
          continue;
        }
        const operation = span.attributes.get(GEN_AI.operationName);
        if (!options.includeAgentSpans && typeof operation === "string" && AGENT_OPERATIONS.has(operation)) {
          batch.skipped++;
          continue;
        }
        const outcome = spanToEvent(span, rs.resourceAttributes, index, now);
        if ("field" in outcome) batch.rejected.push(outcome);
        else batch.events.push(outcome);
      }
    }
  }
  return batch;
}

function isGenAiSpan(attributes: OtlpAttributes): boolean {
  if (attributes.has(GEN_AI.requestModel) || attributes.has(GEN_AI.responseModel)) return true;
  for (const key of USAGE_KEYS) if (attributes.has(key)) return true;
  return false;
}

function spanToEvent(span: OtlpSpan, resource: OtlpAttributes, index: number, now: Date): UsageEvent | RejectedRecord {
  if (span.problem) return reject(index, span.problem.field, span.problem.message);
  if (span.traceId === "" || span.spanId === "") {
    return reject(index, span.traceId === "" ? "traceId" : "spanId", "is missing; trace and span ids identify the call, so it can be counted only once");
  }
  const attrs = span.attributes;

  const model = text(attrs.get(GEN_AI.responseModel)) ?? text(attrs.get(GEN_AI.requestModel));
  if (model === null) {
    return reject(index, GEN_AI.requestModel, "is missing: a span with gen_ai usage must name its model (gen_ai.response.model or gen_ai.request.model)");
  }

  const counts: Record<string, number | undefined> = {};
  for (const key of USAGE_KEYS) {
    const read = readCount(attrs.get(key));
    if (typeof read === "string") return reject(index, key, read);
    counts[key] = read;
  }
  let input = counts[GEN_AI.inputTokens] ?? counts[GEN_AI.promptTokens] ?? 0;
  let output = counts[GEN_AI.outputTokens] ?? counts[GEN_AI.completionTokens] ?? 0;
  const cached = counts[GEN_AI.cacheReadInputTokens] ?? 0;
  const cacheWrite = counts[GEN_AI.cacheCreationInputTokens] ?? 0;
  const reasoning = counts[GEN_AI.reasoningOutputTokens] ?? 0;
  // See the file comment: cache counts larger than input mean input excluded them.
  if (cached + cacheWrite > input) input += cached + cacheWrite;
  if (reasoning > output) output += reasoning;
  if (input > MAX_COUNT || output > MAX_COUNT) return reject(index, GEN_AI.inputTokens, `token counts exceed ${MAX_COUNT}`);

  const startNs = span.startTimeUnixNano ?? span.endTimeUnixNano;
  if (startNs === null) return reject(index, "startTimeUnixNano", "is missing; the span has no start or end time");
  const ms = Number(startNs / 1_000_000n);
  if (!isRepresentable(ms)) return reject(index, "startTimeUnixNano", `is not a usable time, got ${startNs}`);
  const future = futureError(ms, now);
  if (future) return reject(index, "startTimeUnixNano", future);

  let latencyMs: number | null = null;
  if (span.startTimeUnixNano !== null && span.endTimeUnixNano !== null && span.endTimeUnixNano >= span.startTimeUnixNano) {
    const latency = Math.round(Number(span.endTimeUnixNano - span.startTimeUnixNano) / 1e6);
    latencyMs = latency <= MAX_COUNT ? latency : null;
  }

  let sourceCostNanos: bigint | null = null;
  const cost = attrs.get(GEN_AI.cost);
  if (typeof cost === "number" && Number.isFinite(cost) && cost >= 0 && cost < 1e12) sourceCostNanos = usdToNanos(cost);

  const pick = (...keys: string[]) => {
    for (const key of keys) {
      const value = text(attrs.get(key)) ?? text(resource.get(key));
      if (value !== null) return value;
    }
    return null;
  };

  return {
    source: "otlp",
    externalId: span.traceId + span.spanId,
    occurredAt: new Date(ms),
    provider: (pick(GEN_AI.providerName, GEN_AI.system) ?? "").toLowerCase(),
    model,
    inputTokens: input,
    cachedInputTokens: cached,
    cacheWriteTokens: cacheWrite,
    outputTokens: output,
    reasoningTokens: reasoning,
    requests: 1,
    team: pick("rightsize.team", "team"),
    workload: pick("rightsize.workload"),
    user: pick("user.id", "enduser.id"),
    sourceKey: text(resource.get("service.name")),
    batch: false,
    serviceTier: pick("openai.response.service_tier", "gen_ai.openai.response.service_tier", "openai.request.service_tier", "gen_ai.openai.request.service_tier"),
    sourceCostNanos,
    latencyMs,
    status: span.statusCode === STATUS_CODE_ERROR || attrs.has("error.type") ? "error" : "ok",
    tags: collectTags(resource, attrs),
  };
}

/** A token count from an attribute: number, or an error message, or undefined when absent. */
function readCount(value: OtlpAttributeValue | undefined): number | string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof InvalidAttributeValue) return value.reason;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  // Some SDKs send counts as strings ("120"); accept plain digits only.
  if (typeof value === "string" && /^\d{1,15}$/.test(value.trim())) return Number(value.trim());
  if (typeof value === "bigint") return `is ${value}, more than one record can hold (${MAX_COUNT})`;
  return `must be a non-negative integer, got ${describeValue(value)}`;
}

function text(value: OtlpAttributeValue | undefined): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function collectTags(resource: OtlpAttributes, span: OtlpAttributes): Record<string, string> {
  const tags: Record<string, string> = {};
  let count = 0;
  // Span attributes first so they win when both define a key and the cap is reached.
  for (const attrs of [span, resource]) {
    for (const [key, value] of attrs) {
      if (count >= MAX_TAGS) return tags;
      if (typeof value !== "string" || value.length > MAX_TAG_VALUE || CONTENT_KEYS.has(key) || key === "" || key === "__proto__") continue;
      if (Object.prototype.hasOwnProperty.call(tags, key)) continue;
      tags[key] = value;
      count++;
    }
  }
  return tags;
}
