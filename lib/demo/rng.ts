/**
 * Seeded pseudo-random numbers for the demo generator.
 *
 * Why not Math.random: the demo must be reproducible (same flags -> identical data), and Math.random cannot be seeded.
 * Why xoshiro128**: 32-bit integer arithmetic only (Math.imul, >>>), so it stays fast in V8 without BigInt, and its
 * 2^128 period is far beyond the ~10^8-10^9 draws a large demo needs (mulberry32's 2^32 would be close to that).
 * Not for anything security-related.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Box-Muller yields normals in pairs; the second one is kept here (NaN = none). */
  private spare = Number.NaN;

  /** `seed` is any finite number; it is reduced to 32 bits and expanded with splitmix32 (never an all-zero state). */
  constructor(seed: number) {
    let x = Math.floor(Math.abs(seed)) >>> 0;
    const split = () => {
      x = (x + 0x9e3779b9) | 0;
      let t = x ^ (x >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) >>> 0;
    };
    this.s0 = split();
    this.s1 = split();
    this.s2 = split();
    this.s3 = split();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    const s1 = this.s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return (r >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (mean 0, sd 1), Box-Muller. */
  normal(): number {
    const spare = this.spare;
    if (spare === spare) {
      this.spare = Number.NaN;
      return spare;
    }
    const u1 = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const u2 = this.next();
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** exp(N(mu, sigma^2)). Use `lognormalMu` to get mu from the arithmetic mean you want. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /**
   * Poisson(lambda). Knuth's product method below 30 (exact, cost ~lambda draws); above, a rounded normal
   * approximation, which is within a fraction of a percent there and costs one draw.
   */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda < 30) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = this.next();
      while (p > limit) {
        k++;
        p *= this.next();
      }
      return k;
    }
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The mu of a lognormal whose arithmetic mean is `mean` (token shapes are specified by their mean, which is what bills add up). */
export function lognormalMu(mean: number, sigma: number): number {
  return Math.log(mean) - (sigma * sigma) / 2;
}
