/**
 * OpenAI Usage API pages (GET /v1/organization/usage/completions, also /usage/embeddings) -> UsageEvent.
 *
 * Documented shape: { object: "page", data: [{ object: "bucket", start_time, end_time, results: [{
 *   object: "organization.usage.completions.result", input_tokens, output_tokens, input_cached_tokens,
 *   input_audio_tokens, output_audio_tokens, num_model_requests, project_id, user_id, api_key_id, model,
 *   batch, service_tier }] }], has_more, next_page }.
 * project_id, user_id, api_key_id, model, batch and service_tier are null unless the export was grouped by
 * them (group_by=...).
 *
 * Token meaning: input_tokens already includes cached tokens (and, in the current API, cache-write tokens,
 * reported as input_cache_write_tokens), which is our meaning, so it maps one to one. Audio token counts are
 * sub-counts whose inclusion in input_tokens/output_tokens the docs have described differently over time;
 * they are kept as tags (openai.input_audio_tokens, openai.output_audio_tokens) and never added, so tokens
 * are not counted twice. The report carries no reasoning-token count: reasoningTokens is 0.
 *
 * One event per result. occurredAt = bucket start; requests = num_model_requests; sourceKey = project_id
 * (else api_key_id). externalId = sha256 of the bucket (start, end) and the grouping fields, so importing
 * the same export again yields the same ids. A later import of a bucket that was still filling up (today's)
 * carries new totals under the same id: the ingest layer should upsert on (source, externalId).
 * A result without a model (export not grouped by model) cannot be priced and is rejected with that advice.
 */
import type { UsageEvent } from "../usage-event";
import { OPENAI_COSTS_MESSAGE } from "../cost-export-message";
import { reject, type SourceBatch } from "./outcome";
import { stableKey } from "./stable-key";
import { futureError } from "./timestamps";
import { fieldPath, parseUsagePages } from "./usage-pages";
import { countError, describeValue, isCount, isPlainObject, optionalText } from "./values";

const RESULT_OBJECTS = new Set(["organization.usage.completions.result", "organization.usage.embeddings.result"]);
const GROUPING_FIELDS = ["project_id", "api_key_id", "user_id", "model", "batch", "service_tier", "api_source"] as const;

/** `value` is one page, one bucket, or an array of them; rejected records are numbered as parseUsagePages says. */
export function openAiUsageToEvents(value: unknown, now: Date): SourceBatch {
  let ungrouped = 0;
  const batch = parseUsagePages(value, {
    startField: "start_time",
    readStart: (bucket) => {
      const start = bucket.start_time;
      const startError =
        typeof start !== "number" || !Number.isSafeInteger(start) || start < 0
          ? `must be a Unix time in seconds, got ${describeValue(start)}`
          : futureError(start * 1000, now);
      return startError ? { error: startError } : { start: start as number };
    },
    toEvent: (result, startSec, bucket, path, index) => {
      const outcome = resultToEvent(result, startSec, bucket.end_time, path, index);
      // batch / service_tier are null unless the export was grouped by them: then Batch, flex and priority calls
      // are mixed in with standard ones and priced at the standard rate. Counted, and the import says so.
      if (outcome !== null && !("field" in outcome) && isPlainObject(result) && (result.batch == null || result.service_tier == null)) ungrouped++;
      return outcome;
    },
  });
  if (ungrouped > 0) batch.warnings = { openai_not_grouped: ungrouped };
  return batch;
}

function resultToEvent(result: unknown, startSec: number, endTime: unknown, path: string, index: number) {
  if (!isPlainObject(result)) return reject(index, path, `must be an object, got ${describeValue(result)}`);
  const kind = result.object;
  // A costs page given as usage (format chosen by hand): refused, pointing to the bills import, never skipped.
  if (kind === "organization.costs.result") return reject(index, fieldPath(path, "object"), OPENAI_COSTS_MESSAGE);
  // Other usage endpoints (images, audio, vector stores) and cost results are not token usage.
  if (kind !== undefined && !(typeof kind === "string" && RESULT_OBJECTS.has(kind))) return null;

  const field = (name: string) => fieldPath(path, name);
  const required = (name: string): number | string => {
    const v = result[name];
    if (v === undefined || v === null) return `is required`;
    return isCount(v) ? v : countError(v)!;
  };
  const optional = (name: string): number | string => {
    const v = result[name];
    if (v === undefined || v === null) return 0;
    return isCount(v) ? v : countError(v)!;
  };

  const input = required("input_tokens");
  if (typeof input === "string") return reject(index, field("input_tokens"), input);
  const output = kind === "organization.usage.embeddings.result" ? optional("output_tokens") : required("output_tokens");
  if (typeof output === "string") return reject(index, field("output_tokens"), output);
  const requests = required("num_model_requests");
  if (typeof requests === "string") return reject(index, field("num_model_requests"), requests);
  const cached = optional("input_cached_tokens");
  if (typeof cached === "string") return reject(index, field("input_cached_tokens"), cached);
  const cacheWrite = optional("input_cache_write_tokens");
  if (typeof cacheWrite === "string") return reject(index, field("input_cache_write_tokens"), cacheWrite);
  if (cached + cacheWrite > input) {
    return reject(index, field("input_cached_tokens"), `cached (${cached}) and cache-write (${cacheWrite}) tokens exceed input_tokens (${input})`);
  }

  const model = optionalText(result.model);
  if (model === null) {
    return reject(index, field("model"), "is null: export usage with group_by=model so each result names the model it can be priced with");
  }

  const projectId = optionalText(result.project_id);
  const apiKeyId = optionalText(result.api_key_id);
  const userId = optionalText(result.user_id);
  const serviceTier = optionalText(result.service_tier, 64);
  const tags: Record<string, string> = {};
  if (projectId) tags["openai.project_id"] = projectId;
  if (apiKeyId) tags["openai.api_key_id"] = apiKeyId;
  if (userId) tags["openai.user_id"] = userId;
  const apiSource = optionalText(result.api_source);
  if (apiSource) tags["openai.api_source"] = apiSource;
  for (const name of ["input_audio_tokens", "output_audio_tokens"]) {
    if (isCount(result[name]) && (result[name] as number) > 0) tags[`openai.${name}`] = String(result[name]);
  }
  if (typeof endTime === "number" && Number.isSafeInteger(endTime)) tags["openai.bucket_end"] = new Date(endTime * 1000).toISOString();

  const key: unknown[] = ["openai", kind ?? "organization.usage.completions.result", startSec, typeof endTime === "number" ? endTime : null];
  for (const name of GROUPING_FIELDS) key.push(result[name] ?? null);

  const event: UsageEvent = {
    source: "openai",
    externalId: stableKey(key),
    occurredAt: new Date(startSec * 1000),
    provider: "openai",
    model,
    inputTokens: input,
    cachedInputTokens: cached,
    cacheWriteTokens: cacheWrite,
    outputTokens: output,
    reasoningTokens: 0,
    requests,
    team: null,
    workload: null,
    user: userId,
    sourceKey: projectId ?? apiKeyId,
    batch: result.batch === true,
    serviceTier,
    sourceCostNanos: null,
    latencyMs: null,
    status: null,
    tags,
  };
  return event;
}
