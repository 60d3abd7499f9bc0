/**
 * Anthropic Admin API usage report (GET /v1/organizations/usage_report/messages) -> UsageEvent.
 *
 * Documented shape: { data: [{ starting_at, ending_at, results: [{ uncached_input_tokens,
 *   cache_creation: { ephemeral_1h_input_tokens, ephemeral_5m_input_tokens }, cache_read_input_tokens,
 *   output_tokens, server_tool_use: { web_search_requests }, api_key_id, workspace_id, model, service_tier,
 *   context_window }] }], has_more, next_page }. Grouping fields are null unless grouped by (group_by[]).
 *
 * Token meaning: Anthropic reports the three kinds of input as separate, non-overlapping counts, while our
 * inputTokens counts all input. So:
 *   inputTokens       = uncached + cache writes (5m + 1h) + cache reads
 *   cachedInputTokens = cache_read_input_tokens
 *   cacheWriteTokens  = ephemeral_5m + ephemeral_1h
 *   cacheWrite1hTokens = ephemeral_1h (priced at 2x input; 5-minute writes at 1.25x)
 *
 * requests = 0: the report has no request count (documented fields above), and inventing 1 per result
 * would make "cost per request" wrong by orders of magnitude. 0 means "not reported".
 * service_tier "batch" -> batch = true. sourceKey = workspace_id, else api_key_id. occurredAt = bucket start.
 * externalId = sha256 of the bucket (start, end) and the grouping fields: re-importing is idempotent, and a
 * re-import of a bucket that was still filling up should upsert on (source, externalId).
 */
import type { UsageEvent } from "../usage-event";
import { ANTHROPIC_COSTS_MESSAGE } from "../cost-export-message";
import type { WarningCounts } from "../warnings";
import { reject, type SourceBatch } from "./outcome";
import { stableKey } from "./stable-key";
import { futureError, isRepresentable, parseTimestamp } from "./timestamps";
import { fieldPath, parseUsagePages } from "./usage-pages";
import { countError, describeValue, isCount, isPlainObject, MAX_COUNT, optionalText } from "./values";

const GROUPING_FIELDS = [
  "api_key_id",
  "workspace_id",
  "model",
  "service_tier",
  "context_window",
  "inference_geo",
  "speed",
  "account_id",
  "service_account_id",
] as const;
/** Grouping fields kept as tags for attribution rules (model and tier have their own columns). */
const TAG_FIELDS = ["api_key_id", "workspace_id", "context_window", "inference_geo", "speed", "account_id", "service_account_id"] as const;

/** `value` is one page, one bucket, or an array of them; rejected records are numbered as parseUsagePages says. */
export function anthropicUsageToEvents(value: unknown, now: Date): SourceBatch {
  const warnings: WarningCounts = {};
  const batch = parseUsagePages(value, {
    startField: "starting_at",
    readStart: (bucket) => {
      const startText = bucket.starting_at;
      const startMs = typeof startText === "string" ? parseTimestamp(startText) : null;
      const startError =
        startMs === null || !isRepresentable(startMs) ? `must be an RFC 3339 date-time, got ${describeValue(startText)}` : futureError(startMs, now);
      return startError ? { error: startError } : { start: startMs! };
    },
    toEvent: (result, start, bucket, path, index) => {
      const outcome = resultToEvent(result, start, bucket, path, index);
      if (outcome !== null && !("field" in outcome)) {
        // service_tier is null unless grouped by it: batch (50% off) and priority calls then price as standard.
        if (outcome.serviceTier === null) warnings.anthropic_not_grouped = (warnings.anthropic_not_grouped ?? 0) + 1;
        // Priority Tier has no published per-token price (lib/pricing/service-tier-prices.ts): list price, said so.
        else if (outcome.serviceTier.toLowerCase() === "priority") warnings.anthropic_priority_list_price = (warnings.anthropic_priority_list_price ?? 0) + 1;
      }
      return outcome;
    },
  });
  if (Object.keys(warnings).length > 0) batch.warnings = warnings;
  return batch;
}

