import { formatUsd, usdToNanos } from "@/lib/money";

/** A budget's amount in a PDF: "$1,234.50" for USD, "1,234.50 EUR" otherwise (the PDF fonts lack some symbols). */
export function inCurrency(decimal: string, currency: string): string {
  const text = formatUsd(usdToNanos(decimal));
  return currency === "USD" ? text : `${text.replace("$", "")} ${currency}`;
}

/**
 * An amount in a PDF of a report with reporting currency `reporting`: the converted amount when there is one
 * ("1,234.50 EUR"), else the USD amount, which says "USD" when the report's currency is not USD ("$12.00 USD").
 */
export function pdfMoney(usd: string, converted: string | null | undefined, reporting: string): string {
  if (reporting !== "USD" && converted !== null && converted !== undefined) return inCurrency(converted, reporting);
  const text = formatUsd(usdToNanos(usd));
  return reporting === "USD" ? text : `${text} USD`;
}

/** pdfMoney with a sign: "+1,234.50 EUR", "-$3.00 USD". */
export function pdfSigned(usd: string, converted: string | null | undefined, reporting: string): string {
  const shown = reporting !== "USD" && converted !== null && converted !== undefined ? converted : usd;
  return `${usdToNanos(shown) > 0n ? "+" : ""}${pdfMoney(usd, converted, reporting)}`;
}
