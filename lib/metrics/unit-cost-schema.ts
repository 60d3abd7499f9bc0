import { z } from "zod";
import { RangeParams } from "@/lib/analytics/spend-query";

/** GET /api/v1/metrics/unit-cost: spend divided by a business metric over time (public contract). */
export const UnitCostQuerySchema = z.object({
  name: z.string().min(1).max(64).describe("metric name"),
  team: z.string().min(1).optional().describe("team slug the metric is for (absent = organisation-wide or workload metric)"),
  workload: z.string().min(1).optional().describe("workload slug the metric is for"),
  ...RangeParams,
  granularity: z.enum(["day", "month"], { message: "must be day or month" }).default("day"),
});
export type UnitCostQuery = z.infer<typeof UnitCostQuerySchema>;

const usd = (what: string) => z.string().describe(`${what}; decimal string in USD, exact to the nano-dollar`);

export const UnitCostPointSchema = z.object({
  period: z.string().describe("YYYY-MM-DD (day) or YYYY-MM (month)"),
  costUsd: usd("spend of the metric's team/workload (or organisation) in the period"),
  units: z.string().nullable().describe("sum of the metric's values in the period; null when none was sent"),
  costPerUnitUsd: usd("costUsd / units, rounded half-up to the nano-dollar").nullable(),
  cost: z.string().optional().describe("costUsd in the reporting currency (each day at its rate); absent for USD"),
  costPerUnit: z.string().nullable().optional().describe("cost / units in the reporting currency"),
});

export const UnitCostResponseSchema = z.object({
  name: z.string(),
  team: z.string().nullable(),
  workload: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  granularity: z.enum(["day", "month"]),
  currency: z.string().optional().describe("the reporting currency of cost / costPerUnit (absent: USD only)"),
  points: z.array(UnitCostPointSchema),
  total: UnitCostPointSchema.omit({ period: true }).describe("over the days that carry a value (spend on days without one is left out, so the ratio is like for like)"),
});
export type UnitCostResponse = z.infer<typeof UnitCostResponseSchema>;

export const UnitCostRowSchema = z.object({
  name: z.string(),
  team: z.string().nullable(),
  workload: z.string().nullable(),
  units: z.string(),
  costUsd: usd("spend in the month on the days with a value"),
  costPerUnitUsd: usd("cost per unit this month").nullable(),
  previousCostPerUnitUsd: usd("cost per unit the month before").nullable(),
  changePct: z.number().nullable().describe("change of cost per unit vs the month before, percent (rounded to 0.1)"),
  cost: z.string().nullable().optional().describe("costUsd in the reporting currency; null when a day has no rate"),
  costPerUnit: z.string().nullable().optional().describe("cost per unit this month in the reporting currency"),
  previousCostPerUnit: z.string().nullable().optional().describe("the month before, in the reporting currency; null when a day has no rate"),
});
export type UnitCostRow = z.infer<typeof UnitCostRowSchema>;
