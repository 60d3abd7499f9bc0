import { z } from "zod";
import { BILL_PROVIDERS } from "./bill-line";

/** /api/v1/bills: import provider bills and compare them with our computed cost. */
export const BillImportQuerySchema = z.object({
  provider: z.enum(BILL_PROVIDERS, { message: `must be one of ${BILL_PROVIDERS.join(", ")}` }).optional()
    .describe("openai | anthropic; recognised from the file when omitted"),
});

export const BillDeleteQuerySchema = z.object({
  provider: z.enum(BILL_PROVIDERS, { message: `must be one of ${BILL_PROVIDERS.join(", ")}` }),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM"),
});

export const ReconciliationQuerySchema = z.object({
  month: z.string({ message: "give a month, e.g. month=2026-10" }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month YYYY-MM").describe("UTC month"),
});

const usd = z.string().describe("decimal string in USD");

export const BillImportResponseSchema = z.object({
  provider: z.enum(BILL_PROVIDERS),
  lines: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int().describe("lines of the same days from an earlier import that this file replaced"),
  duplicates: z.number().int(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  totalUsd: usd,
  months: z.array(z.string()),
});

export const BillImportsResponseSchema = z.object({
  imports: z.array(z.object({ provider: z.string(), month: z.string(), days: z.number().int(), lines: z.number().int(), billedUsd: usd, firstDay: z.string(), lastDay: z.string() })),
});

export const ProviderReconciliationSchema = z.object({
  provider: z.string(),
  providerName: z.string(),
  billedUsd: usd,
  computedUsd: usd.describe("our cost from usage (the explorer's numbers, all teams)"),
  differenceUsd: usd.describe("billed - computed"),
  differenceShare: z.number().nullable().describe("difference / billed"),
  status: z.enum(["matched", "differs", "no_bill", "no_usage"]).describe("matched: within 0.5% (or a cent); no_bill: no bill imported for the month"),
  explanation: z.array(
    z.object({
      kind: z.enum(["missing_usage_days", "missing_bill_days", "unpriced_models", "non_token", "pricing", "note"]),
      amountUsd: usd.nullable().describe("contribution to the difference; the parts sum to differenceUsd (null for a note)"),
      days: z.array(z.string()),
      detail: z.string(),
    }),
  ),
  days: z.array(z.object({ day: z.string(), billedUsd: usd.nullable(), computedUsd: usd.nullable(), differenceUsd: usd })),
  models: z.array(z.object({ model: z.string(), billedUsd: usd.nullable(), computedUsd: usd.nullable(), differenceUsd: usd, unpriced: z.boolean() }))
    .describe("per model, when the bill names models (group_by=line_item / description)"),
});

export const ReconciliationResponseSchema = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  providers: z.array(ProviderReconciliationSchema),
});
export type ReconciliationResponse = z.infer<typeof ReconciliationResponseSchema>;
