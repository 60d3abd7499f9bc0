/** Words for a restatement: "restated: +$0.01, 3 calls added on Dec 2". Pure, so the page, PDF and CSV say the same. */
import { formatUsd } from "@/lib/money";

export interface AdjustmentDay {
  addedOn: string | null;
  requests: number;
}

export function restatementText(changeNanos: bigint, requestsAdded: number, days: readonly AdjustmentDay[]): string {
  const sign = changeNanos > 0n ? "+" : changeNanos < 0n ? "-" : "±";
  const money = `${sign}${formatUsd(changeNanos < 0n ? -changeNanos : changeNanos)}`;
  if (requestsAdded === 0) return `restated: ${money} (no calls added: re-priced or re-attributed)`;
  const calls = `${Math.abs(requestsAdded).toLocaleString("en-US")} call${Math.abs(requestsAdded) === 1 ? "" : "s"}`;
  if (requestsAdded < 0) return `restated: ${money}, ${calls} removed`;
  const dated = days.filter((d) => d.addedOn !== null && d.requests > 0);
  const on = dated.length === 0 ? "" : ` on ${dated.map((d) => shortDay(d.addedOn!) + (dated.length > 1 ? ` (${d.requests.toLocaleString("en-US")})` : "")).join(", ")}`;
  return `restated: ${money}, ${calls} added${on}`;
}

/** "2026-12-02" -> "Dec 2". */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
