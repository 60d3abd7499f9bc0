/**
 * OpenTelemetry GenAI spans (OTLP/HTTP, JSON or protobuf) -> UsageEvent.
 *
 * Which spans are model calls, and how each instrumentation (OTel GenAI semconv, OpenLLMetry, OpenLIT,
 * OpenInference, Vercel AI SDK, Pydantic AI) names model and tokens: otlp-usage.ts. Everything else (HTTP, DB,
 * framework spans, agent/workflow totals) is skipped with a reason, never rejected. Pass
 * { includeAgentSpans: true } to count semconv agent spans that carry usage (remote agents whose inner calls
 * are not traced).
 *
 * Token meaning: per the current OTel GenAI semantic conventions, gen_ai.usage.input_tokens SHOULD include all
 * input tokens, cached ones included, and cache_read / cache_creation counts SHOULD be included in it (for
 * Anthropic they MUST be added to Anthropic's own input_tokens); reasoning.output_tokens SHOULD be included in
 * output_tokens. That is UsageEvent's meaning. Where an instrumentation documents otherwise (Vercel AI SDK for
 * Anthropic), its own rule applies; numbers that contradict the rule go through the last-resort heuristic
 * (token-meaning.ts), and the event is counted as guessed.
 *
 * Attribution inputs:
 * - team: rightsize.team, else team (span attribute first, then resource);
 * - workload: rightsize.workload only, else null. gen_ai.agent.name or service.name are not guessed as a
 *   workload: they stay in tags, where attribution rules can map them deliberately;
 * - user: user.id, else enduser.id (deprecated name), else langfuse.user.id;
 * - sourceKey: resource service.name;
 * - tags: only attributes on the allow-list of labels (tag-allow-list.ts: service, environment, agent, workflow,
 *   session, model and user-set attribution labels), short and unstructured, span first, at most 64. Prompt,
 *   completion, tool and retrieval content is never stored, whatever key an exporter puts it under.
 * externalId = traceId + spanId (hex); occurredAt = span start (end when start is absent);
 * latencyMs = end - start; status = "error" for STATUS_CODE_ERROR or an error.type attribute, else "ok".
 */
import type { RejectedRecord, UsageEvent } from "../usage-event";
import { usdToNanos } from "../../money";
import { STATUS_CODE_ERROR, type OtlpAttributes, type OtlpSpan, type OtlpTraceRequest } from "./otlp-model";
import { addSkip, emptyBatch, reject, SKIP, type SourceBatch } from "./outcome";
import { readSpanCall, text, type SpanCall } from "./otlp-usage";
import { isStorableTag } from "./tag-allow-list";
import { pickRun } from "./run-id";
import { futureError, isRepresentable } from "./timestamps";
import { applyTokenMeaning } from "./token-meaning";
import { MAX_COUNT } from "./values";

export { decodeOtlpJson } from "./otlp-json";
export { decodeOtlpProtobuf } from "./otlp-wire";
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
  /** Not semconv, but emitted by OpenLIT and others: the call's cost in USD. */
  cost: "gen_ai.usage.cost",
  /** Not semconv either: Pydantic AI's chat spans carry their own price (from genai-prices) here, in USD. */
  operationCost: "operation.cost",
} as const;

const MAX_TAGS = 64;

export interface OtlpOptions {
  /** Count invoke_agent/create_agent/invoke_workflow/execute_tool spans that carry usage (default false). */
  includeAgentSpans?: boolean;
  /**
   * Tag keys promoted to dimensions (lib/dimensions): kept as tags even when not on the allow-list (an admin
   * named them as labels); the value rules of the allow-list (short, unstructured) still apply.
   */
  dimensionKeys?: ReadonlySet<string>;
}

/** Rejected records carry index = the span's ordinal in the request (0-based, across all resources/scopes). */
export function otlpToEvents(request: OtlpTraceRequest, now: Date, options: OtlpOptions = {}): SourceBatch {
  const batch = emptyBatch();
  let ordinal = 0;
  for (const rs of request.resourceSpans) {
    for (const ss of rs.scopeSpans) {
      for (const span of ss.spans) {
        const index = ordinal++;
        let call = readSpanCall(span.attributes);
        if (call.kind === "skip" && call.reason === SKIP.aggregate && options.includeAgentSpans) call = readAgentSpan(span.attributes, call);
        if (call.kind === "skip") {
          addSkip(batch, call.reason);
          continue;
        }
        const outcome = call.kind === "reject" ? reject(index, call.field, call.message) : spanToEvent(span, call, rs.resourceAttributes, index, now, options.dimensionKeys);
        if ("field" in outcome) batch.rejected.push(outcome);
        else batch.events.push(outcome);
      }
    }
  }
  return batch;
}

