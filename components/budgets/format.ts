/** Money: the one formatter (lib/ui/money), re-exported for the budget and report screens. */
export { usd, usdAxis, money, moneyAxis } from "@/lib/ui/money";

export function pct(fraction: number | null | undefined, digits = 0): string {
  return fraction === null || fraction === undefined ? "—" : `${(fraction * 100).toFixed(digits)}%`;
}

export function signedPct(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return "—";
  return `${fraction > 0 ? "+" : fraction < 0 ? "−" : "±"}${Math.abs(fraction * 100).toFixed(1)}%`;
}

/** "2026-10-27" -> "Oct 27" (UTC calendar days). */
export function shortDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" }) + " UTC";
}

export function compact(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  return n.toLocaleString("en-US");
}

export const STATUS_LABEL = { on_track: "On track", at_risk: "At risk", over: "Over budget" } as const;
export const STATUS_CLASS = { on_track: "ok", at_risk: "risk", over: "over" } as const;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "month", "2026-10" -> "October 2026 (monthly)". */
export function longPeriod(period: string, key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  const q = /^(\d{4})-(Q\d)$/.exec(key);
  if (q) return `${q[2]} ${q[1]}`;
  return period === "year" ? `Year ${key}` : key;
}

/** A round axis top at or above `max`: 1, 2, 2.5 or 5 times a power of ten ($49 -> $50, $569 -> $600). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * pow >= max)!;
  return step * pow;
}
