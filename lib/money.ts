/**
 * Money is integer nano-dollars (1e-9 USD) held in bigint: exact to sum, never a binary float.
 * Displayed and exchanged (API, CSV) as decimal strings.
 */
export const NANOS_PER_USD = 1_000_000_000n;

/** "12.345" / "0.1" / "-3" -> nano-dollars, rounding half away from zero past 9 decimals. */
export function usdToNanos(usd: string | number): bigint {
  const text = typeof usd === "number" ? numberToPlainString(usd) : usd.trim();
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) throw new Error(`not a decimal amount: "${usd}"`);
  const [, sign, whole, frac = ""] = match;
  const padded = (frac + "0000000000").slice(0, 10);
  let nanos = BigInt(whole || "0") * NANOS_PER_USD + BigInt(padded.slice(0, 9));
  if (Number(padded[9]) >= 5) nanos += 1n;
  return sign ? -nanos : nanos;
}

/** nano-dollars -> decimal string with `decimals` places (default: all 9, trailing zeros trimmed to 2). */
export function nanosToUsd(nanos: bigint | string | number, decimals?: number): string {
  let value = BigInt(nanos);
  const negative = value < 0n;
  if (negative) value = -value;
  if (decimals !== undefined && decimals < 9) {
    const unit = 10n ** BigInt(9 - decimals);
    value = (value + unit / 2n) / unit;
    const s = value.toString().padStart(decimals + 1, "0");
    const out = decimals === 0 ? s : `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
    return negative && value !== 0n ? `-${out}` : out;
  }
  const s = value.toString().padStart(10, "0");
  let frac = s.slice(-9).replace(/0+$/, "");
  if (frac.length < 2) frac = frac.padEnd(2, "0");
  return `${negative ? "-" : ""}${s.slice(0, -9)}.${frac}`;
}

/** Formats for people: "$1,234.57" (cents), or more decimals under a cent. */
export function formatUsd(nanos: bigint | string | number): string {
  const value = BigInt(nanos);
  const abs = value < 0n ? -value : value;
  const decimals = abs !== 0n && abs < 10_000_000n ? 4 : 2;
  const [whole, frac] = nanosToUsd(abs, decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0n ? "-" : ""}$${grouped}.${frac}`;
}

const SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥", INR: "₹" };

/**
 * Formats an amount of any currency for people: "€1,234.57" for the currencies with a well-known symbol (USD, EUR,
 * GBP, JPY, INR), "CHF 1,234.57" otherwise; decimals as formatUsd. Amounts in nano-units of the currency.
 */
export function formatMoney(nanos: bigint | string | number, currency: string): string {
  return formatUsd(nanos).replace("$", currencyPrefix(currency));
}

/** "$", "€", ... or "CHF " for a currency without a well-known symbol. */
export function currencyPrefix(currency: string): string {
  return SYMBOLS[currency] ?? `${currency} `;
}

function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite amount: ${n}`);
  // toFixed(12) avoids exponent notation for small floats from JSON sources (e.g. 1e-7).
  return n.toFixed(12);
}
