/**
 * LiteLLM proxy spend logs (table LiteLLM_SpendLogs, exported as CSV or JSON, or read from /spend/logs)
 * -> UsageEvent. One row per proxied request.
 *
 * Columns read (names as in LiteLLM's schema.prisma): request_id, startTime, endTime, request_duration_ms,
 * model, model_group, custom_llm_provider, prompt_tokens, completion_tokens, spend, api_key (hashed key),
 * user, end_user, team_id, organization_id, status, call_type, session_id, agent_id, request_tags (JSON
 * array, may be a JSON string), metadata (JSON object, may be a JSON string). In CSV every cell is text and
 * an empty cell means NULL.
 *
 * Token meaning: LiteLLM normalises every provider to OpenAI's usage shape, where prompt_tokens includes
 * cached tokens. The cache split comes from metadata.additional_usage_values (every usage field besides
 * prompt/completion/total_tokens), else metadata.usage_object:
 *   cachedInputTokens  = cache_read_input_tokens, else prompt_tokens_details.cached_tokens
 *   cacheWriteTokens   = cache_creation_input_tokens, else prompt_tokens_details.cache_creation_tokens
 *   cacheWrite1hTokens = prompt_tokens_details.cache_creation_token_details.ephemeral_1h_input_tokens,
 *                        else cache_creation.ephemeral_1h_input_tokens
 *   reasoningTokens    = completion_tokens_details.reasoning_tokens
 * For Anthropic calls, what prompt_tokens holds has changed between LiteLLM versions (all input; input + cache
 * reads but not writes; Anthropic's uncached input only). The row itself decides (litellmInputMeaning): when it
 * carries prompt_tokens_details.text_tokens (the fresh input), prompt_tokens = text + reads + writes means "all",
 * = text + reads means "reads-only", = text means "uncached". Without text_tokens an Anthropic row with cache
 * counts cannot tell, and the last-resort heuristic of token-meaning.ts decides (counted as guessed).
 *
 * Attribution: team = metadata.user_api_key_team_alias, else team_id; user = user (the key owner), else
 * metadata.user_api_key_user_id, else end_user; sourceKey = api_key (hashed); workload is left to rules.
 * Tags: request_tags ("env:prod" -> env=prod, a bare "nightly" -> nightly=true), string values of
 * metadata.spend_logs_metadata, and litellm.* ids (team_id, key_alias, end_user, model_group, call_type...).
 * status: "success"/"failure" -> "ok"/"error" (the OTLP source's words). sourceCostNanos = spend (USD).
 * Rows with no model and no tokens (calls refused before reaching a model, e.g. a bad key) are skipped:
 * they carry no usage. batch is always false: spend logs do not mark batch-API calls.
 */
import type { ParseOutcome, UsageEvent } from "../usage-event";
import { usdToNanos } from "../../money";
import { failed } from "./outcome";
import { pickRun } from "./run-id";
import { futureError, isRepresentable, parseTimestamp } from "./timestamps";
import { applyTokenMeaning, type InputMeaning, type RawTokens, tokenFields } from "./token-meaning";
import { countError, describeValue, isPlainObject, looseCount, MAX_COUNT, optionalText } from "./values";

const MAX_TAGS = 64;
const MAX_TAG_VALUE = 256;

