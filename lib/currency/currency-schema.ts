import { z } from "zod";
import { DATE_RE } from "@/lib/analytics/dates";
import { CURRENCY_RE } from "./rates";

/** /api/v1/currency and /api/v1/exchange-rates: the reporting currency and its dated rates. */
const code = z.string().regex(CURRENCY_RE, "must be an ISO 4217 code such as EUR, GBP, JPY, INR");

export const CurrencySettingsSchema = z.object({
  reportingCurrency: code.describe("currency of reports, CSV, PDF and FOCUS (BillingCurrency); USD needs no rates"),
});

export const CurrencyStatusSchema = CurrencySettingsSchema.extend({
  rates: z.array(z.object({ currency: z.string(), firstDay: z.string(), lastDay: z.string(), days: z.number().int() })).describe("rate coverage per currency"),
});

export const RateEntrySchema = z.object({
  day: z.string().regex(DATE_RE, "must be a date YYYY-MM-DD"),
  currency: code,
  unitsPerUsd: z.string().regex(/^\d+(\.\d{1,12})?$/, "must be a positive decimal with at most 12 decimals, e.g. 0.9234").describe("units of the currency per 1 USD"),
});

export const RatesInputSchema = z.object({ rates: z.array(RateEntrySchema).min(1).max(100_000) });

export const RatesQuerySchema = z.object({ currency: code.optional(), from: z.string().regex(DATE_RE).optional(), to: z.string().regex(DATE_RE).optional() });

export const RatesResponseSchema = z.object({ rates: z.array(RateEntrySchema.extend({ source: z.string() })) });

export const RatesImportResultSchema = z.object({
  stored: z.number().int().describe("rates inserted or replaced"),
  days: z.number().int(),
  currencies: z.array(z.string()),
  notAvailable: z.number().int().describe("ECB cells marked N/A or empty (no rate that day): not stored"),
});
