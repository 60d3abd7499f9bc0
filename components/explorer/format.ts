import { formatMoney, formatUsd, usdToNanos } from "@/lib/money";

/** Display formatting for the explorer (money stays exact: decimal strings in, nano-dollars in between). */
export function usd(decimal: string | null | undefined): string {
  if (decimal === null || decimal === undefined) return "—";
  return formatUsd(usdToNanos(decimal));
}

/** An amount in the reporting currency ("€1,234.50"); the API sends it as `cost` beside `costUsd`. */
export function money(decimal: string | null | undefined, currency: string): string {
  if (decimal === null || decimal === undefined) return "—";
  return formatMoney(usdToNanos(decimal), currency);
}

/** A row's spend for display: `cost` in the reporting currency when the API sent one, else its USD cost. */
export function spendText(r: { costUsd: string; cost?: string }, currency: string): string {
  return r.cost !== undefined ? money(r.cost, currency) : usd(r.costUsd);
}

/**
 * Unit costs (per call, per 1k calls, per million tokens) need more than cents: 2 decimals from $1, 4 from a
 * cent, and two significant digits below ($0.000052), so a cheap workload never reads as "$0.00".
 */
export function usdUnit(decimal: string | null | undefined): string {
  if (decimal === null || decimal === undefined) return "—";
  const v = Number(decimal);
  if (v === 0) return "$0";
  if (Math.abs(v) >= 1) return usd(decimal);
  if (Math.abs(v) >= 0.01) return `$${v.toFixed(4)}`;
  return `$${v.toPrecision(2).replace(/0+$/, "")}`;
}

/** "$12.3k", "$1.2M": chart axes and compact cells, where cents would be noise. */
export { usdAxis as usdCompact } from "@/components/charts/usd-axis";

export function count(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return n.toLocaleString("en-US");
}

/** 12_345_678 -> "12.3M" (tokens, calls in tight spots). */
export function compact(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  if (abs >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}

export function pct(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return "—";
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** "+4.1%" / "−2.0%": spend going up is shown as the warning colour by the caller. */
export function signedPct(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return "—";
  const sign = fraction > 0 ? "+" : fraction < 0 ? "−" : "±";
  return `${sign}${Math.abs(fraction * 100).toFixed(1)}%`;
}

/** "2026-11-03" -> "Nov 3" (UTC; dates are UTC calendar days everywhere). */
export function shortDate(day: string): string {
  const d = new Date(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`);
  if (day.length === 7) return d.toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
  return d.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function longDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
}
