/**
 * Commitment / provisioned-throughput maths, pure. Inputs are the observed hours of one model's traffic (tokens
 * and exact pay-as-you-go cost per UTC hour, zero-filled) and an offer (capacity in tokens per minute, price per
 * hour). Model of the offer: in each hour the reserved capacity serves up to capacity x 60 tokens; tokens above it
 * overflow to pay-as-you-go at that hour's own price per token. Money stays in integer nano-dollars; each hour's
 * overflow cost is rounded once (half-up). Projections to the term (window -> term hours) are estimates.
 */
export interface Hour {
  tokens: number;
  costNanos: bigint;
}

export interface Offer {
  capacityTokensPerMinute: number;
  /** Price of the capacity per hour, nano-dollars (a total price is spread over the term's hours). */
  pricePerHourNanos: bigint;
}

export interface WindowOutcome {
  hours: number;
  tokens: number;
  paygNanos: bigint;
  /** Tokens served by the capacity (sum of min(load, capacity) per hour). */
  servedTokens: number;
  overflowNanos: bigint;
  /** Capacity cost over the window's hours. */
  capacityNanos: bigint;
  /** capacityNanos + overflowNanos. */
  commitNanos: bigint;
  /** servedTokens / (capacity x 60 x hours). */
  utilisation: number;
}

export function evaluateWindow(hours: readonly Hour[], offer: Offer): WindowOutcome {
  const perHour = offer.capacityTokensPerMinute * 60;
  let tokens = 0;
  let payg = 0n;
  let served = 0;
  let overflow = 0n;
  for (const h of hours) {
    tokens += h.tokens;
    payg += h.costNanos;
    const s = Math.min(h.tokens, perHour);
    served += s;
    if (h.tokens > s) overflow += divRound(h.costNanos * BigInt(h.tokens - s), BigInt(h.tokens));
  }
  const capacity = offer.pricePerHourNanos * BigInt(hours.length);
  return {
    hours: hours.length,
    tokens,
    paygNanos: payg,
    servedTokens: served,
    overflowNanos: overflow,
    capacityNanos: capacity,
    commitNanos: capacity + overflow,
    utilisation: hours.length === 0 || perHour === 0 ? 0 : served / (perHour * hours.length),
  };
}

/**
 * The steady load (tokens per minute) at which pay-as-you-go costs exactly the capacity's price, at the window's
 * average price per token: price per hour / (average nanos per token x 60). Null without priced tokens.
 */
export function breakEvenTokensPerMinute(w: Pick<WindowOutcome, "tokens" | "paygNanos">, pricePerHourNanos: bigint): number | null {
  if (w.tokens === 0 || w.paygNanos === 0n) return null;
  // price / (payg / tokens) / 60, in floating point: a load for people and a chart line, not money.
  return (Number(pricePerHourNanos) * w.tokens) / Number(w.paygNanos) / 60;
}

/** Nearest-rank percentiles of the hourly load, in tokens per minute. */
export function loadPercentiles(hours: readonly Hour[], ps: readonly number[]): Record<string, number> {
  const loads = hours.map((h) => h.tokens / 60).sort((a, b) => a - b);
  const out: Record<string, number> = {};
  for (const p of ps) out[`p${p}`] = loads.length === 0 ? 0 : loads[Math.max(0, Math.ceil((p / 100) * loads.length) - 1)];
  return out;
}

/** a * k / n rounded half-up (non-negative inputs). */
export function divRound(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (2n * d);
}

/** Scales a window amount to the term: amount x termHours / windowHours, rounded half-up. An estimate. */
export function toTerm(amount: bigint, windowHours: number, termHours: number): bigint {
  if (windowHours === 0) return 0n;
  return divRound(amount * BigInt(termHours), BigInt(windowHours));
}
