/**
 * Server-side tools billed per call, not per token: Anthropic's web search (usage report
 * `server_tool_use.web_search_requests`, $10 per 1,000 searches) and OpenAI's web search and file search tool calls
 * ($10 / $2.50 per 1,000 for most models). Rates are dated with the model's catalogue price period
 * (genai-prices `web_searches_kcount`, `storage_searches_kcount`), and a price override's web_search_per_k /
 * file_search_per_k replace them from its valid_from on.
 *
 * Counts come from the event's tags, where parsers keep what the source reported (SERVER_TOOL_TAGS). The tool
 * charge is added to the call's cost and also stored on its own (usage_events.tool_cost_nanos, usage_daily.
 * tool_cost_nanos), so reports show it as a separate non-token line and reconciliation compares it with the bill's
 * non-token lines. Batch discounts do not apply to it (providers discount tokens). Each kind is rounded half-up
 * to the nano-dollar once per record.
 */
export const SERVER_TOOL_TAGS = {
  webSearches: ["anthropic.web_search_requests", "openai.web_search_calls", "web_search_requests"],
  fileSearches: ["openai.file_search_calls", "file_search_requests"],
} as const;

export interface ToolCalls {
  webSearches: number;
  fileSearches: number;
}

/** Tool call counts from tags (a digit string per tag; the first tag present wins). */
export function toolCallsFromTags(tags: Record<string, string> | null | undefined): ToolCalls {
  if (!tags) return NO_TOOL_CALLS;
  const webSearches = countTag(tags, SERVER_TOOL_TAGS.webSearches);
  const fileSearches = countTag(tags, SERVER_TOOL_TAGS.fileSearches);
  // Runs for every ingested event, nearly always without tool calls: no object, no closure per call.
  return webSearches === 0 && fileSearches === 0 ? NO_TOOL_CALLS : { webSearches, fileSearches };
}

const NO_TOOL_CALLS: ToolCalls = Object.freeze({ webSearches: 0, fileSearches: 0 });

function countTag(tags: Record<string, string>, keys: readonly string[]): number {
  for (const k of keys) {
    const v = tags[k];
    if (v !== undefined && /^\d{1,9}$/.test(v)) return Number(v);
  }
  return 0;
}

/** SQL (over usage_events `e`) giving the same counts, for re-pricing stored rows. */
export const TOOL_CALLS_SQL = {
  webSearches: `COALESCE(${SERVER_TOOL_TAGS.webSearches.map((k) => `e.tags->>'${k}'`).join(", ")})`,
  fileSearches: `COALESCE(${SERVER_TOOL_TAGS.fileSearches.map((k) => `e.tags->>'${k}'`).join(", ")})`,
};

/** n calls at `perK` nano-USD per 1,000, rounded half-up; null when calls are made but no rate is known. */
export function toolCostNanos(calls: number, perK: bigint | null): bigint | null {
  if (calls === 0) return 0n;
  if (perK === null) return null;
  return (BigInt(calls) * perK + 500n) / 1000n;
}
