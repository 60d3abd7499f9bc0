import { formatUsd, usdToNanos } from "@/lib/money";
import { PART_LABELS } from "./describe";
import type { PART_NAMES } from "./decompose";

/**
 * The waterfall's bars: the base total, one floating bar per part (from the running total to the running total
 * plus the part), and the current total. Amounts stay decimal strings for labels; the numbers are only bar
 * geometry. Pure (tested apart from the chart).
 */
export interface ChangeFields {
  baseUsd: string;
  currentUsd: string;
  changeUsd: string;
  parts: { volumeUsd: string; mixUsd: string; priceUsd: string; tokensUsd: string; cacheUsd: string };
}

export interface WaterfallStep {
  name: string;
  kind: "total" | "up" | "down" | "zero";
  /** Signed amount as a decimal string (totals: the total). */
  amountUsd: string;
  /** Invisible bar under the visible one. */
  offset: number;
  /** Visible bar height (>= 0). */
  height: number;
}

const ORDER: { part: (typeof PART_NAMES)[number]; field: keyof ChangeFields["parts"] }[] = [
  { part: "volume", field: "volumeUsd" },
  { part: "mix", field: "mixUsd" },
  { part: "tokens", field: "tokensUsd" },
  { part: "cache", field: "cacheUsd" },
  { part: "price", field: "priceUsd" },
];

export function waterfallSteps(c: ChangeFields, labels: { base: string; current: string }): WaterfallStep[] {
  const toNumber = (usd: string) => Number(usdToNanos(usd)) / 1e9;
  const steps: WaterfallStep[] = [{ name: labels.base, kind: "total", amountUsd: c.baseUsd, offset: 0, height: toNumber(c.baseUsd) }];
  let running = usdToNanos(c.baseUsd);
  for (const { part, field } of ORDER) {
    const delta = usdToNanos(c.parts[field]);
    const next = running + delta;
    const low = delta < 0n ? next : running;
    steps.push({
      name: PART_LABELS[part].title,
      kind: delta > 0n ? "up" : delta < 0n ? "down" : "zero",
      amountUsd: c.parts[field],
      offset: Number(low) / 1e9,
      height: Number(delta < 0n ? -delta : delta) / 1e9,
    });
    running = next;
  }
  steps.push({ name: labels.current, kind: "total", amountUsd: c.currentUsd, offset: 0, height: toNumber(c.currentUsd) });
  return steps;
}

/** "+$1,234.56" / "-$12.00" for a part, the plain amount for a total. */
export function signedUsd(step: Pick<WaterfallStep, "kind" | "amountUsd">): string {
  const nanos = usdToNanos(step.amountUsd);
  if (step.kind === "total" || nanos === 0n) return formatUsd(nanos);
  return `${nanos < 0n ? "-" : "+"}${formatUsd(nanos < 0n ? -nanos : nanos)}`;
}
