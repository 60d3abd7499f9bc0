import { NANOS_PER_USD, currencyPrefix, formatMoney, formatUsd, usdToNanos } from "@/lib/money";

/**
 * The one money formatter of the UI: tables, tooltips, KPIs and chart axes all format through here, so one amount
 * reads the same everywhere. Amounts arrive as the API's exact decimal strings (or chart numbers) and are formatted
 * from nano-dollars (lib/money), never summed as floats here.
 */

type Amount = string | number | bigint | null | undefined;

function toNanos(value: string | number | bigint): bigint {
  return typeof value === "bigint" ? value : usdToNanos(value);
}

/**
 * "$1,234.57" — cents; an amount under a cent keeps two significant digits ("$0.0042", "$0.000052"), so a
 * non-zero amount never reads as "$0.00". "—" for a missing amount.
 */
export function usd(value: Amount): string {
  if (value === null || value === undefined) return "—";
  const nanos = toNanos(value);
  const abs = nanos < 0n ? -nanos : nanos;
  if (abs === 0n || abs >= 10_000_000n) return formatUsd(nanos);
  // Under a cent: as many decimals as two significant digits need (at most all nine).
  const digits = abs.toString().length; // 1..7 nano digits
  const decimals = Math.min(9, 9 - digits + 2);
  const unit = 10n ** BigInt(9 - decimals);
  const rounded = (abs + unit / 2n) / unit;
  const text = `0.${rounded.toString().padStart(decimals, "0")}`.replace(/0+$/, "");
  return `${nanos < 0n ? "-" : ""}$${text}`;
}

/** "+$12.40" / "-$3.10" / "$0.00": a change, signed. */
export function signedUsd(value: Amount): string {
  if (value === null || value === undefined) return "—";
  const nanos = toNanos(value);
  return nanos > 0n ? `+${usd(nanos)}` : usd(nanos);
}

/**
 * Unit costs (per call, per 1k calls, per million tokens): 2 decimals from $1, 4 from a cent, two significant
 * digits below ($0.000052), so a cheap workload never reads as "$0.00". "$0" for zero.
 */
export function usdUnit(value: Amount): string {
  if (value === null || value === undefined) return "—";
  const nanos = toNanos(value);
  const abs = nanos < 0n ? -nanos : nanos;
  if (abs === 0n) return "$0";
  if (abs >= NANOS_PER_USD || abs < 10_000_000n) return usd(nanos);
  return `${nanos < 0n ? "-" : ""}$0.${((abs + 50_000n) / 100_000n).toString().padStart(4, "0")}`;
}

/** A price as stored ("0.0375" -> "$0.0375", "2.5" -> "$2.50"): at least cents, never fewer digits than given. */
export function usdPrice(decimal: string): string {
  const [whole, frac = ""] = decimal.split(".");
  return `$${whole}.${frac.padEnd(2, "0")}`;
}

/**
 * Chart axes and tight spots: "$1.2M", "$12k", "$25", "$1.20", "$0.40", "$0.004". Under $10 keeps two decimals,
 * so neighbouring ticks ($0.80, $1.20, $1.60) never collapse into one label; under a cent, one significant digit.
 */
export function usdAxis(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `$${(value / 1e6).toFixed(abs >= 1e7 ? 0 : 1)}M`;
  if (abs >= 1e3) return `$${(value / 1e3).toFixed(abs >= 1e4 ? 0 : 1)}k`;
  if (abs > 0 && abs < 0.01) return `$${Number(value.toPrecision(1))}`;
  return `$${value.toFixed(abs >= 10 || value === 0 ? 0 : 2)}`;
}

/**
 * The colour class of a saving: green when money is saved, red when the change costs more, none at exactly zero
 * (a $0.00 saving is not good news).
 */
export function savingClass(value: Amount): string {
  if (value === null || value === undefined) return "";
  const nanos = toNanos(value);
  return nanos > 0n ? "delta-down" : nanos < 0n ? "delta-up" : "";
}


/** An amount in the reporting currency ("€1,234.50"); USD formats as `usd` does. */
export function money(value: Amount, currency: string): string {
  if (value === null || value === undefined) return "—";
  return currency === "USD" ? usd(value) : formatMoney(toNanos(value), currency);
}

/** Compact axis label in a currency ("€1.2k"). */
export function moneyAxis(value: number, currency: string): string {
  return usdAxis(value).replace("$", currencyPrefix(currency));
}

/** A row's spend for display: `cost` in the reporting currency when the API sent one, else its USD cost. */
export function spendText(r: { costUsd: string; cost?: string }, currency: string): string {
  return r.cost !== undefined ? money(r.cost, currency) : usd(r.costUsd);
}

/**
 * An amount of a page that has a reporting currency: `converted` (in `currency`) when the API sent it, else the USD
 * amount, which then says "USD" when the page's currency is not USD, so no figure is ambiguous.
 */
export function moneyOr(usdValue: Amount, converted: Amount, currency: string): string {
  if (currency !== "USD" && converted !== null && converted !== undefined) return money(converted, currency);
  return usdIn(usdValue, currency);
}

/** A USD amount on a page whose reporting currency may not be USD: "$12.40 USD" then, "$12.40" otherwise. */
export function usdIn(value: Amount, currency: string): string {
  const text = usd(value);
  return currency !== "USD" && text !== "—" ? `${text} USD` : text;
}

/** "+€12.40" / "-€3.10": a change in a currency, signed. */
export function signedMoney(value: Amount, currency: string): string {
  if (value === null || value === undefined) return "—";
  const nanos = toNanos(value);
  return nanos > 0n ? `+${money(nanos, currency)}` : money(nanos, currency);
}

/** A unit cost in a currency ("€0.0042"): as usdUnit, with the currency's symbol. */
export function moneyUnit(value: Amount, currency: string): string {
  return currency === "USD" ? usdUnit(value) : usdUnit(value).replace("$", currencyPrefix(currency));
}

/** A page's note when its amounts stay USD while the reporting currency is another: " Amounts in USD." or "". */
export function usdNote(currency: string): string {
  return currency === "USD" ? "" : " Amounts in USD (the providers' pricing currency), not converted.";
}
