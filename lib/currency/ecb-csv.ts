import { badRequest } from "@/lib/errors";
import { isDay } from "@/lib/forecast/utc-days";
import { CURRENCY_RE, divideRates, parseRate } from "./rates";

/**
 * ECB euro foreign exchange reference rates (eurofxref-hist.csv / eurofxref.csv): a header "Date,USD,JPY,...",
 * then one line per working day with units of each currency per 1 EUR ("N/A" or empty where none; the files end
 * each line with a comma). Dates are YYYY-MM-DD (history file) or "30 November 2026" (daily file).
 *
 * Rightsize keeps rates per 1 USD, so each currency becomes a cross rate: units of C per USD = (C per EUR) /
 * (USD per EUR), rounded at 12 decimals (the ECB publishes 4-6 significant digits, so this adds no error that
 * matters); EUR itself is 1 / (USD per EUR). A line without a USD rate cannot be crossed and is refused, naming it.
 */
export interface ParsedRate {
  day: string;
  currency: string;
  rate: bigint;
}

export interface EcbParse {
  rates: ParsedRate[];
  /** Cells with no rate ("N/A"): counted, so nothing is dropped silently. */
  notAvailable: number;
  days: number;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

export function parseEcbCsv(text: string, only?: ReadonlySet<string>): EcbParse {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) throw badRequest("the ECB file is empty");
  const header = lines[0].split(",").map((h) => h.trim());
  if (header[0] !== "Date") throw badRequest(`line 1: expected the ECB header "Date,USD,JPY,...", got "${lines[0].slice(0, 40)}"`);
  const usdCol = header.indexOf("USD");
  if (usdCol < 0) throw badRequest("line 1: the ECB file has no USD column, so rates per USD cannot be derived");
  for (const [i, h] of header.entries()) if (i > 0 && h !== "" && !CURRENCY_RE.test(h)) throw badRequest(`line 1, column ${i + 1}: "${h}" is not a currency code`);

  const rates: ParsedRate[] = [];
  let notAvailable = 0;
  for (let n = 1; n < lines.length; n++) {
    const cells = lines[n].split(",").map((c) => c.trim());
    const day = ecbDate(cells[0], n + 1);
    const usd = parseRate(cells[usdCol] ?? "", `line ${n + 1}, USD`);
    if (!only || only.has("EUR")) rates.push({ day, currency: "EUR", rate: divideRates(10n ** 12n, usd) });
    for (const [i, code] of header.entries()) {
      if (i === 0 || i === usdCol || code === "" || (only && !only.has(code))) continue;
      const cell = cells[i] ?? "";
      if (cell === "" || cell === "N/A") {
        notAvailable++;
        continue;
      }
      rates.push({ day, currency: code, rate: divideRates(parseRate(cell, `line ${n + 1}, ${code}`), usd) });
    }
  }
  return { rates, notAvailable, days: lines.length - 1 };
}

function ecbDate(cell: string | undefined, line: number): string {
  const text = (cell ?? "").trim();
  if (isDay(text)) return text;
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text);
  const month = m ? MONTHS.indexOf(m[2].toLowerCase()) : -1;
  if (m && month >= 0) {
    const day = `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1].padStart(2, "0")}`;
    if (isDay(day)) return day;
  }
  throw badRequest(`line ${line}: "${text}" is not a date (YYYY-MM-DD or "30 November 2026")`);
}