/** Returns null for rows that are not usage (see file comment); index is the row's line or position. */
export function parseLiteLlmSpendLog(raw: unknown, index: number, now: Date): ParseOutcome | null {
  if (!isPlainObject(raw)) return failed(index, "row", `must be an object, got ${describeValue(raw)}`);
  const row = raw;

  const metadata = jsonObject(row.metadata);
  if (typeof metadata === "string") return failed(index, "metadata", metadata);
  const usage = usageValues(metadata);

  const prompt = tokenField(row, "prompt_tokens");
  if (typeof prompt === "string") return failed(index, "prompt_tokens", prompt);
  const completion = tokenField(row, "completion_tokens");
  if (typeof completion === "string") return failed(index, "completion_tokens", completion);

  const rawModel = optionalText(row.model) ?? optionalText(row.model_group);
  if (rawModel === null) {
    if (prompt === 0 && completion === 0) return null;
    return failed(index, "model", "is missing: the row has tokens but names no model (model or model_group)");
  }

  const requestId = optionalText(row.request_id);
  if (requestId === null) return failed(index, "request_id", "is required; it identifies the request so re-imports count it once");

  const start = readTime(row.startTime);
  if (start === null) return failed(index, "startTime", `is not a date-time, got ${describeValue(row.startTime)}`);
  const future = futureError(start, now);
  if (future) return failed(index, "startTime", future);

  // Cache and reasoning detail from additional_usage_values; malformed detail is ignored, not fatal.
  const details = isPlainObject(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {};
  const completionDetails = isPlainObject(usage.completion_tokens_details) ? usage.completion_tokens_details : {};
  const cached = looseCount(usage.cache_read_input_tokens) ?? looseCount(details.cached_tokens) ?? 0;
  const cacheWrite = looseCount(usage.cache_creation_input_tokens) ?? looseCount(details.cache_creation_tokens) ?? 0;
  const ttl = isPlainObject(details.cache_creation_token_details) ? details.cache_creation_token_details : isPlainObject(usage.cache_creation) ? usage.cache_creation : {};
  const cacheWrite1h = looseCount(ttl.ephemeral_1h_input_tokens) ?? 0;
  const reasoning = looseCount(completionDetails.reasoning_tokens) ?? 0;

  let sourceCostNanos: bigint | null = null;
  if (row.spend !== undefined && row.spend !== null && row.spend !== "") {
    const spend = typeof row.spend === "string" ? Number(row.spend.trim()) : row.spend;
    if (typeof spend !== "number" || !Number.isFinite(spend) || spend < 0 || spend > 1e12) {
      return failed(index, "spend", `must be a non-negative amount in USD, got ${describeValue(row.spend)}`);
    }
    sourceCostNanos = usdToNanos(spend);
  }

  let provider = (optionalText(row.custom_llm_provider, 64) ?? "").toLowerCase();
  let model = rawModel;
  const slash = model.indexOf("/");
  if (slash > 0) {
    const prefix = model.slice(0, slash).toLowerCase();
    // "anthropic/claude-…" names its provider; strip it only then (fireworks "accounts/…/models/…" stays).
    if (provider === "" || prefix === provider) {
      provider = prefix;
      model = model.slice(slash + 1);
    }
  }

  const counts: RawTokens = { input: prompt, cacheRead: cached, cacheWrite, cacheWrite1h, output: completion, reasoning };
  const tokens = applyTokenMeaning(counts, litellmInputMeaning(counts, looseCount(details.text_tokens), provider, model));
  if (typeof tokens === "string") return failed(index, tokens.startsWith("input") ? "prompt_tokens" : "completion_tokens", tokens);

  let latencyMs: number | null = null;
  const duration = looseCount(row.request_duration_ms);
  if (duration !== undefined) latencyMs = duration;
  else {
    const end = readTime(row.endTime);
    if (end !== null && end >= start && end - start <= MAX_COUNT) latencyMs = end - start;
  }

  const text = (value: unknown) => optionalText(value);
  const event: UsageEvent = {
    source: "litellm",
    externalId: requestId,
    occurredAt: new Date(start),
    provider,
    model,
    ...tokenFields(tokens),
    requests: 1,
    team: text(metadata.user_api_key_team_alias) ?? text(row.team_id) ?? text(metadata.user_api_key_team_id),
    workload: null,
    user: text(row.user) ?? text(metadata.user_api_key_user_id) ?? text(row.end_user),
    sourceKey: text(row.api_key),
    batch: false,
    serviceTier: text(usage.service_tier),
    sourceCostNanos,
    latencyMs,
    status: normaliseStatus(optionalText(row.status, 64) ?? optionalText(metadata.status, 64)),
    tags: collectTags(row, metadata),
  };
  if (tokens.guessed) event.guessedTokenMeaning = true;
  // Run grouping (lib/runs/README.md): spend_logs_metadata.run_id, else session_id (litellm_session_id), else the trace id.
  const logMeta = isPlainObject(metadata.spend_logs_metadata) ? metadata.spend_logs_metadata : {};
  const run = pickRun(logMeta.run_id, row.session_id ?? metadata.litellm_session_id, metadata.trace_id ?? metadata.litellm_trace_id);
  if (run) event.run = run;
  return { ok: true, event };
}

/** What this row's prompt_tokens holds (see the file comment); `text` is prompt_tokens_details.text_tokens. */
export function litellmInputMeaning(raw: RawTokens, text: number | undefined, provider: string, model: string): InputMeaning {
  if (raw.cacheRead + raw.cacheWrite === 0) return "all";
  if (text !== undefined) {
    if (text + raw.cacheRead + raw.cacheWrite === raw.input) return "all";
    if (text + raw.cacheRead === raw.input) return "reads-only";
    if (text === raw.input) return "uncached";
  }
  const anthropic = provider === "anthropic" || /claude/i.test(model);
  return anthropic ? "unknown" : "all";
}

/** LiteLLM's "success"/"failure" become the "ok"/"error" the OTLP source uses; anything else is kept. */
function normaliseStatus(status: string | null): string | null {
  if (status === "success") return "ok";
  if (status === "failure") return "error";
  return status;
}

/** Token column: number or digit text; absent/empty means 0. Returns the count or an error message. */
function tokenField(row: Record<string, unknown>, name: string): number | string {
  const value = row[name];
  if (value === undefined || value === null || value === "") return 0;
  return looseCount(value) ?? countError(value)!;
}

/** A JSON column that may arrive parsed (JSON export) or as text (CSV). Returns {} when absent. */
function jsonObject(value: unknown): Record<string, unknown> | string {
  if (value === undefined || value === null || value === "") return {};
  if (isPlainObject(value)) return value;
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isPlainObject(parsed)) return parsed;
      if (parsed === null) return {};
    } catch {
      return `is not valid JSON: ${describeValue(value)}`;
    }
  }
  return `must be a JSON object, got ${describeValue(value)}`;
}

