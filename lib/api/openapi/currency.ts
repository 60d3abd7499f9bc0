import {
  CurrencySettingsSchema, CurrencyStatusSchema, RatesImportResultSchema, RatesInputSchema, RatesQuerySchema, RatesResponseSchema,
} from "@/lib/currency/currency-schema";
import type { ApiOperation } from "./operation";

const RULE = "A charge converts at the last rate on or before its UTC day; a day with no rate on or before it is a 400 that names the day.";

export const currencyOperations: ApiOperation[] = [
  { method: "get", path: "/api/v1/currency", tag: "Currency", summary: "The reporting currency and the exchange rates stored per currency", permission: "read", response: CurrencyStatusSchema },
  { method: "put", path: "/api/v1/currency", tag: "Currency", summary: "Set the reporting currency", description: RULE, permission: "manage_settings", body: CurrencySettingsSchema, response: CurrencyStatusSchema },
  { method: "get", path: "/api/v1/exchange-rates", tag: "Currency", summary: "Stored exchange rates (units per 1 USD)", permission: "read", query: RatesQuerySchema, response: RatesResponseSchema },
  {
    method: "post",
    path: "/api/v1/exchange-rates",
    tag: "Currency",
    summary: "Enter exchange rates, or import an ECB reference-rate CSV",
    description: `JSON {rates: [{day, currency, unitsPerUsd}]}, or a text/csv body in the ECB eurofxref layout (Date,USD,JPY,...; per EUR), crossed into rates per USD at 12 decimals. ${RULE}`,
    permission: "manage_settings",
    body: RatesInputSchema,
    bodyContentTypes: ["application/json", "text/csv"],
    response: RatesImportResultSchema,
  },
];
