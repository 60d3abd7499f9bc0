import { badRequest } from "@/lib/errors";

/**
 * Exchange rates and conversion, exact. A rate is "units of the currency per 1 USD" held as an integer at 12
 * decimals (RATE_SCALE); a charge converts at the last rate on or before its UTC day (a weekend or holiday uses the
 * previous working day's rate, as ECB reference rates are published on working days only). Converting rounds once,
 * half away from zero, to the nano-unit of the target currency. A day with no rate on or before it is an error that
 * names the day, never a silent 1.0. Pure.
 */
export const RATE_SCALE = 12;
const RATE_ONE = 10n ** BigInt(RATE_SCALE);

export const CURRENCY_RE = /^[A-Z]{3}$/;

/** One currency's rates: days ascending, rates at RATE_SCALE. */
export interface RateSeries {
  currency: string;
  days: string[];
  rates: bigint[];
}

export function rateSeries(currency: string, rows: readonly { day: string; rate: bigint }[]): RateSeries {
  const sorted = [...rows].sort((a, b) => a.day.localeCompare(b.day));
  return { currency, days: sorted.map((r) => r.day), rates: sorted.map((r) => r.rate) };
}

/** The rate in force on `day`: the last one on or before it. USD is always 1. */
export function rateOn(series: RateSeries, day: string): bigint {
  if (series.currency === "USD") return RATE_ONE;
  let lo = 0;
  let hi = series.days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (series.days[mid] <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) {
    throw badRequest(`no ${series.currency} exchange rate on or before ${day}: enter one or import the ECB reference rates (Settings > Currency)`);
  }
  return series.rates[found];
}

/** USD nano-dollars -> nano-units of the currency at `rate` (units per USD at RATE_SCALE), rounded once. */
export function convertNanos(usdNanos: bigint, rate: bigint): bigint {
  const product = usdNanos * rate;
  const abs = product < 0n ? -product : product;
  const q = (abs + RATE_ONE / 2n) / RATE_ONE;
  return product < 0n ? -q : q;
}

/** nano-units of the currency -> USD nano-dollars at `rate` (the inverse of convertNanos), rounded once. */
export function convertToUsdNanos(nanos: bigint, rate: bigint): bigint {
  const product = nanos * RATE_ONE;
  const abs = product < 0n ? -product : product;
  const q = (abs * 2n + rate) / (2n * rate);
  return product < 0n ? -q : q;
}

/** "0.9234" -> rate at RATE_SCALE (rejects more than 12 decimals, negatives and zero). */
export function parseRate(text: string, where: string): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw badRequest(`${where}: "${text}" is not a positive decimal rate`);
  const frac = m[2] ?? "";
  if (frac.length > RATE_SCALE) throw badRequest(`${where}: "${text}" has more than ${RATE_SCALE} decimals`);
  const rate = BigInt(m[1] + frac.padEnd(RATE_SCALE, "0"));
  if (rate === 0n) throw badRequest(`${where}: a rate of 0 is not a rate`);
  return rate;
}

/** a / b at RATE_SCALE, half away from zero (ECB cross rates: units of C per EUR / USD per EUR). */
export function divideRates(a: bigint, b: bigint): bigint {
  return (a * RATE_ONE * 2n + b) / (2n * b);
}

export function rateToString(rate: bigint): string {
  const s = rate.toString().padStart(RATE_SCALE + 1, "0");
  const frac = s.slice(-RATE_SCALE).replace(/0+$/, "");
  return `${s.slice(0, -RATE_SCALE)}${frac ? `.${frac}` : ""}`;
}