function resultToEvent(result: unknown, startMs: number, bucket: Record<string, unknown>, path: string, index: number) {
  if (!isPlainObject(result)) return reject(index, path, `must be an object, got ${describeValue(result)}`);
  const field = (name: string) => fieldPath(path, name);
  // A cost report given as usage (format chosen by hand): its results carry an amount and no token counts.
  if (result.amount !== undefined && result.uncached_input_tokens === undefined && result.output_tokens === undefined) {
    return reject(index, field("amount"), ANTHROPIC_COSTS_MESSAGE);
  }
  const count = (obj: Record<string, unknown>, name: string, required: boolean): number | string => {
    const v = obj[name];
    if (v === undefined || v === null) return required ? "is required" : 0;
    return isCount(v) ? v : countError(v)!;
  };

  const uncached = count(result, "uncached_input_tokens", true);
  if (typeof uncached === "string") return reject(index, field("uncached_input_tokens"), uncached);
  const output = count(result, "output_tokens", true);
  if (typeof output === "string") return reject(index, field("output_tokens"), output);
  const cacheRead = count(result, "cache_read_input_tokens", false);
  if (typeof cacheRead === "string") return reject(index, field("cache_read_input_tokens"), cacheRead);
  const creation = isPlainObject(result.cache_creation) ? result.cache_creation : {};
  const write5m = count(creation, "ephemeral_5m_input_tokens", false);
  if (typeof write5m === "string") return reject(index, field("cache_creation.ephemeral_5m_input_tokens"), write5m);
  const write1h = count(creation, "ephemeral_1h_input_tokens", false);
  if (typeof write1h === "string") return reject(index, field("cache_creation.ephemeral_1h_input_tokens"), write1h);

  const input = uncached + write5m + write1h + cacheRead;
  if (input > MAX_COUNT) return reject(index, field("uncached_input_tokens"), countError(input)!);

  const model = optionalText(result.model);
  if (model === null) {
    return reject(index, field("model"), "is null: request the report with group_by[]=model so each result names the model it can be priced with");
  }

  const serviceTier = optionalText(result.service_tier, 64);
  const tags: Record<string, string> = {};
  for (const name of TAG_FIELDS) {
    const value = optionalText(result[name]);
    if (value !== null) tags[`anthropic.${name}`] = value;
  }
  const webSearches = isPlainObject(result.server_tool_use) ? result.server_tool_use.web_search_requests : undefined;
  if (isCount(webSearches) && webSearches > 0) tags["anthropic.web_search_requests"] = String(webSearches);
  const endMs = typeof bucket.ending_at === "string" ? parseTimestamp(bucket.ending_at) : null;
  if (endMs !== null && isRepresentable(endMs)) tags["anthropic.bucket_end"] = new Date(endMs).toISOString();

  // Timestamps enter the key normalised, so "…Z" and "…+00:00" spellings of one bucket agree.
  const key: unknown[] = ["anthropic.messages", startMs, endMs];
  for (const name of GROUPING_FIELDS) key.push(result[name] ?? null);

  const event: UsageEvent = {
    source: "anthropic",
    externalId: stableKey(key),
    occurredAt: new Date(startMs),
    provider: "anthropic",
    model,
    inputTokens: input,
    cachedInputTokens: cacheRead,
    cacheWriteTokens: write5m + write1h,
    cacheWrite1hTokens: write1h,
    outputTokens: output,
    reasoningTokens: 0,
    requests: 0,
    team: null,
    workload: null,
    user: null,
    sourceKey: optionalText(result.workspace_id) ?? optionalText(result.api_key_id),
    batch: serviceTier === "batch",
    serviceTier,
    sourceCostNanos: null,
    latencyMs: null,
    status: null,
    tags,
  };
  return event;
}