/** An agent span taken as a call of its own (includeAgentSpans): read like a semconv span without the agent rule. */
function readAgentSpan(attrs: OtlpAttributes, skipped: SpanCall): SpanCall {
  const copy = new Map(attrs);
  copy.delete(GEN_AI.operationName);
  const call = readSpanCall(copy);
  return call.kind === "call" ? call : skipped;
}

function spanToEvent(
  span: OtlpSpan,
  call: Extract<SpanCall, { kind: "call" }>,
  resource: OtlpAttributes,
  index: number,
  now: Date,
  dimensionKeys?: ReadonlySet<string>,
): UsageEvent | RejectedRecord {
  if (span.problem) return reject(index, span.problem.field, span.problem.message);
  if (span.traceId === "" || span.spanId === "") {
    return reject(index, span.traceId === "" ? "traceId" : "spanId", "is missing; trace and span ids identify the call, so it can be counted only once");
  }
  const attrs = span.attributes;
  const tokens = applyTokenMeaning(call.raw, call.meaning);
  if (typeof tokens === "string") return reject(index, GEN_AI.inputTokens, tokens);

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
  const cost = attrs.get(GEN_AI.cost) ?? attrs.get(GEN_AI.operationCost);
  if (typeof cost === "number" && Number.isFinite(cost) && cost >= 0 && cost < 1e12) sourceCostNanos = usdToNanos(cost);

  const event: UsageEvent = {
    source: "otlp",
    externalId: span.traceId + span.spanId,
    occurredAt: new Date(ms),
    provider: call.provider.toLowerCase(),
    model: call.model,
    inputTokens: tokens.inputTokens,
    cachedInputTokens: tokens.cachedInputTokens,
    cacheWriteTokens: tokens.cacheWriteTokens,
    cacheWrite1hTokens: tokens.cacheWrite1hTokens,
    outputTokens: tokens.outputTokens,
    reasoningTokens: tokens.reasoningTokens,
    requests: 1,
    team: pick(attrs, resource, TEAM_KEYS),
    workload: pick(attrs, resource, WORKLOAD_KEYS),
    user: pick(attrs, resource, USER_KEYS),
    sourceKey: text(resource.get("service.name")),
    batch: false,
    serviceTier: pick(attrs, resource, SERVICE_TIER_KEYS),
    sourceCostNanos,
    latencyMs,
    status: span.statusCode === STATUS_CODE_ERROR || attrs.has("error.type") ? "error" : "ok",
    tags: collectTags(resource, attrs, dimensionKeys),
  };
  if (tokens.guessed) event.guessedTokenMeaning = true;
  // Run grouping (lib/runs/README.md): rightsize.run_id, else the conversation/session id, else the trace id.
  const run = pickRun(pick(attrs, resource, RUN_ID_KEYS), pick(attrs, resource, SESSION_KEYS), span.traceId);
  if (run) event.run = run;
  return event;
}

// Attribute names read for each field, first found wins (span attributes before resource ones, key by key).
const TEAM_KEYS = ["rightsize.team", "team"];
const WORKLOAD_KEYS = ["rightsize.workload"];
const USER_KEYS = ["user.id", "enduser.id", "langfuse.user.id"];
const SERVICE_TIER_KEYS = ["openai.response.service_tier", "gen_ai.openai.response.service_tier", "openai.request.service_tier", "gen_ai.openai.request.service_tier"];
const RUN_ID_KEYS = ["rightsize.run_id"];
const SESSION_KEYS = ["gen_ai.conversation.id", "session.id", "langfuse.session.id"];

/** The first of `keys` with a text value, on the span, else on its resource. A module function: it runs ~7 times a span. */
function pick(attrs: OtlpAttributes, resource: OtlpAttributes, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = text(attrs.get(key)) ?? text(resource.get(key));
    if (value !== null) return value;
  }
  return null;
}

function collectTags(resource: OtlpAttributes, span: OtlpAttributes, dimensionKeys?: ReadonlySet<string>): Record<string, string> {
  const tags: Record<string, string> = {};
  let count = 0;
  // Span attributes first so they win when both define a key and the cap is reached.
  for (const attrs of [span, resource]) {
    for (const [key, value] of attrs) {
      if (count >= MAX_TAGS) return tags;
      if (typeof value !== "string" || !isStorableTag(key, value, dimensionKeys)) continue;
      if (Object.prototype.hasOwnProperty.call(tags, key)) continue;
      tags[key] = value;
      count++;
    }
  }
  return tags;
}
