import { z } from "zod";
import { ReportBudgetSchema, ReportRowSchema } from "@/lib/reports/report-schema";
import { MonthSavingsSchema } from "@/lib/rollouts/rollout-schema";

/** GET /api/v1/reports/statements: one team's one-page statement for a month (PDF, or its data as JSON). */
export const StatementQuerySchema = z.object({
  month: z.string({ message: "give a month, e.g. month=2026-10" }).describe("UTC month YYYY-MM"),
  team: z.string({ message: "give a team slug, e.g. team=search" }).trim().min(1, "give a team slug").describe("team slug"),
  format: z.enum(["pdf", "json"], { message: "must be pdf or json" }).default("pdf"),
});

const usd = z.string().describe("decimal string in USD");

export const TeamStatementSchema = z.object({
  team: z.object({ key: z.string(), label: z.string() }),
  month: z.string(),
  monthName: z.string(),
  from: z.string(),
  to: z.string(),
  complete: z.boolean(),
  generatedAt: z.string(),
  charges: z.object({
    attributedUsd: usd.describe("all usage attributed to the team"),
    directUsd: usd.describe("attributed usage less what is itself a shared pool (allocated to others)"),
    allocatedUsd: usd.describe("the team's share of shared and unattributed spend"),
    totalUsd: usd.describe("direct + allocated: what the team is charged"),
    allocations: z.array(z.object({ rule: z.string(), source: z.string(), basis: z.string(), usd })),
  }),
  currency: z.string().describe("the reporting currency"),
  inCurrency: z
    .object({
      currency: z.string(),
      rateRule: z.string(),
      attributed: z.string(),
      direct: z.string(),
      allocated: z.string(),
      total: z.string(),
      allocations: z.array(z.string()).describe("each of charges.allocations, in the currency, in the same order"),
      previousTotal: z.string().nullable().describe("null when a day of the previous month has no rate"),
      change: z.string().nullable(),
    })
    .nullable()
    .describe("the charges in the reporting currency (null for USD); topWorkloads/topModels carry cost/previousCost"),
  previous: z.object({ month: z.string(), from: z.string(), to: z.string(), totalUsd: usd, changeUsd: usd, changeShare: z.number().nullable() }),
  budgets: z.array(ReportBudgetSchema),
  topWorkloads: z.array(ReportRowSchema.extend({ sharedPool: z.boolean().describe("a shared pool: its cost is allocated to teams, not charged here directly") })),
  topModels: z.array(ReportRowSchema),
  savings: MonthSavingsSchema.extend({ note: z.string() }).describe(
    "realised savings of the team's applied rollouts on the month's days: the same figures as the monthly report's savingsDelivered for a reader of this team",
  ),
});
export type TeamStatement = z.infer<typeof TeamStatementSchema>;
