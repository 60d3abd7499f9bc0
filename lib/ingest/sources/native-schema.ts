/**
 * The documented schema of Rightsize's own usage event (the public API contract; the OpenAPI document is
 * generated from it with z.toJSONSchema). Field names are part of the contract: never rename them.
 *
 * parseNativeEvent (native.ts) enforces exactly these rules with hand-written checks, because this schema
 * is too slow for the ingestion hot path; native.test.ts checks that both accept and refuse the same input.
 * Rules that need the clock (no more than 24 hours in the future) live only in the parser.
 */
import { z } from "zod";
import { MAX_COUNT } from "./values";
import { parseTimestamp, isRepresentable } from "./timestamps";

export const NATIVE_LIMITS = {
  idLength: 256,
  modelLength: 256,
  shortText: 64,
  labelLength: 256,
  tagCount: 64,
  tagKeyLength: 128,
  tagValueLength: 1024,
  maxCostUsd: 1e12,
} as const;

/** "12.5", "0.0001", ".5": a plain non-negative decimal; no sign, exponent or thousands separators. */
export const DECIMAL_AMOUNT = /^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

const count = (description: string) => z.number().int().min(0).max(MAX_COUNT).nullish().describe(description);
const label = (description: string) => z.string().max(NATIVE_LIMITS.labelLength).nullish().describe(description);

export const NativeEventSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(NATIVE_LIMITS.idLength)
      .nullish()
      .describe(
        "Idempotency key: sending the same id twice stores the event once. When absent, the sha256 of the event's canonical JSON (keys sorted) is used, so an identical resend is still deduplicated.",
      ),
    timestamp: z
      .string()
      .describe("When the call happened: ISO-8601 date-time, e.g. 2026-01-31T12:00:00Z. No zone means UTC. At most 24 hours in the future."),
    provider: z
      .string()
      .max(NATIVE_LIMITS.shortText)
      .nullish()
      .describe("Model provider, e.g. openai, anthropic, google. Stored lower-cased; empty when absent."),
    model: z.string().max(NATIVE_LIMITS.modelLength).regex(/\S/, "must not be empty").describe("Model id as the provider names it, e.g. gpt-4.1-mini."),
    input_tokens: count("All input tokens of the call, cached reads and cache writes included. Default 0."),
    cached_input_tokens: count("Input tokens read from the prompt cache (part of input_tokens). Default 0."),
    cache_write_tokens: count("Input tokens written to the prompt cache (part of input_tokens), every TTL. Default 0."),
    cache_write_1h_tokens: count(
      "The 1-hour-TTL part of cache_write_tokens (Anthropic bills 1-hour cache writes at 2x the input price, 5-minute ones at 1.25x). Default 0.",
    ),
    output_tokens: count("All output tokens, reasoning included. Default 0."),
    reasoning_tokens: count("Reasoning/thinking tokens (part of output_tokens). Default 0."),
    requests: count("Number of API requests this event stands for. Default 1."),
    team: label("Team the spend belongs to; attribution rules fill it in when absent."),
    workload: label("Workload (application, feature, agent) the spend belongs to."),
    user: label("End user or developer who made the call."),
    batch: z.boolean().nullish().describe("True for batch-API calls (discounted). Default false."),
    service_tier: z.string().max(NATIVE_LIMITS.shortText).nullish().describe("Provider service tier, e.g. default, flex, priority."),
    cost_usd: z
      .union([z.number().min(0).max(NATIVE_LIMITS.maxCostUsd), z.string().regex(DECIMAL_AMOUNT, "must be a decimal amount like \"0.0125\"")])
      .nullish()
      .describe("Cost the caller computed, in USD (number or decimal string), kept beside Rightsize's own price for reconciliation."),
    latency_ms: z.number().min(0).max(MAX_COUNT).nullish().describe("Call latency in milliseconds."),
    status: z.string().max(NATIVE_LIMITS.shortText).nullish().describe("Outcome, e.g. ok, error, 429."),
    run_id: z
      .string()
      .max(NATIVE_LIMITS.idLength)
      .nullish()
      .describe("Agent run this call belongs to: calls with the same run_id roll up into one run (cost per run, calls per run). Wins over session_id and trace_id."),
    session_id: z
      .string()
      .max(NATIVE_LIMITS.idLength)
      .nullish()
      .describe("Chat or agent session: calls with the same session_id roll up into one run when they carry no run_id."),
    trace_id: z
      .string()
      .max(NATIVE_LIMITS.idLength)
      .nullish()
      .describe("Trace (e.g. the OpenTelemetry trace id of the request): calls with the same trace_id roll up into one run when they carry no run_id or session_id."),
    tags: z
      .record(z.string().min(1).max(NATIVE_LIMITS.tagKeyLength), z.string().max(NATIVE_LIMITS.tagValueLength))
      .nullish()
      .describe(`Free-form string labels used by attribution rules (at most ${NATIVE_LIMITS.tagCount}).`),
  })
  .superRefine((event, ctx) => {
    const ms = parseTimestamp(event.timestamp);
    if (ms === null || !isRepresentable(ms)) ctx.addIssue({ code: "custom", path: ["timestamp"], message: "is not an ISO-8601 date-time" });
    const input = event.input_tokens ?? 0;
    if ((event.cached_input_tokens ?? 0) + (event.cache_write_tokens ?? 0) > input) {
      ctx.addIssue({ code: "custom", path: ["cached_input_tokens"], message: "cached + cache-write tokens exceed input_tokens" });
    }
    if ((event.cache_write_1h_tokens ?? 0) > (event.cache_write_tokens ?? 0)) {
      ctx.addIssue({ code: "custom", path: ["cache_write_1h_tokens"], message: "1-hour cache writes exceed cache_write_tokens" });
    }
    if ((event.reasoning_tokens ?? 0) > (event.output_tokens ?? 0)) {
      ctx.addIssue({ code: "custom", path: ["reasoning_tokens"], message: "reasoning tokens exceed output_tokens" });
    }
    if (event.tags && Object.keys(event.tags).length > NATIVE_LIMITS.tagCount) {
      ctx.addIssue({ code: "custom", path: ["tags"], message: `has more than ${NATIVE_LIMITS.tagCount} entries` });
    }
  });

export type NativeEventInput = z.input<typeof NativeEventSchema>;
