/**
 * Langfuse observations (GET /api/public/observations pages { data: [...], meta }, the UI's JSON/JSONL export of
 * observations, or a trace with its observations: GET /api/public/traces/{id} answers { id, ..., observations: [...] }
 * and the UI's trace download { trace, observations: [...] }) -> UsageEvent. Only GENERATION (and EMBEDDING) observations are model calls; spans, events, tools,
 * agents and chains are skipped with a reason.
 *
 * Fields read: id (idempotency key), traceId, type, name, startTime, endTime, model (else providedModelName),
 * level, environment, usageDetails (else usage { input, output, total }, else promptTokens/completionTokens),
 * costDetails.total (else calculatedTotalCost, else totalCost) as the source's own cost. input/output/metadata
 * (prompt and completion content) are never read.
 *
 * Token meaning: Langfuse's usage types are separate counts that add up to `total` ("input" is the fresh input,
 * cache reads/writes have their own keys: cache_read_input_tokens, input_cached_tokens, input_cache_read,
 * cache_creation_input_tokens, input_cache_creation...; "output" may leave out output_reasoning_tokens). So when
 * the row's own total equals the sum of its parts, the parts are added up: input = every input* / cache* key,
 * output = every output* key. When a row has cache keys but no total, the row cannot say: the last-resort heuristic
 * decides and the event is counted as guessed.
 */
import type { UsageEvent } from "../usage-event";
import { usdToNanos } from "../../money";
import { addSkip, emptyBatch, reject, SKIP, type SourceBatch } from "./outcome";
import { forEachRecord } from "./record-pages";
import { futureError, isRepresentable, parseTimestamp } from "./timestamps";
import { applyTokenMeaning, type RawTokens, tokenFields } from "./token-meaning";
import { pickRun } from "./run-id";
import { describeValue, isPlainObject, looseCount, optionalText } from "./values";

const CALL_TYPES = new Set(["GENERATION", "EMBEDDING"]);

/**
 * One observation, a page { data: [...] }, a trace carrying its observations, or an array of these. Rejections name
 * "data[2].usageDetails.input" or "observations[1].startTime".
 */
export function langfuseToEvents(value: unknown, now: Date): SourceBatch {
  const batch = emptyBatch();
  forEachRecord(value, "id", (item, path) => {
    // A trace is never a model call; its observations are. (An observation has no `observations` field.) The trace's
    // own fields, including the UI download's `trace.observations` summary list, are not read.
    if (isPlainObject(item) && Array.isArray(item.observations)) {
      const base = path ? `${path}.observations` : "observations";
      item.observations.forEach((o, i) => observation(o, `${base}[${i}]`, batch, now));
    } else observation(item, path, batch, now);
  });
  return batch;
}

