import type { CallRates, ToolRates } from "@/lib/pricing";

/**
 * The charges of one usage row, one per meter: each token type priced apart (input, cached input, cache writes,
 * output, reasoning) and per-request fees. A meter carries its quantity, its units and its contracted and list
 * rates, so the FOCUS record builder (focus-record.ts) never needs to know what it meters.
 *
 * Non-token charges (server-side web and file search calls, toolMeters below) are meters too, marked `nonToken`:
 * their billed cost is the stored tool cost (usage_events.tool_cost_nanos), split apart from the token cost.
 */
export interface ChargeMeter {
  /** x_TokenType / SKU suffix: input, cached_input, cache_write, output, reasoning, requests. */
  key: string;
  /** FOCUS SkuMeter: what the SKU measures, in words. */
  skuMeter: string;
  consumedQuantity: bigint;
  consumedUnit: "Tokens" | "Requests";
  pricingUnit: string;
  /** PricingQuantity = consumedQuantity / 10^unitScale (per million tokens: 6; per thousand requests: 3). */
  unitScale: number;
  /** nano-USD per pricing unit x (100 - discount %): the rate after batch/flex discounts, kept integral. */
  contracted100: bigint;
  list100: bigint;
  /** A charge that is not model tokens: billed from the row's tool cost, not its token cost. */
  nonToken?: true;
}

/** Server-side tool calls of a row (lib/pricing/server-tools.ts) and what they were billed, nano-USD. */
export interface ToolUse {
  webSearches: number;
  fileSearches: number;
  costNanos: bigint;
}

const TOOL_METERS = [
  { key: "web_search", skuMeter: "Web search calls", count: (t: ToolUse) => t.webSearches, rate: "webSearchPerK" },
  { key: "file_search", skuMeter: "File search calls", count: (t: ToolUse) => t.fileSearches, rate: "fileSearchPerK" },
] as const;

/**
 * One non-token meter per tool with calls: quantity in Requests, priced per 1,000 (PricingUnit "1000 Requests"),
 * at the dated tool rate the pricer used (contracted: an override's rate when it gives one; list: the catalogue's).
 * Batch discounts do not apply to tools (server-tools.ts), so the rate is x 100 with no discount.
 */
export function toolMeters(t: ToolUse, contracted: ToolRates, list: ToolRates): ChargeMeter[] {
  return TOOL_METERS.filter((m) => m.count(t) > 0).map((m) => ({
    key: m.key,
    skuMeter: m.skuMeter,
    consumedQuantity: BigInt(m.count(t)),
    consumedUnit: "Requests" as const,
    pricingUnit: "1000 Requests",
    unitScale: 3,
    contracted100: (contracted[m.rate] ?? 0n) * 100n,
    list100: (list[m.rate] ?? contracted[m.rate] ?? 0n) * 100n,
    nonToken: true as const,
  }));
}

/**
 * The row's billed cost over its meters: token meters share the token cost, tool meters the tool cost, each split
 * exactly (splitBilled), so BilledCost of the tool charges is what was stored as tool cost, to the nano-dollar.
 */
export function splitRowBilled(total: bigint, toolCost: bigint, meters: readonly ChargeMeter[]): bigint[] {
  const tokens = meters.filter((m) => !m.nonToken);
  const tools = meters.filter((m) => m.nonToken);
  const tokenParts = splitBilled(total - toolCost, tokens);
  const toolParts = tools.length ? splitBilled(toolCost, tools) : [];
  let ti = 0;
  let oi = 0;
  return meters.map((m) => (m.nonToken ? toolParts[oi++] : tokenParts[ti++]));
}

export interface MeterTokens {
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  requests: number;
}

const TOKEN_METERS = [
  { key: "input", skuMeter: "Input tokens", rate: "input", count: (t: MeterTokens) => t.inputTokens - t.cachedInputTokens - t.cacheWriteTokens },
  { key: "cached_input", skuMeter: "Cached input tokens", rate: "cacheRead", count: (t: MeterTokens) => t.cachedInputTokens },
  { key: "cache_write", skuMeter: "Cache write tokens", rate: "cacheWrite", count: (t: MeterTokens) => t.cacheWriteTokens },
  { key: "output", skuMeter: "Output tokens", rate: "output", count: (t: MeterTokens) => t.outputTokens - t.reasoningTokens },
  { key: "reasoning", skuMeter: "Reasoning tokens", rate: "reasoning", count: (t: MeterTokens) => t.reasoningTokens },
] as const;

const rate100 = (r: CallRates | null, kind: keyof CallRates["bill"]) => (r ? r.bill[kind] * BigInt(100 - r.discountPct) : 0n);

/**
 * The meters with usage (a row of zero tokens still gets its input meter, so no row vanishes). `list` falls back
 * to `contracted` when the catalogue has no price for the model (a self-hosted model priced by an override only).
 */
export function chargeMeters(t: MeterTokens, contracted: CallRates | null, list: CallRates | null): ChargeMeter[] {
  const listRates = list ?? contracted;
  const out: ChargeMeter[] = [];
  for (const m of TOKEN_METERS) {
    const n = m.count(t);
    if (n > 0) out.push(tokenMeter(m, n, contracted, listRates));
  }
  if (out.length === 0) out.push(tokenMeter(TOKEN_METERS[0], 0, contracted, listRates));
  if (contracted && contracted.bill.requestsPerK > 0n && t.requests > 0) {
    out.push({
      key: "requests",
      skuMeter: "Requests",
      consumedQuantity: BigInt(t.requests),
      consumedUnit: "Requests",
      pricingUnit: "1000 Requests",
      unitScale: 3,
      contracted100: rate100(contracted, "requestsPerK"),
      list100: rate100(listRates, "requestsPerK"),
    });
  }
  return out;
}

function tokenMeter(m: (typeof TOKEN_METERS)[number], n: number, contracted: CallRates | null, list: CallRates | null): ChargeMeter {
  return {
    key: m.key,
    skuMeter: m.skuMeter,
    consumedQuantity: BigInt(Math.max(0, n)),
    consumedUnit: "Tokens",
    pricingUnit: "1000000 Tokens",
    unitScale: 6,
    contracted100: rate100(contracted, m.rate),
    list100: rate100(list, m.rate),
  };
}

/**
 * `total` (the row's cost as we billed it, nano-dollars) split over the meters in proportion to their contracted
 * cost, exactly (largest remainder): BilledCost of the charges sums to the row, and so to the month.
 */
export function splitBilled(total: bigint, meters: readonly ChargeMeter[]): bigint[] {
  const weights = meters.map((m) => m.consumedQuantity * m.contracted100 * 10n ** BigInt(6 - m.unitScale));
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum === 0n) return meters.map((_, i) => (i === 0 ? total : 0n));
  const abs = total < 0n ? -total : total;
  const parts = weights.map((w) => (abs * w) / sum);
  let left = abs - parts.reduce((s, p) => s + p, 0n);
  const order = weights.map((w, i) => ({ i, r: (abs * w) % sum })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0n; k = (k + 1) % order.length, left--) parts[order[k].i] += 1n;
  return total < 0n ? parts.map((p) => -p) : parts;
}
