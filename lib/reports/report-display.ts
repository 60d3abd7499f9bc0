import type { ChangeFields } from "@/lib/change/waterfall-steps";
import { usdToNanos } from "@/lib/money";

/**
 * What a page or PDF shows of a report in its reporting currency (pure, shared by the Reports page and the PDF):
 * which amount to print (the converted one when the report has it, else USD, labelled) and the change waterfall's
 * fields in the currency. Amounts stay decimal strings; formatting is the caller's (lib/ui/money, pdf/in-currency).
 */
export interface InCurrencyChange {
  base: string;
  current: string;
  change: string;
  parts: { volume: string; mix: string; price: string; tokens: string; cache: string };
  explanation: string;
}

/** The amount to show and its currency: `converted` when there is a reporting currency and it was converted. */
export function shownAmount(usd: string, converted: string | null | undefined, currency: string): { amount: string; currency: string } {
  return currency !== "USD" && converted !== undefined && converted !== null ? { amount: converted, currency } : { amount: usd, currency: "USD" };
}

/** The waterfall's fields from a change in the currency (the *Usd names are the chart's; the amounts are in it). */
export function changeFieldsOf(c: InCurrencyChange): ChangeFields & { explanation: string } {
  return {
    baseUsd: c.base,
    currentUsd: c.current,
    changeUsd: c.change,
    parts: { volumeUsd: c.parts.volume, mixUsd: c.parts.mix, priceUsd: c.parts.price, tokensUsd: c.parts.tokens, cacheUsd: c.parts.cache },
    explanation: c.explanation,
  };
}

/** The change of a row between two amounts in the currency, as a fraction (display only); null when there was none before. */
export function changeShareOf(current: string, previous: string | null | undefined): number | null {
  if (previous === null || previous === undefined) return null;
  const prev = usdToNanos(previous);
  return prev === 0n ? null : Number(usdToNanos(current) - prev) / Number(prev);
}
