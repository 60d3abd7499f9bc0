/** Money: the one formatter (lib/ui/money); amounts stay exact decimal strings until formatted. */
export { usd, usdAxis as usdCompact, savingClass } from "@/lib/ui/money";

export function pct(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return "—";
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Share of a decimal-string amount in another, 0-1 (display only). */
export function share(part: string, whole: string): number {
  const w = Number(whole);
  return w === 0 ? 0 : Number(part) / w;
}

export function isNegative(decimal: string): boolean {
  return decimal.trim().startsWith("-");
}

export function shortDate(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return d.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function modelLabel(m: { provider: string; model: string } | null | undefined): string {
  return m ? `${m.model}` : "—";
}
