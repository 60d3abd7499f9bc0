import { z } from "zod";

/**
 * The reporting currency of a response: the *Usd fields stay USD (the public contract); when `code` is not USD,
 * `cost`/`previousCost` fields carry the same amounts in it, each day at its rate (lib/currency).
 */
export const CurrencyOutSchema = z.object({
  code: z.string().describe("ISO 4217 code of the cost / previousCost fields (USD: they are absent)"),
  note: z.string(),
});
export type CurrencyOut = z.infer<typeof CurrencyOutSchema>;
