/**
 * Exact shares: every fraction in a scenario (escalation rate, batch share, cached share, output factor, token
 * share, tokenizer band) becomes an integer in parts per million, so money is computed in bigint and rounded once.
 * A share given with more than 6 decimals is rounded to the nearest millionth (documented limit of precision).
 */
export const PPM = 1_000_000n;
export { divRound } from "@/lib/forecast/bigint-stats";

/** 0.1 -> 100000n. Rounds half up at the 6th decimal. */
export function toPpm(share: number): bigint {
  if (!Number.isFinite(share) || share < 0) throw new Error(`not a non-negative share: ${share}`);
  return BigInt(Math.round(share * 1_000_000));
}

/** round(tokens * ppm / 1e6), half up, for non-negative token counts. */
export function scaleTokens(tokens: number, ppm: bigint): number {
  if (ppm === PPM) return tokens;
  return Number((BigInt(tokens) * ppm * 2n + PPM) / (2n * PPM));
}