function usageValues(metadata: Record<string, unknown>): Record<string, unknown> {
  if (isPlainObject(metadata.additional_usage_values)) return metadata.additional_usage_values;
  // Newer versions also keep the whole usage object; it has the same detail fields.
  if (isPlainObject(metadata.usage_object)) return metadata.usage_object;
  return {};
}

/** startTime/endTime: ISO or Postgres text (zone-less = UTC), or epoch seconds/milliseconds as numbers. */
function readTime(value: unknown): number | null {
  let ms: number | null = null;
  if (typeof value === "string") ms = parseTimestamp(value);
  else if (typeof value === "number" && Number.isFinite(value)) ms = Math.round(value < 1e11 ? value * 1000 : value);
  return ms !== null && isRepresentable(ms) ? ms : null;
}

function collectTags(row: Record<string, unknown>, metadata: Record<string, unknown>): Record<string, string> {
  const tags: Record<string, string> = {};
  let count = 0;
  const put = (key: string, value: unknown) => {
    if (count >= MAX_TAGS || key === "" || key === "__proto__" || Object.prototype.hasOwnProperty.call(tags, key)) return;
    const text = typeof value === "number" || typeof value === "boolean" ? String(value) : optionalText(value, MAX_TAG_VALUE + 1);
    if (text === null || text.length > MAX_TAG_VALUE) return;
    tags[key] = text;
    count++;
  };

  let requestTags: unknown = row.request_tags;
  if (typeof requestTags === "string") {
    const textTags = requestTags;
    try {
      requestTags = JSON.parse(textTags);
    } catch {
      // Not JSON: a plain comma-separated list.
      requestTags = textTags.split(",");
    }
  }
  if (Array.isArray(requestTags)) {
    for (const tag of requestTags) {
      if (typeof tag !== "string" || tag.trim() === "") continue;
      const colon = tag.indexOf(":");
      if (colon > 0) put(tag.slice(0, colon).trim(), tag.slice(colon + 1).trim());
      else put(tag.trim(), "true");
    }
  }
  if (isPlainObject(metadata.spend_logs_metadata)) {
    for (const [key, value] of Object.entries(metadata.spend_logs_metadata)) put(key, value);
  }
  put("litellm.team_id", row.team_id ?? metadata.user_api_key_team_id);
  put("litellm.key_alias", metadata.user_api_key_alias);
  put("litellm.end_user", row.end_user);
  put("litellm.model_group", row.model_group);
  put("litellm.call_type", row.call_type);
  put("litellm.organization_id", row.organization_id ?? metadata.user_api_key_org_id);
  put("litellm.session_id", row.session_id);
  put("litellm.agent_id", row.agent_id);
  put("litellm.api_base", row.api_base);
  return tags;
}
