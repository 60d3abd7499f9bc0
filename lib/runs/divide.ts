/**
 * nano-dollars divided by a count (calls, runs, business units), rounded half-up to the nano-dollar: the one
 * rounding of every "cost per X" figure. `units` may be a decimal string (business metrics are decimals, e.g.
 * "1250.5"); null when there is nothing to divide by.
 */
export function nanosPer(nanos: bigint, units: bigint | string | number): bigint | null {
  const [num, den] = scaled(units);
  if (den === 0n || num === 0n) return null;
  // nanos / (num / den) = nanos * den / num, rounded half away from zero.
  const n = nanos * den;
  const q = n / num;
  const r = n % num;
  const up = (r < 0n ? -r : r) * 2n >= (num < 0n ? -num : num);
  return up ? q + (n < 0n === num < 0n ? 1n : -1n) : q;
}

/** A decimal as numerator/denominator integers ("12.5" -> [125n, 10n]). */
function scaled(units: bigint | string | number): [bigint, bigint] {
  if (typeof units === "bigint") return [units, 1n];
  const text = typeof units === "number" ? String(units) : units.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a decimal count: "${units}"`);
  const frac = match[3] ?? "";
  const value = BigInt(match[2] + frac) * (match[1] ? -1n : 1n);
  return [value, 10n ** BigInt(frac.length)];
}
