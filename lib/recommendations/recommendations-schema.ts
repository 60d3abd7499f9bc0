/** GET /api/v1/recommendations and /api/v1/recommendations/over-specified: query and response shapes. */
import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

export const RecommendationsQuerySchema = z.object({
  from: day.optional().describe("first UTC day of the window the costs come from (default: 30 days before `to`)"),
  to: day.optional().describe("last UTC day, inclusive (default: yesterday)"),
  team: z.string().min(1).optional().describe("only this team's workloads (slug)"),
});

export const OverSpecifiedQuerySchema = RecommendationsQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(500).optional().describe("at most this many, largest money at stake first"),
});

const ModelSchema = z.object({ provider: z.string(), model: z.string(), tier: z.string().nullable() });

/** A pass rate measured on an eval set, with its 95% Wilson interval (lib/whatif/wilson.ts). */
export const PassIntervalSchema = z
  .object({
    passes: z.number().int(),
    tasks: z.number().int(),
    rate: z.number().describe("passes / tasks"),
    low: z.number().describe("95% Wilson lower bound"),
    high: z.number().describe("95% Wilson upper bound"),
  })
  .describe("the recommended model's eval pass rate with its 95% interval; null when the recommendation rests on the task class only");

const ConfidenceSchema = z
  .enum(["high", "medium", "low"])
  .describe("high: the 95% lower bound of the eval pass rate meets the floor; medium: the measured rate meets it but the lower bound does not; low: task class only, no eval");

export const RecommendationSchema = z.object({
  workload: z.string(),
  workloadName: z.string(),
  team: z.string().nullable(),
  taskClass: z.string().nullable(),
  qualityFloor: z.number(),
  currentModel: ModelSchema,
  monthlyCostUsd: z.string().describe("recorded cost of the workload's traffic in the window, per month (x 30.4375 / days)"),
  candidate: ModelSchema,
  recommendedMonthlyCostUsd: z.string().describe("the same traffic re-priced on the candidate, per month"),
  monthlySavingUsd: z.string(),
  annualSavingUsd: z.string(),
  confidence: ConfidenceSchema,
  basis: z.enum(["eval", "classification"]).describe("what the recommendation rests on"),
  passRate: PassIntervalSchema.nullable(),
  proven: z.boolean().describe("eval evidence meets the floor at the 95% lower bound: the 80/20 preset moves this workload"),
  unprovenReason: z.string().nullable().describe("when not proven: what evidence is missing"),
  evidence: z.string(),
  overSpecified: z.boolean(),
  revert: z.boolean().describe('the candidate is the model the workload ran on before a recent switch: "revert to <model>"'),
  modelSwitch: z
    .object({ from: z.string().describe("provider/model before"), to: z.string().describe("provider/model after"), on: z.string().describe("UTC day of the switch") })
    .nullable()
    .describe("a switch inside the window: the costs are the spend rate since it (lib/recommendations/model-switch.ts)"),
  scenario: z.unknown().describe("a POST /api/v1/whatif body that reroutes this workload to the candidate over the window"),
});

export const RecommendationsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  windowDays: z.number(),
  totalMonthlyCostUsd: z.string().describe("all the caller's workloads, per month"),
  totalMonthlySavingUsd: z.string(),
  recommendations: z.array(RecommendationSchema).describe("largest monthly saving first"),
  withoutRecommendation: z.array(
    z.object({
      workload: z.string(), workloadName: z.string(), team: z.string().nullable(), taskClass: z.string().nullable(),
      currentModel: ModelSchema, monthlyCostUsd: z.string(), reason: z.string(),
    }),
  ),
});
export type RecommendationsResponse = z.infer<typeof RecommendationsResponseSchema>;

export const OverSpecifiedResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  totalMonthlyAtStakeUsd: z.string(),
  workloads: z.array(
    z.object({
      workload: z.string(), workloadName: z.string(), team: z.string().nullable(), taskClass: z.string().nullable(),
      taskClassConfirmed: z.boolean(), currentModel: ModelSchema, monthlyCostUsd: z.string(), reason: z.string(),
      monthlyAtStakeUsd: z.string().describe("monthly saving of the recommendation (every over-specified workload has one)"),
      candidate: ModelSchema,
      confidence: ConfidenceSchema,
      passRate: PassIntervalSchema.nullable(),
    }),
  ),
});
export type OverSpecifiedResponse = z.infer<typeof OverSpecifiedResponseSchema>;
