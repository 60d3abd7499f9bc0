import { formatUsd, usdToNanos } from "@/lib/money";

/** A budget's amount in a PDF: "$1,234.50" for USD, "1,234.50 EUR" otherwise (the PDF fonts lack some symbols). */
export function inCurrency(decimal: string, currency: string): string {
  const text = formatUsd(usdToNanos(decimal));
  return currency === "USD" ? text : `${text.replace("$", "")} ${currency}`;
}
