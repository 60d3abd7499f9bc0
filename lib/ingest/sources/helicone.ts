/**
 * Helicone request exports (the request query API's { data: [request, ...] } answers, or the dashboard's JSON
 * export of requests) -> UsageEvent. One row per proxied request.
 *
 * Fields read (Helicone's request_response table names): request_id, request_created_at, response_created_at,
 * model (else response_model, else request_model), provider, prompt_tokens, completion_tokens,
 * prompt_cache_read_tokens, prompt_cache_write_tokens, response_status (or status), request_user_id (else
 * helicone_user), request_properties / properties (Helicone-Property-* labels), cost (else costUSD; USD, or Helicone's
 * stored integer of USD x 1e9, see heliconeCostNanos). request_body
 * and response_body (the prompt and the completion) are never read.
 *
 * Token meaning: Helicone's own price calculation (its cost package: costOfPrompt and the ClickHouse price query in
 * packages/cost/index.ts, Apache-2.0) charges prompt_tokens as the fresh, uncached input and adds
 * prompt_cache_read_tokens and prompt_cache_write_tokens on top, so a row's prompt_tokens excludes the cache counts
 * ("uncached"). The row's own total_tokens confirms it when present: prompt + completion + cache parts = total means
 * uncached; prompt + completion = total with cache parts > 0 means an inclusive count (an older row), read as "all".
 * Rows without cache counts need no decision.
 * Properties become tags (short, unstructured values only); team = property team/Team, workload = property
 * workload/Workload.
 */
import type { UsageEvent } from "../usage-event";
import { usdToNanos } from "../../money";
import { addSkip, emptyBatch, reject, SKIP, type SourceBatch } from "./outcome";
import { forEachRecord } from "./record-pages";
import { futureError, isRepresentable, parseTimestamp } from "./timestamps";
import { applyTokenMeaning, type InputMeaning, type RawTokens, tokenFields } from "./token-meaning";
import { countError, describeValue, isPlainObject, looseCount, optionalText } from "./values";

/** One request row, a page { data: [...] }, or an array of either. Rejections name "data[2].prompt_tokens". */
export function heliconeToEvents(value: unknown, now: Date): SourceBatch {
  const batch = emptyBatch();
  forEachRecord(value, "request_id", (item, path) => request(item, path, batch, now));
  return batch;
}

function request(raw: unknown, path: string, batch: SourceBatch, now: Date): void {
  const field = (name: string) => (path ? `${path}.${name}` : name);
  const fail = (name: string, message: string) => batch.rejected.push(reject(0, field(name), message));
  if (!isPlainObject(raw)) return void fail("record", `must be a Helicone request object, got ${describeValue(raw)}`);
  const id = optionalText(raw.request_id);
  if (id === null) return void fail("request_id", "is required; it identifies the request so re-imports count it once");
  const createdText = raw.request_created_at;
  const created = typeof createdText === "string" ? parseTimestamp(createdText) : null;
  if (created === null || !isRepresentable(created)) return void fail("request_created_at", `is not a date-time, got ${describeValue(createdText)}`);
  const future = futureError(created, now);
  if (future) return void fail("request_created_at", future);

  const counts: RawTokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 };
  const names = [["prompt_tokens", "input"], ["completion_tokens", "output"], ["prompt_cache_read_tokens", "cacheRead"], ["prompt_cache_write_tokens", "cacheWrite"]] as const;
  for (const [name, part] of names) {
    const value = raw[name];
    if (value === undefined || value === null || value === "") continue;
    const n = looseCount(value);
    if (n === undefined) return void fail(name, countError(value)!);
    counts[part] = n;
  }
  const model = optionalText(raw.model) ?? optionalText(raw.response_model) ?? optionalText(raw.request_model);
  if (model === null) {
    addSkip(batch, counts.input + counts.output === 0 ? SKIP.refusedCall : SKIP.noModel);
    return;
  }
  const tokens = applyTokenMeaning(counts, heliconeInputMeaning(counts, looseCount(raw.total_tokens)));
  if (typeof tokens === "string") return void fail("prompt_tokens", tokens);

  const sourceCostNanos = heliconeCostNanos(raw.cost ?? raw.costUSD);

  const properties = isPlainObject(raw.request_properties) ? raw.request_properties : isPlainObject(raw.properties) ? raw.properties : {};
  const tags: Record<string, string> = {};
  let n = 0;
  for (const [key, value] of Object.entries(properties)) {
    const text = optionalText(value);
    if (n >= 64 || key === "" || key === "__proto__" || text === null || text.length > 256 || text[0] === "{" || text[0] === "[") continue;
    tags[key] = text;
    n++;
  }
  const property = (...keys: string[]) => {
    for (const key of keys) if (tags[key]) return tags[key];
    return null;
  };
  const responded = typeof raw.response_created_at === "string" ? parseTimestamp(raw.response_created_at) : null;
  const delay = looseCount(raw.delay_ms) ?? looseCount(raw.latency);
  const status = looseCount(raw.response_status) ?? looseCount(raw.status);

  const event: UsageEvent = {
    source: "helicone",
    externalId: id,
    occurredAt: new Date(created),
    provider: (optionalText(raw.provider, 64) ?? "").toLowerCase(),
    model,
    ...tokenFields(tokens),
    requests: 1,
    team: property("team", "Team"),
    workload: property("workload", "Workload"),
    user: optionalText(raw.request_user_id) ?? optionalText(raw.helicone_user),
    sourceKey: optionalText(raw.proxy_key_id) ?? optionalText(raw.helicone_api_key_id),
    batch: false,
    serviceTier: null,
    sourceCostNanos,
    latencyMs: delay ?? (responded !== null && responded >= created ? Math.min(responded - created, 2_147_483_647) : null),
    status: status === undefined ? null : status >= 400 || status < 0 ? "error" : "ok",
    tags,
  };
  if (tokens.guessed) event.guessedTokenMeaning = true;
  batch.events.push(event);
}

/**
 * The row's own cost in nano-dollars. The request API answers in USD (it divides by COST_PRECISION_MULTIPLIER), but
 * Helicone stores cost in ClickHouse as an integer of USD x 1e9 (packages/cost/costCalc.ts), and rows read from the
 * table itself (HQL exports, Helicone's own test mocks) carry that integer. No single request costs $1,000, so an
 * integer of 1,000 or more is read as the stored unit: 19950 is 19,950 nano-dollars, not $19,950.
 */
export function heliconeCostNanos(cost: unknown): bigint | null {
  if (typeof cost !== "number" || !Number.isFinite(cost) || cost < 0 || cost >= 1e12) return null;
  if (Number.isInteger(cost) && cost >= 1000) return BigInt(cost);
  return usdToNanos(cost);
}

/** What a row's prompt_tokens holds (see the file comment); its own total_tokens decides when it can. */
export function heliconeInputMeaning(counts: RawTokens, totalTokens: number | undefined): InputMeaning {
  const cache = counts.cacheRead + counts.cacheWrite;
  if (cache === 0) return "all";
  if (totalTokens !== undefined && totalTokens === counts.input + counts.output && totalTokens !== counts.input + counts.output + cache) return "all";
  return "uncached";
}
