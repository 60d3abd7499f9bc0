import { usdToNanos } from "@/lib/money";

/**
 * Catalogue prices are JS numbers (USD per unit, e.g. 0.0375 per million tokens). Binary floats cannot hold
 * most decimals exactly, so we go through the number's shortest round-trip decimal string ("0.0375"), which
 * is exactly what the catalogue's YAML says, and turn that into integer nano-dollars per unit.
 * (0.0375 USD/Mtok -> 37_500_000n nano-USD/Mtok.)
 */
export function catalogueNumberToNanos(value: number): bigint {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`not a price: ${value}`);
  return usdToNanos(plainDecimal(value));
}

/** Decimal-string price from the database or a form ("2.500000000") -> nano-dollars per unit. */
export function decimalStringToNanos(value: string, what: string): bigint {
  let nanos: bigint;
  try {
    nanos = usdToNanos(value);
  } catch {
    throw new RangeError(`${what}: not a decimal price: "${value}"`);
  }
  if (nanos < 0n) throw new RangeError(`${what}: price cannot be negative: "${value}"`);
  return nanos;
}

/** nano-dollars per unit -> plain USD decimal string ("0.0375"), for display and model pickers. */
export function nanosToDecimal(nanos: bigint): string {
  const s = nanos.toString().padStart(10, "0");
  const frac = s.slice(-9).replace(/0+$/, "");
  return frac ? `${s.slice(0, -9)}.${frac}` : s.slice(0, -9);
}

/**
 * Shortest round-trip decimal of a number without exponent notation: String(1.5e-7) is "1.5e-7", which
 * usdToNanos would reject, so the exponent is expanded by moving the decimal point (no float arithmetic).
 */
export function plainDecimal(value: number): string {
  const s = String(value);
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1] + (m[2] ?? "");
  const point = m[1].length + Number(m[3]);
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}
