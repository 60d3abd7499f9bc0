import { z } from "zod";

/**
 * Price overrides API (GET/POST /api/v1/price-overrides, PATCH/DELETE /api/v1/price-overrides/:id) and the Prices
 * tab's form. Prices are USD per million tokens as decimal strings (numbers are accepted and read as their
 * decimal text), at most 9 decimals: the database column is DECIMAL(18,9) and costs are exact nano-dollars.
 */
const PRICE = /^\d{1,9}(\.\d{1,9})?$/;
const price = (what: string) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
    .pipe(z.string().regex(PRICE, "must be a USD amount per million tokens, e.g. 2.5 (at most 9 decimals, no sign)"))
    .describe(`${what}, USD per million tokens (decimal string, e.g. "2.5")`);

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-01-31")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "is not a calendar date");

const perK = (what: string) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
    .pipe(z.string().regex(PRICE, "must be a USD amount per 1,000 calls, e.g. 10 (at most 9 decimals, no sign)"))
    .describe(`${what}, USD per 1,000 calls (decimal string); empty = the catalogue's rate`);

export const PriceOverrideInputSchema = z
  .object({
    provider: z.string().trim().min(1, "is required").max(64).describe("Provider as events name it, e.g. openai, anthropic, fireworks, self-hosted"),
    model: z.string().trim().min(1, "is required").max(256).describe("Model name as events carry it; also covers dated variants the catalogue maps to it"),
    inputPerMtok: price("Uncached input"),
    cachedInputPerMtok: price("Cache reads; empty = input x the catalogue's cache-read/input ratio").nullish(),
    cacheWritePerMtok: price("Cache writes; empty = input x the catalogue's cache-write/input ratio").nullish(),
    outputPerMtok: price("Output (reasoning included)"),
    longContextAbove: z
      .number()
      .int()
      .min(1)
      .max(2_147_483_647)
      .nullish()
      .describe("Input tokens per call above which the long-context rates apply (e.g. 200000); empty = the catalogue's tiers, scaled"),
    longInputPerMtok: price("Long-context uncached input").nullish(),
    longCachedInputPerMtok: price("Long-context cache reads; empty = long input x the catalogue's ratio").nullish(),
    longCacheWritePerMtok: price("Long-context cache writes; empty = long input x the catalogue's ratio").nullish(),
    longOutputPerMtok: price("Long-context output").nullish(),
    webSearchPerK: perK("Server-side web searches").nullish(),
    fileSearchPerK: perK("Server-side file searches").nullish(),
    validFrom: day.describe("First UTC day the price applies (inclusive); events before keep their price"),
    note: z.string().trim().max(500).nullish().describe("e.g. the contract it comes from"),
  })
  .strict()
  .superRefine((o, ctx) => {
    // Long-context rates come as a set: a threshold, an input and an output rate (cache rates optional).
    const anyLong = [o.longInputPerMtok, o.longCachedInputPerMtok, o.longCacheWritePerMtok, o.longOutputPerMtok].some((v) => v != null);
    if (!anyLong && o.longContextAbove == null) return;
    for (const key of ["longContextAbove", "longInputPerMtok", "longOutputPerMtok"] as const) {
      if (o[key] == null) ctx.addIssue({ code: "custom", path: [key], message: "is required with long-context rates (threshold, input and output)" });
    }
  });
export type PriceOverrideInput = z.output<typeof PriceOverrideInputSchema>;

export const PriceOverrideSchema = z.object({
  id: z.number().int(),
  provider: z.string(),
  model: z.string(),
  inputPerMtok: z.string(),
  cachedInputPerMtok: z.string().nullable(),
  cacheWritePerMtok: z.string().nullable(),
  outputPerMtok: z.string(),
  longContextAbove: z.number().int().nullable(),
  longInputPerMtok: z.string().nullable(),
  longCachedInputPerMtok: z.string().nullable(),
  longCacheWritePerMtok: z.string().nullable(),
  longOutputPerMtok: z.string().nullable(),
  webSearchPerK: z.string().nullable(),
  fileSearchPerK: z.string().nullable(),
  validFrom: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PriceOverrideOut = z.infer<typeof PriceOverrideSchema>;

export const RepricingSchema = z
  .object({
    eventsRepriced: z.number().int(),
    costDeltaUsd: z.string().describe("new minus old cost of the re-priced events (unpriced counts as 0)"),
    firstDay: z.string().nullable(),
    lastDay: z.string().nullable(),
    modelsNowPriced: z.array(z.string()).describe("provider/model of models that had unpriced events and have none now"),
    durationMs: z.number().int(),
  })
  .describe("What re-pricing the stored events did, in the same transaction as the change");

export const PriceOverrideChangeSchema = z.object({ override: PriceOverrideSchema.nullable(), repricing: RepricingSchema });
export const CataloguePriceSchema = z
  .object({
    provider: z.string().describe("catalogue provider that matched (e.g. `google` for `vertex`)"),
    model: z.string().describe("catalogue model id the name resolved to"),
    inputPerMtok: z.string().nullable(),
    cachedInputPerMtok: z.string().nullable(),
    cacheWritePerMtok: z.string().nullable(),
    outputPerMtok: z.string().nullable(),
  })
  .describe("the bundled catalogue's list price in force today, USD per million tokens (lowest context tier); null prices are not published");
export type CataloguePrice = z.infer<typeof CataloguePriceSchema>;

export const PriceOverrideListSchema = z.object({
  overrides: z.array(PriceOverrideSchema.extend({ catalogue: CataloguePriceSchema.nullable().describe("the catalogue price this override replaces (in force today); null for models the catalogue does not know") })),
});
