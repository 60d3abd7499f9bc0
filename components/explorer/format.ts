/** Money: the one formatter (lib/ui/money), re-exported so the explorer's imports stay short. */
export { usd, usdUnit, usdAxis as usdCompact, signedUsd, savingClass, money, spendText } from "@/lib/ui/money";

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

// One formatter each, made once: toLocaleDateString builds a new Intl formatter per call, which showed up in the
// Overview's hydration profile (every date on the page, every render).
const MONTH_YEAR = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const MONTH_DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const MONTH_DAY_YEAR = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "2026-11-03" -> "Nov 3" (UTC; dates are UTC calendar days everywhere). */
export function shortDate(day: string): string {
  const d = new Date(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day; // Intl's format throws on an invalid date
  return (day.length === 7 ? MONTH_YEAR : MONTH_DAY).format(d);
}

export function longDate(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : MONTH_DAY_YEAR.format(d);
}
