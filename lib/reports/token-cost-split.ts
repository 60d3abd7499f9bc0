import type { Pricer } from "@/lib/pricing";

/**
 * Splits a roll-up row's cost across its token types (FOCUS wants one charge per SKU, and a model's input, cached
 * input, cache writes, output and reasoning are priced apart). The roll-ups keep one cost per row, so each type
 * gets a share in proportion to tokens x the model's per-token price for that type (read from the pricer with
 * 100k-token probes: below every long-context price tier). Shares are rounded with the largest-remainder method,
 * so the parts always sum to the row's cost exactly. Pure.
 */
export const TOKEN_TYPES = ["input", "cached_input", "cache_write", "output", "reasoning"] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export interface TokenCounts {
  inputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
  reasoningTokens: number;
}

/** Each token type's own count: input and output totals include their cached / cache-write / reasoning subsets. */
export function tokensByType(t: TokenCounts): Record<TokenType, number> {
  return {
    input: t.inputTokens - t.cachedInputTokens - t.cacheWriteTokens,
    cached_input: t.cachedInputTokens,
    cache_write: t.cacheWriteTokens,
    output: t.outputTokens - t.reasoningTokens,
    reasoning: t.reasoningTokens,
  };
}

const PROBE = 100_000;

/** Nano-dollars per PROBE tokens of each type for a model, or null when the pricer has no price. */
export function probePrices(pricer: Pricer, call: { provider: string; model: string; day: string; batch: boolean }): Record<TokenType, bigint> | null {
  const base = { provider: call.provider, model: call.model, occurredAt: new Date(`${call.day}T12:00:00Z`), batch: call.batch, serviceTier: null, requests: 0 };
  const zero = { inputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 0, reasoningTokens: 0 };
  const price = (t: Partial<typeof zero>) => pricer.price({ ...base, ...zero, ...t }).costNanos;
  const input = price({ inputTokens: PROBE });
  if (input === null) return null;
  return {
    input,
    cached_input: price({ inputTokens: PROBE, cachedInputTokens: PROBE }) ?? input,
    cache_write: price({ inputTokens: PROBE, cacheWriteTokens: PROBE }) ?? input,
    output: price({ outputTokens: PROBE }) ?? 0n,
    reasoning: price({ outputTokens: PROBE, reasoningTokens: PROBE }) ?? 0n,
  };
}

/** Token-weighted price weights of each type (tokens x probe price); equal per-token weights without a price. */
export function weightsOf(tokens: Record<TokenType, number>, prices: Record<TokenType, bigint> | null): Record<TokenType, bigint> {
  const out = {} as Record<TokenType, bigint>;
  for (const t of TOKEN_TYPES) out[t] = BigInt(Math.max(0, tokens[t])) * (prices ? prices[t] : 1n);
  return out;
}

/** `total` split in proportion to `weights`, exactly (largest remainder); all to the first type if weights are 0. */
export function splitByWeights(total: bigint, weights: Record<TokenType, bigint>): Record<TokenType, bigint> {
  const sum = TOKEN_TYPES.reduce((s, t) => s + weights[t], 0n);
  const out = Object.fromEntries(TOKEN_TYPES.map((t) => [t, 0n])) as Record<TokenType, bigint>;
  if (sum === 0n) {
    out.input = total;
    return out;
  }
  const negative = total < 0n;
  const abs = negative ? -total : total;
  const remainders: { t: TokenType; r: bigint }[] = [];
  let given = 0n;
  for (const t of TOKEN_TYPES) {
    out[t] = (abs * weights[t]) / sum;
    given += out[t];
    remainders.push({ t, r: (abs * weights[t]) % sum });
  }
  remainders.sort((a, b) => (a.r === b.r ? TOKEN_TYPES.indexOf(a.t) - TOKEN_TYPES.indexOf(b.t) : a.r > b.r ? -1 : 1));
  for (let i = 0; given < abs; i++, given++) out[remainders[i % remainders.length].t] += 1n;
  if (negative) for (const t of TOKEN_TYPES) out[t] = -out[t];
  return out;
}