function observation(raw: unknown, path: string, batch: SourceBatch, now: Date): void {
  const field = (name: string) => (path ? `${path}.${name}` : name);
  if (!isPlainObject(raw)) {
    batch.rejected.push(reject(0, path || "record", `must be a Langfuse observation object, got ${describeValue(raw)}`));
    return;
  }
  const type = optionalText(raw.type)?.toUpperCase() ?? "GENERATION";
  if (!CALL_TYPES.has(type)) {
    addSkip(batch, SKIP.noUsage);
    return;
  }
  const id = optionalText(raw.id);
  if (id === null) {
    batch.rejected.push(reject(0, field("id"), "is required; it identifies the observation so re-imports count it once"));
    return;
  }
  const startText = raw.startTime;
  const start = typeof startText === "string" ? parseTimestamp(startText) : null;
  if (start === null || !isRepresentable(start)) {
    batch.rejected.push(reject(0, field("startTime"), `is not a date-time, got ${describeValue(startText)}`));
    return;
  }
  const future = futureError(start, now);
  if (future) {
    batch.rejected.push(reject(0, field("startTime"), future));
    return;
  }
  const usage = readUsage(raw);
  if (typeof usage === "string") {
    batch.rejected.push(reject(0, field("usageDetails"), usage));
    return;
  }
  const model = optionalText(raw.model) ?? optionalText(raw.providedModelName);
  if (model === null) {
    if (usage.raw.input + usage.raw.output === 0) addSkip(batch, SKIP.noUsage);
    else addSkip(batch, SKIP.noModel);
    return;
  }
  const tokens = applyTokenMeaning(usage.raw, usage.summed ? "all" : "unknown");
  if (typeof tokens === "string") {
    batch.rejected.push(reject(0, field("usageDetails"), tokens));
    return;
  }

  let sourceCostNanos: bigint | null = null;
  const cost = (isPlainObject(raw.costDetails) ? raw.costDetails.total : undefined) ?? raw.calculatedTotalCost ?? raw.totalCost;
  if (typeof cost === "number" && Number.isFinite(cost) && cost >= 0 && cost < 1e12) sourceCostNanos = usdToNanos(cost);

  const end = typeof raw.endTime === "string" ? parseTimestamp(raw.endTime) : null;
  const tags: Record<string, string> = {};
  const tag = (key: string, value: unknown) => {
    const text = optionalText(value);
    if (text !== null && text.length <= 256 && text[0] !== "{" && text[0] !== "[") tags[key] = text;
  };
  tag("langfuse.trace_id", raw.traceId);
  tag("langfuse.observation.name", raw.name);
  tag("langfuse.environment", raw.environment);
  tag("langfuse.prompt_name", raw.promptName);

  const event: UsageEvent = {
    source: "langfuse",
    externalId: id,
    occurredAt: new Date(start),
    provider: "",
    model,
    ...tokenFields(tokens),
    requests: 1,
    team: null,
    workload: null,
    user: optionalText(raw.userId),
    sourceKey: optionalText(raw.projectId),
    batch: false,
    serviceTier: null,
    sourceCostNanos,
    latencyMs: end !== null && end >= start ? Math.min(end - start, 2_147_483_647) : null,
    status: raw.level === "ERROR" ? "error" : "ok",
    tags,
  };
  if (tokens.guessed) event.guessedTokenMeaning = true;
  // Run grouping (lib/runs/README.md): the observation's sessionId, else its traceId.
  const run = pickRun(null, raw.sessionId, raw.traceId);
  if (run) event.run = run;
  batch.events.push(event);
}

/**
 * The observation's usage as RawTokens, and whether its parts are known to be separate (summed: they add up to the
 * row's total). Keys are Langfuse usage types; see the file comment.
 */
export function readUsage(raw: Record<string, unknown>): { raw: RawTokens; summed: boolean } | string {
  const details = isPlainObject(raw.usageDetails) && Object.keys(raw.usageDetails).length > 0 ? raw.usageDetails : isPlainObject(raw.usage) ? raw.usage : null;
  const tokens: RawTokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 };
  if (details === null) {
    tokens.input = looseCount(raw.promptTokens) ?? 0;
    tokens.output = looseCount(raw.completionTokens) ?? 0;
    return { raw: tokens, summed: true };
  }
  let sum = 0;
  let total: number | undefined;
  let plainInput = 0;
  let plainOutput = 0;
  for (const [key, value] of Object.entries(details)) {
    if (value === null || value === undefined || key === "unit" || /cost/i.test(key)) continue;
    const n = looseCount(value);
    if (n === undefined) return `${key} must be a non-negative integer, got ${describeValue(value)}`;
    const k = key.toLowerCase();
    if (k === "total") {
      total = n;
      continue;
    }
    sum += n;
    if (/cache_read|cached|cache_hit/.test(k)) tokens.cacheRead += n;
    else if (/cache_creation|cache_write/.test(k)) {
      tokens.cacheWrite += n;
      if (/1h/.test(k)) tokens.cacheWrite1h += n;
    } else if (k.startsWith("output") || k === "completion") {
      if (/reasoning/.test(k)) tokens.reasoning += n;
      else plainOutput += n;
    } else plainInput += n; // "input", "input_audio", "prompt", other input modalities
  }
  const cache = tokens.cacheRead + tokens.cacheWrite;
  const summed = total !== undefined ? total === sum : cache === 0 && tokens.reasoning === 0;
  if (summed) {
    tokens.input = plainInput + cache;
    tokens.output = plainOutput + tokens.reasoning;
  } else {
    tokens.input = plainInput;
    tokens.output = plainOutput;
  }
  return { raw: tokens, summed };
}
