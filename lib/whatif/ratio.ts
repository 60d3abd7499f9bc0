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

/** Products below 2^53 are exact in doubles, which keeps the hot path free of bigint allocations. */
const SAFE_TOKENS = Math.floor(Number.MAX_SAFE_INTEGER / 2_000_000);

/** round(tokens * ppm / 1e6), half up, exactly, for non-negative whole token counts. */
export function scaleTokens(tokens: number, ppm: bigint): number {
  if (ppm === PPM) return tokens;
  if (tokens <= SAFE_TOKENS) {
    const n = tokens * Number(ppm); // exact integer < 2^53
    const q = Math.floor(n / 1_000_000);
    const r = n - q * 1_000_000; // exact; corrects any rounding of the division below
    const [qq, rr] = r < 0 ? [q - 1, r + 1_000_000] : r >= 1_000_000 ? [q + 1, r - 1_000_000] : [q, r];
    return rr * 2 >= 1_000_000 ? qq + 1 : qq;
  }
  return Number((BigInt(tokens) * ppm * 2n + PPM) / (2n * PPM));
}
