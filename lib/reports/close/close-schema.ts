/** Closed months and restatements (issue 16.3): API shapes for /api/v1/reports/closed-months and the report's fields. */
import { z } from "zod";
import { badRequest } from "@/lib/errors";
import { MONTH_RE } from "../report-month";

const usd = z.string().describe("decimal string in USD");

/** The {month} path segment, checked before anything else is read. */
export function pathMonth(value: string | string[] | undefined): string {
  const month = typeof value === "string" ? value : "";
  if (!MONTH_RE.test(month)) throw badRequest(`month: "${month}" is not a month (YYYY-MM, e.g. 2026-10)`);
  return month;
}

export const ClosedMonthSchema = z.object({
  month: z.string().describe("UTC month YYYY-MM"),
  closedAt: z.string(),
  closedBy: z.string(),
  costUsd: usd.describe("the month's total (all teams) when it was closed"),
  requests: z.number().int().describe("calls when it was closed"),
});
export type ClosedMonthOut = z.infer<typeof ClosedMonthSchema>;

export const ClosedMonthsResponseSchema = z.object({ closedMonths: z.array(ClosedMonthSchema).describe("newest month first") });

export const AdjustmentSchema = z.object({
  addedOn: z.string().nullable().describe("UTC day the calls arrived (their import or API batch); null for calls stored without a batch"),
  requests: z.number().int(),
  costUsd: usd,
});

export const RestatementSchema = z
  .object({
    basis: z.enum(["export", "close", "viewed"]).describe("what the month is compared with: its last export, its close, or its first view as complete"),
    since: z.string().describe("when that snapshot was taken"),
    snapshotCostUsd: usd.describe("the month's total then (in the caller's scope)"),
    costUsd: usd.describe("the month's total now"),
    changeUsd: usd.describe("costUsd - snapshotCostUsd, exact"),
    requestsAdded: z.number().int().describe("calls now minus calls then"),
    adjustments: z.array(AdjustmentSchema).describe("calls of the month that arrived after the snapshot, by the day they arrived"),
    text: z.string().describe('e.g. "restated: +$0.01, 3 calls added on Dec 2"'),
  })
  .describe("the month changed since it was exported, first viewed as complete or closed; null when it did not");
export type Restatement = z.infer<typeof RestatementSchema>;
