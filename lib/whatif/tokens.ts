/**
 * Token sums of a group, split into independent parts so every transformation keeps them consistent:
 * input = uncached + cached + write (see lib/ingest/usage-event.ts for the token semantics).
 */
import { scaleTokens, toPpm } from "./ratio";
import type { CallGroup } from "./types";

export interface TokenParts {
  uncached: number;
  cached: number;
  write: number;
  output: number;
}

export function partsOf(g: CallGroup): TokenParts {
  const uncached = g.inputTokens - g.cachedInputTokens - g.cacheWriteTokens;
  if (uncached < 0) {
    throw new Error(`call group ${g.day} ${g.provider}/${g.model}: cached + cache-write tokens exceed input tokens`);
  }
  return { uncached, cached: g.cachedInputTokens, write: g.cacheWriteTokens, output: g.outputTokens };
}

export function inputOf(t: TokenParts): number {
  return t.uncached + t.cached + t.write;
}

export function sameParts(a: TokenParts, b: TokenParts): boolean {
  return a.uncached === b.uncached && a.cached === b.cached && a.write === b.write && a.output === b.output;
}

/** Output length on the target model: output tokens x factor (reasoning included, it is part of output). */
export function withOutputFactor(t: TokenParts, factorPpm: bigint): TokenParts {
  return { ...t, output: scaleTokens(t.output, factorPpm) };
}

/**
 * Caching lever: raise the cached share of input tokens to `share` when it is below. Cache reads come out of the
 * uncached part; cache writes are left as they were (the approximation: populating a bigger cache also costs some
 * writes, which this lever does not add).
 */
export function withCachedShare(t: TokenParts, share: number | null): TokenParts {
  if (share === null) return t;
  const input = inputOf(t);
  const wanted = Math.min(scaleTokens(input, toPpm(share)), input - t.write);
  if (wanted <= t.cached) return t;
  return { uncached: input - t.write - wanted, cached: wanted, write: t.write, output: t.output };
}

/** Every part x factor (tokenizer band, escalation token share). */
export function scaled(t: TokenParts, ppm: bigint): TokenParts {
  return {
    uncached: scaleTokens(t.uncached, ppm),
    cached: scaleTokens(t.cached, ppm),
    write: scaleTokens(t.write, ppm),
    output: scaleTokens(t.output, ppm),
  };
}
