/**
 * Order statistics on bigint amounts (nano-dollars), exact except for one rounding per result.
 * Used by the weekday run-rate (forecast) and by median/MAD anomaly detection.
 */

/** a / b rounded half away from zero (b > 0). */
export function divRound(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new Error("divRound: divisor must be positive");
  const q = a / b;
  const r = a % b;
  if (2n * (r < 0n ? -r : r) >= b) return a < 0n ? q - 1n : q + 1n;
  return q;
}

function sorted(values: readonly bigint[]): bigint[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Quantile num/den (e.g. 1/4) with linear interpolation between closest ranks (the "type 7" definition used by
 * spreadsheets and numpy's default), rounded to a whole nano. Throws on an empty list.
 */
export function quantile(values: readonly bigint[], num: number, den: number): bigint {
  if (values.length === 0) throw new Error("quantile of an empty list");
  const xs = sorted(values);
  // position = q * (n - 1) = num * (n - 1) / den, split into whole index and remainder over den.
  const scaled = num * (xs.length - 1);
  const i = Math.floor(scaled / den);
  const rem = scaled - i * den;
  if (rem === 0) return xs[i];
  return xs[i] + divRound((xs[i + 1] - xs[i]) * BigInt(rem), BigInt(den));
}

export function median(values: readonly bigint[]): bigint {
  return quantile(values, 1, 2);
}

/** Median absolute deviation from the median (unscaled). */
export function mad(values: readonly bigint[], center = median(values)): bigint {
  return median(values.map((v) => (v > center ? v - center : center - v)));
}
