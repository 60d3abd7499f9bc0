/**
 * Exact rationals over bigint, just what the change decomposition needs: per-call costs and unit prices are
 * ratios of integers (nano-dollars / calls, nano-dollars / tokens) and rounding happens once, at the end.
 */
export interface Fraction {
  n: bigint;
  /** Always > 0. */
  d: bigint;
}

export const frac = (n: bigint, d: bigint = 1n): Fraction => (d < 0n ? { n: -n, d: -d } : { n, d });

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function reduce(f: Fraction): Fraction {
  const g = gcd(f.n, f.d);
  return g > 1n ? { n: f.n / g, d: f.d / g } : f;
}

export const add = (a: Fraction, b: Fraction): Fraction => reduce({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const mul = (a: Fraction, b: Fraction): Fraction => reduce({ n: a.n * b.n, d: a.d * b.d });
/** a / b; b must not be zero (callers check counts before dividing). */
export const div = (a: Fraction, b: Fraction): Fraction => reduce(frac(a.n * b.d, a.d * b.n));

/** Nearest integer, halves away from zero (the rounding every cost in Rightsize uses). */
export function round(f: Fraction): bigint {
  const abs = f.n < 0n ? -f.n : f.n;
  const q = (2n * abs + f.d) / (2n * f.d);
  return f.n < 0n ? -q : q;
}
