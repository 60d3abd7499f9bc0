/**
 * A hand-checkable price table for tests (no catalogue, no dates unless asked): prices in USD per million tokens,
 * computed exactly in nano-dollars and rounded once per call, like a real pricer.
 */
import { usdToNanos } from "@/lib/money";
import { divRound } from "../ratio";
import type { PriceCall, PriceFn } from "../types";

export interface FakePrice {
  /** USD per million tokens, as decimal strings. */
  input: string;
  output: string;
  cachedInput?: string;
  cacheWrite?: string;
  /** Percent off with batch = true (default 50). */
  batchDiscountPct?: number;
  /** Per-call tier: when a call's input exceeds `above` tokens, all its prices are x multiplier. */
  longContext?: { above: number; multiplier: bigint };
  /** Price in force from this UTC day (default: always). */
  validFrom?: string;
}

/** Keys are "provider/model". */
export function fakePricer(table: Record<string, FakePrice | FakePrice[]>): PriceFn {
  return (call: PriceCall) => {
    const entry = pick(table[`${call.provider}/${call.model}`], call.occurredAt);
    if (!entry) return { costNanos: null, priceSource: 0, overrideId: null };
    const perM = (usd: string | undefined, fallback: string) => usdToNanos(usd ?? fallback);
    const uncached = call.inputTokens - call.cachedInputTokens - call.cacheWriteTokens;
    let num =
      BigInt(uncached) * perM(entry.input, "0") +
      BigInt(call.cachedInputTokens) * perM(entry.cachedInput, entry.input) +
      BigInt(call.cacheWriteTokens) * perM(entry.cacheWrite, entry.input) +
      BigInt(call.outputTokens) * perM(entry.output, "0");
    if (entry.longContext && call.inputTokens > entry.longContext.above) num *= entry.longContext.multiplier;
    const pct = BigInt(100 - (call.batch ? (entry.batchDiscountPct ?? 50) : 0));
    return { costNanos: divRound(num * pct, 1_000_000n * 100n), priceSource: 1, overrideId: null };
  };
}

function pick(entry: FakePrice | FakePrice[] | undefined, at: Date): FakePrice | undefined {
  if (!entry || !Array.isArray(entry)) return entry;
  const day = at.toISOString().slice(0, 10);
  return entry
    .filter((e) => (e.validFrom ?? "") <= day)
    .sort((a, b) => (a.validFrom ?? "").localeCompare(b.validFrom ?? ""))
    .at(-1);
}
